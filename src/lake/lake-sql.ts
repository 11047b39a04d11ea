// CloudTrail Lake's SQL dialect on DuckDB: the documented restrictions (one SELECT, ≤ 10,000 characters, event data
// store IDs as tables, one store per FROM unless joined), checked on DuckDB's own parse tree, and result column names.
import type { DuckConnection } from './duckdb-loader.js';
import { quoteIdentifier, quoteLiteral } from './lake-schema.js';
import { InvalidQueryStatementException } from './lake-errors.js';

export const MAX_QUERY_LENGTH = 10_000;

/** Trino functions Lake queries use, where DuckDB's spelling or result differs (created once per database). */
export const TRINO_MACROS = [
  'CREATE MACRO element_at(container, key) AS container[key]',
  'CREATE MACRO regexp_like(text, pattern) AS regexp_matches(text, pattern)',
  'CREATE MACRO json_extract_scalar(json, path) AS json_extract_string(json, path)',
  'CREATE MACRO json_parse(text) AS json(text)',
  'CREATE MACRO json_format(json) AS CAST(json AS VARCHAR)',
  'CREATE MACRO from_iso8601_timestamp(text) AS CAST(text AS TIMESTAMPTZ)',
];

/** A bare token shaped like an event data store ID (a UUID, or any hyphenated word naming a known store). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Quotes event data store IDs (`FROM 9a8b…-…`): DuckDB would read the hyphens as minus signs. Skips string literals,
 * quoted identifiers and comments.
 */
export function quoteStoreIds(sql: string, isStoreId: (token: string) => boolean): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    let end = i + 1;
    if (c === "'" || c === '"') {
      end = sql.indexOf(c, i + 1);
      while (end !== -1 && sql[end + 1] === c) end = sql.indexOf(c, end + 2);
      end = end === -1 ? sql.length : end + 1;
    } else if (c === '-' && next === '-') {
      end = sql.indexOf('\n', i);
      end = end === -1 ? sql.length : end;
    } else if (c === '/' && next === '*') {
      end = sql.indexOf('*/', i + 2);
      end = end === -1 ? sql.length : end + 2;
    } else if (/[A-Za-z0-9_]/.test(c)) {
      const m = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/.exec(sql.slice(i))!;
      end = i + m[0].length;
      const token = m[0];
      const boundary = i === 0 || !/[A-Za-z0-9_.]/.test(sql[i - 1]!);
      if (boundary && token.includes('-') && (UUID.test(token) || isStoreId(token))) {
        out += quoteIdentifier(token);
        i = end;
        continue;
      }
    }
    out += sql.slice(i, end);
    i = end;
  }
  return out;
}

/** What the parse tree says about a statement: the tables it names and its result column names where Lake fixes them. */
export interface CheckedStatement {
  /** The SQL DuckDB runs (store IDs quoted, a trailing `;` dropped). */
  sql: string;
  /** Table names used in FROM/JOIN that are not CTEs: event data store IDs. */
  tables: string[];
  /** Lake's name per result column (`_col1` for an unnamed expression), or undefined to keep DuckDB's (a `*`). */
  columnNames: string[] | undefined;
}

type Node = { [key: string]: unknown };

function invalid(message: string): never {
  throw new InvalidQueryStatementException(message);
}

/**
 * Applies the documented restrictions
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-limitations.html) with DuckDB's parser:
 * throws InvalidQueryStatementException for anything else.
 */
export async function checkStatement(connection: DuckConnection, statement: string | undefined, isStoreId: (token: string) => boolean): Promise<CheckedStatement> {
  if (typeof statement !== 'string' || statement.trim() === '') invalid('The query statement is empty.');
  if (statement.length > MAX_QUERY_LENGTH) invalid(`The query statement is ${statement.length} characters long; the maximum is ${MAX_QUERY_LENGTH}.`);
  const sql = quoteStoreIds(statement, isStoreId).trim().replace(/;\s*$/, '');
  const reader = await connection.runAndReadAll(`SELECT json_serialize_sql(${quoteLiteral(sql)})`);
  const tree = JSON.parse(String(reader.getRows()[0]![0])) as { error: boolean; error_message?: string; error_type?: string; statements?: Array<{ node: Node }> };
  if (tree.error) {
    if (tree.error_type === 'not implemented') invalid('Only SELECT statements are allowed. No query strings can change or mutate data.');
    invalid(`The query has a syntax error: ${tree.error_message ?? 'unparseable statement'}.`);
  }
  const statements = tree.statements ?? [];
  if (statements.length !== 1) invalid('A query must be exactly one SELECT statement.');
  const root = statements[0]!.node;
  const tables = new Set<string>();
  const ctes = new Set<string>();
  walk(root, (node) => {
    const map = (node['cte_map'] as { map?: Array<{ key: string }> } | undefined)?.map;
    for (const entry of map ?? []) ctes.add(entry.key.toLowerCase());
    switch (node['type']) {
      case 'BASE_TABLE':
        if (node['schema_name'] || node['catalog_name']) invalid(`Table ${String(node['table_name'])} is not an event data store ID.`);
        tables.add(String(node['table_name']));
        break;
      case 'TABLE_FUNCTION':
        invalid('Only event data store IDs can follow FROM; table functions are not allowed.');
        break;
      case 'JOIN':
        if (node['ref_type'] !== 'REGULAR' || !['INNER', 'LEFT', 'RIGHT'].includes(String(node['join_type']))) {
          invalid('Only one event data store can be named in a FROM clause; combine event data stores with INNER, LEFT or RIGHT JOIN, UNION, EXCEPT or INTERSECT.');
        }
        break;
    }
  });
  return { sql, tables: [...tables].filter((t) => !ctes.has(t.toLowerCase())), columnNames: resultNames(root) };
}

function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (value !== null && typeof value === 'object') {
    visit(value as Node);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

/** Trino's result column names: an alias, a column's own name, else `_col<position>`. */
function resultNames(root: Node): string[] | undefined {
  let node = root;
  while (node['type'] === 'SET_OPERATION_NODE') node = node['left'] as Node;
  const list = node['select_list'] as Node[] | undefined;
  if (!list || list.some((e) => e['class'] === 'STAR' || e['type'] === 'STAR')) return undefined;
  return list.map((e, i) => {
    if (typeof e['alias'] === 'string' && e['alias'] !== '') return e['alias'];
    const names = e['column_names'];
    if (e['class'] === 'COLUMN_REF' && Array.isArray(names) && names.length > 0) return String(names[names.length - 1]);
    return `_col${i}`;
  });
}

/** The statement with every result value cast to text, as GetQueryResults returns them. */
export function asTextSql(checked: CheckedStatement): string {
  return `SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (${checked.sql}\n)`;
}

/** Lake's result column names where the statement fixes them, else DuckDB's. */
export function resultColumns(checked: CheckedStatement, duckDbNames: string[]): string[] {
  return checked.columnNames && checked.columnNames.length === duckDbNames.length ? checked.columnNames : duckDbNames;
}
