// Builds dist/esm and dist/cjs, each with its own declarations, with the TypeScript compiler alone: no bundler to trust
// or configure. No source maps: src/ is not shipped, and the emitted JavaScript is tsc's line-for-line output anyway.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';

const tsc = (project) => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
tsc('tsconfig.build.json');
tsc('tsconfig.cjs.json');
// Each output folder declares its own module format, so Node loads its .js and TypeScript reads its .d.ts as that format
// (CommonJS users get CommonJS declarations) whatever the root package says.
writeFileSync('dist/esm/package.json', '{"type":"module"}\n');
writeFileSync('dist/cjs/package.json', '{"type":"commonjs"}\n');
for (const bin of ['dist/cjs/cli/main.js', 'dist/esm/cli/main.js']) if (existsSync(bin)) chmodSync(bin, 0o755);
