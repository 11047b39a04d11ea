// `localtrail query`: CloudTrail Lake's SQL over delivered log files, whose records form the table `events`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectSource } from '../validation/object-source.js';
import type { LocalLogFiles } from './delivered-log-files.js';
import { logFilesFromSource, logFilesInFolder } from './delivered-log-files.js';
import { openDuckDb } from './duckdb-loader.js';
import { InvalidQueryStatementException } from './lake-errors.js';
import { createEventsTableSql } from './lake-schema.js';
import { asTextSql, checkStatement, resultColumns } from './lake-sql.js';
import { loadLogFiles } from './record-loader.js';

export const EVENTS_TABLE = 'events';

/** Where the log files are: a folder a FilesystemSink wrote, or an object source (e.g. `s3Source`). */
export type DeliveredFiles = { folder: string } | { source: ObjectSource };

export interface FilesQueryResult {
  columns: string[];
  /** Every value as text (NULL as null), as Lake's GetQueryResults gives them. */
  rows: Array<Array<string | null>>;
  /** Log files read and records loaded. */
  files: number;
  records: number;
}

/**
 * Loads every log file of `from` into the table `events` (Lake's schema) and runs one SELECT over it.
 * @example
 * const { columns, rows } = await queryDeliveredFiles('SELECT eventName, count(*) FROM events GROUP BY 1', { folder: './.localtrail' });
 */
export async function queryDeliveredFiles(sql: string, from: DeliveredFiles): Promise<FilesQueryResult> {
  const instance = await openDuckDb();
  let files: LocalLogFiles | undefined;
  try {
    const connection = await instance.connect();
    files = 'folder' in from ? await logFilesInFolder(from.folder) : await logFilesFromSource(from.source, mkdtempSync(join(tmpdir(), 'localtrail-query-')));
    await connection.run(createEventsTableSql(EVENTS_TABLE));
    await loadLogFiles(connection, EVENTS_TABLE, files.paths);
    // The records are in; from here on the SQL reads nothing else (no files, no extensions).
    await connection.run('SET enable_external_access = false');
    const checked = await checkStatement(connection, sql, () => false);
    const other = checked.tables.find((t) => t.toLowerCase() !== EVENTS_TABLE);
    if (other !== undefined) throw new InvalidQueryStatementException(`Unknown table ${other}: the records of the delivered log files are the table ${EVENTS_TABLE}.`);
    const reader = await connection.runAndReadAll(asTextSql(checked));
    const count = await connection.runAndReadAll(`SELECT count(*) FROM ${EVENTS_TABLE}`);
    return {
      columns: resultColumns(checked, reader.columnNames()),
      rows: reader.getRows() as Array<Array<string | null>>,
      files: files.paths.length,
      records: Number(count.getRows()[0]![0]),
    };
  } finally {
    instance.closeSync();
    await files?.cleanup();
  }
}
