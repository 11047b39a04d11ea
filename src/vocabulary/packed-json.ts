// A record's requestParameters/responseElements kept as JSON text until someone reads them (docs/architecture.md,
// "Records kept as text").
import type { CloudTrailRecord, JsonObject } from './record.js';

/**
 * JSON text standing in for a record part. A kept record lives through the collector's copies and marks for as long as
 * it is kept (10,000 of them by default); one string is one object to copy, where the same part as objects is a few
 * dozen (an EC2 RunInstances response: 23 objects, 6 arrays, 40 strings). `unpackRecord` turns it back into objects
 * in place the first time the record is handed out; JSON.stringify sees the parsed value, so any serialiser is right.
 */
export class PackedJson {
  constructor(readonly text: string) {}

  toJSON(): JsonObject {
    return JSON.parse(this.text) as JsonObject;
  }
}

/** The part as objects: parsed when packed, as is otherwise. */
export function unpacked<T>(part: T | PackedJson): T {
  return part instanceof PackedJson ? (JSON.parse(part.text) as T) : part;
}

/**
 * Makes `record` plain objects throughout (in place, once; the same object stays the same record for matchers that
 * find a record's kept input by identity). Every path that hands records to code outside localtrail, or reads their
 * parameters, goes through here.
 */
export function unpackRecord(record: CloudTrailRecord): CloudTrailRecord {
  const r = record as { requestParameters?: unknown; responseElements?: unknown };
  if (r.requestParameters instanceof PackedJson) r.requestParameters = unpacked(r.requestParameters);
  if (r.responseElements instanceof PackedJson) r.responseElements = unpacked(r.responseElements);
  return record;
}

/** Unpacks every record of `records` (see unpackRecord) and returns the same array. */
export function unpackRecords(records: CloudTrailRecord[]): CloudTrailRecord[] {
  for (let i = 0; i < records.length; i++) unpackRecord(records[i]!);
  return records;
}

const REQUEST_TOKEN = '\u0000localtrail:requestParameters';
const RESPONSE_TOKEN = '\u0000localtrail:responseElements';
const REQUEST_SLOT = `"requestParameters":${JSON.stringify(REQUEST_TOKEN)}`;
const RESPONSE_SLOT = `"responseElements":${JSON.stringify(RESPONSE_TOKEN)}`;

/**
 * `JSON.stringify(record)`, without parsing packed parts: the record is written with a token in each packed part's
 * place and the part's text is put where the token is. The text is what JSON.stringify writes for the parsed part
 * (parameters-text.ts writes it that way), so the result is byte for byte the same. A token can only be found where
 * it was put: its slot is the top-level key followed by the token, which no string of the record can contain
 * unescaped.
 */
export function recordJson(record: CloudTrailRecord): string {
  const r = record as { requestParameters?: unknown; responseElements?: unknown };
  const request = r.requestParameters;
  const response = r.responseElements;
  const packedRequest = request instanceof PackedJson;
  const packedResponse = response instanceof PackedJson;
  if (!packedRequest && !packedResponse) return JSON.stringify(record);
  if (packedRequest) r.requestParameters = REQUEST_TOKEN;
  if (packedResponse) r.responseElements = RESPONSE_TOKEN;
  let json: string;
  try {
    json = JSON.stringify(record);
  } finally {
    r.requestParameters = request;
    r.responseElements = response;
  }
  if (packedRequest) json = splice(json, REQUEST_SLOT, `"requestParameters":${request.text}`);
  if (packedResponse) json = splice(json, RESPONSE_SLOT, `"responseElements":${response.text}`);
  return json;
}

function splice(json: string, slot: string, value: string): string {
  const at = json.indexOf(slot);
  return json.slice(0, at) + value + json.slice(at + slot.length);
}
