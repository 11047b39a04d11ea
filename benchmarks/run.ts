// `npm run bench`: runs every benchmarks/*.bench.ts in this one process, prints one line per figure and writes
// benchmarks/results.json. `npm run bench -- record` runs only files whose name contains "record".
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './harness.js';
import { machine } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(`machine: ${machine()}`);
const resultsFile = join(here, 'results.json');
// A filtered run (`npm run bench -- record`) updates its own entries and keeps the others'.
const results: Record<string, Record<string, number | string>> =
  filters.length > 0 && existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, Record<string, number | string>>) : {};
let failed = false;
for (const file of files) {
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
    const out: BenchResult[] = await mod.default();
    for (const r of out) {
      console.log(r.line);
      results[r.name] = r.json;
    }
  } catch (error) {
    failed = true;
    console.error(`${file}: failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
results['machine'] = { description: machine() };
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
console.log(`wrote benchmarks/results.json (${files.length} benchmark files)`);
if (failed) process.exitCode = 1;
