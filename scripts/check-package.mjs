// Installs the packed tarball into scratch projects as a user would and checks that each type-checks and runs:
// without the optional peers (strict, node16, skipLibCheck false; a misspelt input must not compile), ESM and
// CommonJS programs (node16, bundler, commonjs, node10), and the documented vitest and jest setups.
// Usage: node scripts/check-package.mjs [localtrail-x.y.z.tgz] [--node=/path/to/another/node ...] [--keep]
// Packs the current build when no tarball is given. Installs prefer the local npm cache. Type-checks run once; the
// programs and test runners run on this Node and on every `--node` (e.g. Node 22 from `npx -y node@22`), so the
// installs are shared.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const templates = join(repo, 'scripts', 'package-check');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const nodes = [process.execPath, ...args.filter((a) => a.startsWith('--node=')).map((a) => a.slice('--node='.length))];
const work = mkdtempSync(join(tmpdir(), 'localtrail-package-check-'));
const failures = [];
let passed = 0;

/** The version this repository was tested with, so installs come from the cache and results do not drift. */
const versionOf = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
const pinned = (...names) => names.map((name) => `${name}@${versionOf(name)}`);

function run(cwd, command, commandArgs, { expectFailure = false } = {}) {
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  return { ok: expectFailure ? result.status !== 0 : result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** One named check: prints `ok` or `FAIL` with the output, and counts it. */
function check(name, { ok, output }, mustContain) {
  const good = ok && (mustContain === undefined || output.includes(mustContain));
  if (good) passed++;
  else failures.push(name);
  console.log(`${good ? 'ok  ' : 'FAIL'} ${name}${good ? '' : `\n${output.replace(/^/gm, '     ')}`}`);
}

const node = (nodePath, cwd, ...rest) => run(cwd, nodePath, rest);
const nodeVersion = (nodePath) => execFileSync(nodePath, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
const bin = (root, name) => {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  const entry = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[name === 'typescript' ? 'tsc' : name];
  return join(root, 'node_modules', name, entry);
};
const tsc = (root, cwd, project, options) => run(cwd, process.execPath, [bin(root, 'typescript'), '-p', project], options);

function npmInstall(cwd, packages) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...packages], { cwd, stdio: 'inherit' });
}

function packTarball() {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8' });
  return join(work, JSON.parse(out)[0].filename);
}

try {
  const tarball = resolve(args.find((a) => a.endsWith('.tgz')) ?? packTarball());
  const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
  console.log(`localtrail package check: ${tarball}\nNode ${nodes.map(nodeVersion).join(', ')}; scratch projects in ${work}`);

  // 1. Without the optional peers: only localtrail, TypeScript and Node's types.
  const nopeer = join(work, 'nopeer');
  cpSync(join(templates, 'nopeer'), nopeer, { recursive: true });
  npmInstall(nopeer, [tarball, ...pinned('typescript', '@types/node')]);
  check('no peers: strict node16 type-check (ESM + CJS), skipLibCheck false', tsc(nopeer, nopeer, 'tsconfig.json'));
  check("no peers: createTrail({ Nmae: 'typo' }) fails to compile", tsc(nopeer, nopeer, 'tsconfig.typo.json', { expectFailure: true }), 'Nmae');
  const cli = join(nopeer, 'node_modules', 'localtrail', JSON.parse(readFileSync(join(nopeer, 'node_modules', 'localtrail', 'package.json'), 'utf8')).bin.localtrail);
  for (const nodePath of nodes) {
    const on = `(Node ${nodeVersion(nodePath)})`;
    check(`no peers: ESM program runs ${on}`, node(nodePath, nopeer, 'out/main.mjs'), 'nopeer esm ok: audit');
    check(`no peers: CommonJS program runs ${on}`, node(nodePath, nopeer, 'out/main.cjs'), 'nopeer cjs ok: audit');
    const fflate = "require('localtrail'); const f = Object.keys(require.cache).filter((k) => k.includes('fflate')); console.log(f.length ? 'fflate loaded: ' + f : 'no fflate')";
    check(`no peers: require("localtrail") loads no fflate ${on}`, node(nodePath, nopeer, '-e', fflate), 'no fflate');
    check(`no peers: localtrail --version ${on}`, node(nodePath, nopeer, cli, '--version'), version);
    check(`no peers: localtrail -v ${on}`, node(nodePath, nopeer, cli, '-v'), version);
  }
  const shipped = readdirSync(join(nopeer, 'node_modules', 'localtrail'), { recursive: true, encoding: 'utf8' });
  check('tarball: LICENSE, no source maps', { ok: shipped.includes('LICENSE') && !shipped.some((f) => f.endsWith('.map')), output: shipped.join('\n') });

  // 2. With the peers: ESM and CommonJS programs, and the vitest and jest setups, sharing one install.
  const peers = join(work, 'peers');
  cpSync(templates, peers, { recursive: true, filter: (src) => !src.startsWith(join(templates, 'nopeer')) });
  for (const flavour of ['esm', 'cjs']) cpSync(join(templates, 'program', 'main.ts'), join(peers, flavour, 'main.ts'));
  npmInstall(peers, [
    tarball,
    ...pinned('@aws-sdk/client-cloudtrail', '@aws-sdk/client-s3', 'typescript', '@types/node', 'vitest', 'jest', '@jest/globals', '@swc/jest', '@swc/core'),
  ]);
  const esm = join(peers, 'esm');
  const cjs = join(peers, 'cjs');
  for (const project of ['tsconfig.json', 'tsconfig.bundler.json']) check(`esm: type-check ${project}`, tsc(peers, esm, project));
  for (const project of ['tsconfig.json', 'tsconfig.commonjs.json', 'tsconfig.node10.json']) check(`cjs: type-check ${project}`, tsc(peers, cjs, project));
  check('vitest: setupFiles + reference line type-check', tsc(peers, join(peers, 'vitest'), 'tsconfig.json'));
  check('jest: setupFilesAfterEnv + reference line type-check', tsc(peers, join(peers, 'jest'), 'tsconfig.json'));
  for (const nodePath of nodes) {
    const on = `(Node ${nodeVersion(nodePath)})`;
    check(`esm: program runs ${on}`, node(nodePath, esm, 'out/main.js'), 'program ok: ListBuckets, 2 log file(s), 2 digest(s), 0');
    check(`cjs: program runs ${on}`, node(nodePath, cjs, 'out/main.js'), 'program ok: ListBuckets, 2 log file(s), 2 digest(s), 0');
    check(`vitest: matchers run ${on}`, node(nodePath, join(peers, 'vitest'), bin(peers, 'vitest'), 'run'), '1 passed');
    check(`jest: matchers run ${on}`, node(nodePath, join(peers, 'jest'), bin(peers, 'jest'), '--ci'), '1 passed');
  }
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\ncheck-package: ${passed} passed, ${failures.length} failed`);
if (failures.length > 0) process.exitCode = 1;
