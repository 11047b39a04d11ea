// DuckDB is an optional peer: importing localtrail and using the Lake's control plane never load it; the first query
// does; without the package the query fails with an error that names it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbMissingError, loadDuckDb } from '../../src/lake/duckdb-loader.js';

const bin = join(import.meta.dirname, 'fixtures-bin');
const root = join(import.meta.dirname, '..', '..');

function run(extraArgs: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    // `--import tsx` (not tsx's CLI, which starts another process) so that the hooks given in `extraArgs` apply.
    execFile(process.execPath, ['--import', 'tsx', ...extraArgs, join(bin, 'duckdb-on-demand.ts')], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}

describe('@duckdb/node-api, an optional peer dependency', () => {
  it('is not loaded by importing localtrail, creating a store or recording into it; the first query loads it', async () => {
    expect(await run([])).toEqual({ afterImport: false, afterStoreAndRecording: false, afterQuery: true });
  }, 60_000);

  it('when missing, makes the query fail with an error naming the package to install', async () => {
    const result = await run(['--import', join(bin, 'register-hide-duckdb.mjs')]);
    expect(result['afterStoreAndRecording']).toBe(false);
    expect(result['queryError']).toEqual({
      name: 'DuckDbMissingError',
      code: 'DUCKDB_MISSING',
      message:
        'localtrail: CloudTrail Lake and `localtrail query` run on DuckDB, an optional peer dependency that is not installed. Install it with: npm install @duckdb/node-api',
    });
  }, 60_000);

  it('loadDuckDb turns a failed import into DuckDbMissingError, keeping the cause', async () => {
    const cause = new Error("Cannot find package '@duckdb/node-api'");
    const error = await loadDuckDb(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbMissingError);
    expect((error as Error).cause).toBe(cause);
  });
});
