// The DuckDB database behind CloudTrail Lake: opened on the first query (or when a store's backlog grows), one table
// per event data store, records loaded in batches off the hot path. User SQL can read no file and load no extension.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckConnection, DuckInstance } from './duckdb-loader.js';
import { openDuckDb } from './duckdb-loader.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { EventDataStore } from './event-data-store.js';
import { createEventsTableSql, quoteIdentifier, quoteLiteral } from './lake-schema.js';
import { TRINO_MACROS } from './lake-sql.js';
import { loadRecordTexts } from './record-loader.js';
import { recordJson } from '../vocabulary/packed-json.js';

/** Records serialised and loaded per DuckDB insert. */
const LOAD_SLICE = 200_000;

interface Opened {
  instance: DuckInstance;
  /** Loads and DDL; queries get connections of their own so that cancelling one interrupts only it. */
  main: DuckConnection;
  folder: string;
}

export class LakeDatabase {
  private opened: Promise<Opened> | undefined;
  private readonly tables = new Set<string>();
  /** Loads and retention deletes run one at a time. */
  private work: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** Whether DuckDB was loaded (the Lake was queried or filled). */
  get isOpen(): boolean {
    return this.opened !== undefined;
  }

  open(): Promise<Opened> {
    if (this.closed) return Promise.reject(new Error('localtrail: the Lake database was closed by shutdown()'));
    this.opened ??= this.create().catch((error: unknown) => {
      this.opened = undefined;
      throw error;
    });
    return this.opened;
  }

  private async create(): Promise<Opened> {
    const instance = await openDuckDb();
    const main = await instance.connect();
    // DuckDB reads the NDJSON batches from this folder, and nothing else: user SQL gets no file access.
    const folder = mkdtempSync(join(tmpdir(), 'localtrail-lake-'));
    await main.run(`SET allowed_directories = [${quoteLiteral(folder + '/')}]`);
    await main.run('SET enable_external_access = false');
    // The folder exists only while a batch is loaded, so a LocalTrail never shut down leaves nothing behind.
    rmSync(folder, { recursive: true, force: true });
    for (const macro of TRINO_MACROS) await main.run(macro);
    return { instance, main, folder };
  }

  /** A connection for one query. */
  async connect(): Promise<DuckConnection> {
    return (await this.open()).instance.connect();
  }

  /** Moves a store's pending records into its table and drops rows past its retention (`retainFrom`, epoch ms). */
  sync(store: EventDataStore, retainFrom?: number): Promise<void> {
    const task = this.work.then(async () => {
      const { main, folder } = await this.open();
      if (!this.tables.has(store.id)) {
        await main.run(createEventsTableSql(store.id));
        this.tables.add(store.id);
      }
      const pending = store.pending;
      store.pending = [];
      if (pending.length > 0) await this.load(store, pending, main, folder);
      const cutoffIso = retainFrom === undefined ? undefined : new Date(retainFrom).toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (cutoffIso !== undefined && store.oldestEventTime !== undefined && store.oldestEventTime < cutoffIso) {
        const cutoff = cutoffIso.replace('T', ' ').replace('Z', '');
        await main.run(`DELETE FROM ${quoteIdentifier(store.id)} WHERE "eventTime" < TIMESTAMP ${quoteLiteral(cutoff)}`);
        const count = await main.runAndReadAll(`SELECT count(*) FROM ${quoteIdentifier(store.id)}`);
        const rows = Number(count.getRows()[0]![0]);
        if (rows < store.loadedRows) store.loadedBytes = Math.round((store.loadedBytes * rows) / store.loadedRows);
        store.loadedRows = rows;
        store.oldestEventTime = cutoffIso;
      }
    });
    this.work = task.catch(() => undefined);
    return task;
  }

  /** Loads records in slices through the batch folder, which exists only meanwhile. */
  private async load(store: EventDataStore, pending: CloudTrailRecord[], main: DuckConnection, folder: string): Promise<void> {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    try {
      // Slices bound the JSON text held at once (a million records are most of a gigabyte).
      for (let start = 0; start < pending.length; start += LOAD_SLICE) {
        const batch = pending.slice(start, start + LOAD_SLICE);
        const texts = new Array<string>(batch.length);
        for (let i = 0; i < batch.length; i++) {
          const record = batch[i]!;
          texts[i] = recordJson(record);
          // ISO times compare as strings: the oldest decides whether retention has anything to delete.
          if (store.oldestEventTime === undefined || record.eventTime < store.oldestEventTime) store.oldestEventTime = record.eventTime;
        }
        store.loadedBytes += await loadRecordTexts(main, store.id, texts, folder);
        store.loadedRows += batch.length;
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /** Drops the table of a store that is gone. */
  async drop(storeId: string): Promise<void> {
    if (!this.tables.delete(storeId) || !this.opened) return;
    const { main } = await this.opened;
    await main.run(`DROP TABLE IF EXISTS ${quoteIdentifier(storeId)}`);
  }

  /** Closes DuckDB (if it was opened) and removes the batch folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const opened = this.opened;
    if (!opened) return;
    const { instance, main, folder } = await opened.catch(() => ({ instance: undefined, main: undefined, folder: undefined }));
    await this.work;
    main?.closeSync();
    instance?.closeSync();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}
