// Reads the import graph of src/ (type-only and dynamic imports included: they are dependencies too) and checks it
// against the declared layers: no import from a lower layer up, no circle between folders.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { Layer } from './layers.js';

/** One import: `from` imports `to`, both paths relative to src/ with `/` separators. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** Every relative import between files of `srcDir` (spec files beside the code are not part of the layers). */
export function readImportGraph(srcDir: string): ImportEdge[] {
  const root = resolve(srcDir);
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName.replace(/\.(m|c)?js$/, '.$1ts'));
      if (!target.startsWith(root + sep) || !existsSync(target)) continue;
      edges.push({ from: srcPath(root, file), to: srcPath(root, target) });
    }
  }
  return edges;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(m|c)?ts$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.spec.ts')) out.push(path);
  }
  return out;
}

function srcPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** The top-level folder of src/ a file belongs to, or `.` for a file directly in src/. */
export function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

/**
 * What is wrong with the graph, one readable line per problem; empty when imports run one way.
 * @example
 * checkImportDirection([{ from: 'catalog/resources.ts', to: 'event/build-record.ts' }], LAYERS)
 * // ['catalog/resources.ts imports event/build-record.ts: ground may not import event, a layer above it']
 */
export function checkImportDirection(edges: readonly ImportEdge[], layers: readonly Layer[]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((layer, i) => layer.folders.forEach((folder) => rank.set(folder, i)));
  const problems: string[] = [];
  const unplaced = new Set<string>();
  const between: ImportEdge[] = [];
  for (const edge of edges) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    for (const folder of [from, to]) {
      if (!rank.has(folder) && !unplaced.has(folder)) {
        unplaced.add(folder);
        problems.push(`src/${folder} is in no layer: add it to test/architecture/layers.ts and docs/architecture.md`);
      }
    }
    if (from === to) continue;
    between.push(edge);
    const a = rank.get(from);
    const b = rank.get(to);
    if (a !== undefined && b !== undefined && b > a) {
      problems.push(`${edge.from} imports ${edge.to}: ${layers[a]!.name} may not import ${layers[b]!.name}, a layer above it`);
    }
  }
  for (const cycle of folderCycles(between)) problems.push(cycle);
  return problems;
}

/** Circles between folders (strongly connected components of the folder graph), each with the imports that close it. */
function folderCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    if (!next.has(a)) next.set(a, new Set());
    next.get(a)!.add(folderOf(to));
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => {
    const inside = edges.filter((e) => component.includes(folderOf(e.from)) && component.includes(folderOf(e.to)));
    return `folders import each other in a circle: ${component.join(', ')} (${inside.map((e) => `${e.from} → ${e.to}`).join('; ')})`;
  });
}
