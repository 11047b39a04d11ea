// Loads DuckDB (@duckdb/node-api, an optional peer dependency) on first use, and only then: importing localtrail
// never loads it. The narrow interfaces below are the part of its API localtrail uses, so no public type names it.

/** Thrown when Lake or `localtrail query` is used without @duckdb/node-api installed. */
export class DuckDbMissingError extends Error {
  override readonly name = 'DuckDbMissingError';
  readonly code = 'DUCKDB_MISSING';
  constructor(cause: unknown) {
    super(
      'localtrail: CloudTrail Lake and `localtrail query` run on DuckDB, an optional peer dependency that is not installed. ' +
        'Install it with: npm install @duckdb/node-api',
      { cause },
    );
  }
}

export interface DuckReader {
  columnNames(): string[];
  getRows(): unknown[][];
}

export interface DuckAppender {
  appendVarchar(value: string): void;
  endRow(): void;
  flushSync(): void;
  closeSync(): void;
}

export interface DuckPrepared {
  runAndReadAll(): Promise<DuckReader>;
}

export interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<DuckReader>;
  prepare(sql: string): Promise<DuckPrepared>;
  interrupt(): void;
  createAppender(table: string): Promise<DuckAppender>;
  closeSync(): void;
}

export interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}

interface DuckModule {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<DuckInstance> };
}

type Importer = () => Promise<unknown>;

const importDuckDb: Importer = () => import('@duckdb/node-api');
let loaded: Promise<DuckModule> | undefined;

/** @internal `importer` replaces the import in tests (a missing package). */
export function loadDuckDb(importer: Importer = importDuckDb): Promise<DuckModule> {
  if (importer !== importDuckDb) return resolveModule(importer);
  loaded ??= resolveModule(importer).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function resolveModule(importer: Importer): Promise<DuckModule> {
  let mod: unknown;
  try {
    mod = await importer();
  } catch (error) {
    throw new DuckDbMissingError(error);
  }
  const m = mod as Partial<DuckModule> & { default?: Partial<DuckModule> };
  const api = m.DuckDBInstance ? m : m.default;
  if (!api?.DuckDBInstance) throw new DuckDbMissingError(new Error('@duckdb/node-api has no DuckDBInstance export'));
  return api as DuckModule;
}

/** A new in-memory DuckDB database that installs and loads no extension by itself (no network, ever). */
export async function openDuckDb(importer?: Importer): Promise<DuckInstance> {
  const { DuckDBInstance } = await loadDuckDb(importer);
  return DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
}
