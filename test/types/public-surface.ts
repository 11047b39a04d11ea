// The package root as an editor sees it, read with the TypeScript checker: every export, those without TSDoc or an
// @example, and the LocalTrail's public members (documented or not).
import ts from 'typescript';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/** Reads src/index.ts with the checker; slow (a whole program), so call it once per file. */
export function analyse() {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const root = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const exports = checker.getExportsOfModule(root);
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const missing = exports
    .filter((e) => {
      const symbol = resolve(e);
      const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker));
      return doc.trim() === '' || !symbol.getJsDocTags(checker).some((t) => t.name === 'example');
    })
    .map((e) => e.name);
  const localTrail = resolve(exports.find((e) => e.name === 'LocalTrail')!);
  const publicMembers = checker
    .getDeclaredTypeOfSymbol(localTrail)
    .getProperties()
    .filter((p) => !p.declarations?.some((d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)))
    // #private fields are no part of the public type (the checker lists them under their `#name`).
    .filter((p) => !p.name.startsWith('#'))
    .filter((p) => !ts.getJSDocTags(p.declarations![0]!).some((t) => t.tagName.text === 'internal'));
  const undocumented = publicMembers.filter((p) => ts.displayPartsToString(p.getDocumentationComment(checker)).trim() === '').map((p) => p.name);
  return { count: exports.length, missing, members: publicMembers.map((p) => p.name), undocumented };
}

