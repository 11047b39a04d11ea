// The fidelity corpus: one real CloudTrail record per file, with the SDK call and wire reply that reproduce it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonRecord = { [key: string]: Json };

/** Where the record was published. `url` or `repo` + `path` (+ `commit`) must name it exactly. */
export interface CorpusSource {
  url?: string;
  repo?: string;
  path?: string;
  commit?: string;
  title: string;
  note?: string;
}

/** The SDK call a JavaScript program makes to produce the record. */
export interface CorpusCall {
  /** e.g. `@aws-sdk/client-dynamodb` */
  package: string;
  /** e.g. `DynamoDBClient` */
  client: string;
  /** e.g. `PutItemCommand` */
  command: string;
  region: string;
  /** Command input; `{"$bytes": "text"}` is a Uint8Array of that UTF-8 text, `{"$date": "ISO"}` a Date. */
  input: JsonRecord;
  /** Extra client configuration (e.g. `{"forcePathStyle": true}`), plain JSON. */
  config?: JsonRecord;
}

/** What the stub HTTP handler answers, in the service's wire protocol. */
export interface CorpusResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface CorpusEntry {
  source: CorpusSource;
  record: JsonRecord;
  call: CorpusCall;
  response: CorpusResponse;
  /** Paths (see compare-records.ts) whose value AWS generated and the call cannot reproduce; presence and type still compared. */
  volatilePaths?: string[];
  /** The account localtrail is told, when the record's resource ARNs name another account than its caller (docs sanitise numbers independently). */
  accountId?: string;
  /**
   * DynamoDB tables' key attribute names, given as the `dynamoDbTableKeys` option: a PutItem input does not say which
   * attributes form the key, which CloudTrail reads from the table (an application states it, or localtrail learns it
   * from a CreateTable or DescribeTable call it records).
   */
  dynamoDbTableKeys?: Record<string, string[]>;
}

export interface NamedEntry {
  /** File name without `.json`, e.g. `dynamodb-PutItem`. */
  name: string;
  entry: CorpusEntry;
}

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(here, 'corpus');

/** Every corpus file, sorted by name, parsed and checked for the fields the harness needs. */
export function loadCorpus(dir: string = CORPUS_DIR): NamedEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const entry = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusEntry;
      const name = file.slice(0, -'.json'.length);
      const problems = entryProblems(entry);
      if (problems.length > 0) throw new Error(`fidelity corpus ${file}: ${problems.join('; ')}`);
      return { name, entry };
    });
}

function entryProblems(e: CorpusEntry): string[] {
  const out: string[] = [];
  if (!e.source || !e.source.title || !(e.source.url || (e.source.repo && e.source.path))) out.push('source needs a title and a url or repo + path');
  if (!e.record || typeof e.record.eventName !== 'string' || typeof e.record.eventSource !== 'string') out.push('record needs eventSource and eventName');
  if (!e.call || !e.call.package || !e.call.client || !e.call.command || !e.call.region || typeof e.call.input !== 'object') out.push('call needs package, client, command, region, input');
  if (!e.response || typeof e.response.statusCode !== 'number' || typeof e.response.body !== 'string') out.push('response needs statusCode and body');
  return out;
}

/** Turns the JSON input's `$bytes` / `$date` markers into the values the SDK expects. */
export function decodeInput(value: Json): unknown {
  if (Array.isArray(value)) return value.map(decodeInput);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$bytes' && typeof value.$bytes === 'string') return new TextEncoder().encode(value.$bytes);
  if (keys.length === 1 && keys[0] === '$date' && typeof value.$date === 'string') return new Date(value.$date);
  return Object.fromEntries(keys.map((k) => [k, decodeInput(value[k]!)]));
}
