// Gets records into a DuckDB table of the Lake schema: from memory (as NDJSON through a private temporary folder,
// which DuckDB's reader parses in parallel) or from delivered log files (`.json.gz`, read and gunzipped by DuckDB).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DuckConnection } from './duckdb-loader.js';
import { insertRecordsSql, quoteLiteral } from './lake-schema.js';

/** A log file holds at most 50 MB of gzip, so its JSON document can be several hundred MB. */
const MAX_DOCUMENT_BYTES = 2 ** 31 - 1;

/**
 * Appends records, each a JSON text (`JSON.stringify(record)`, the text delivered files hold), to `table`.
 * `folder` must be a folder DuckDB may read (see `openDuckDb`). Resolves to the bytes loaded.
 */
export async function loadRecordTexts(connection: DuckConnection, table: string, texts: readonly string[], folder: string): Promise<number> {
  if (texts.length === 0) return 0;
  const file = join(folder, `${randomBytes(8).toString('hex')}.ndjson`);
  let bytes = 0;
  const handle = await fs.open(file, 'w');
  try {
    // In slices: one string of a million records would pass V8's longest string.
    for (let i = 0; i < texts.length; i += WRITE_SLICE) {
      const chunk = texts.slice(i, i + WRITE_SLICE).join('\n') + '\n';
      bytes += Buffer.byteLength(chunk);
      await handle.write(chunk);
    }
    await handle.close();
    await connection.run(insertRecordsSql(table, `SELECT json AS r FROM read_ndjson_objects(${quoteLiteral(file)})`));
  } finally {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true });
  }
  return bytes - texts.length;
}

const WRITE_SLICE = 20_000;

/** Appends the records of CloudTrail log files (gzip `{"Records":[…]}`) at `paths` to `table`. */
export async function loadLogFiles(connection: DuckConnection, table: string, paths: readonly string[]): Promise<void> {
  // Batches keep the SQL text short whatever the number of files.
  for (let i = 0; i < paths.length; i += 500) {
    const list = paths.slice(i, i + 500).map(quoteLiteral).join(', ');
    const files = `read_json_objects([${list}], format = 'unstructured', compression = 'gzip', maximum_object_size = ${MAX_DOCUMENT_BYTES})`;
    await connection.run(insertRecordsSql(table, `SELECT unnest(from_json(json, '{"Records":["JSON"]}')."Records") AS r FROM ${files}`));
  }
}
