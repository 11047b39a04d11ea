// How to turn one SDK input/output value into requestParameters/responseElements JSON: compiled once per shape.
import type { JsonValue } from '../vocabulary/record.js';

export const enum PlanKind {
  /** Walk whatever is there (no model knowledge). */
  Any = 0,
  Struct = 1,
  List = 2,
  Map = 3,
  /** The model (or a rule) marks it sensitive: written as the hidden marker, never its value. */
  Sensitive = 4,
  /** Blob or stream: never read. Left out of the record, as CloudTrail leaves bodies out. */
  Binary = 5,
  /** Left out of the record (application data CloudTrail does not log, e.g. DynamoDB expression values). */
  Omit = 6,
  /** A map written as the list of its keys: DynamoDB's `item` holds attribute names, never values. */
  Names = 7,
  /** A map of DynamoDB attribute values written with plain values (`{"S": "x"}` → `"x"`): keys only. */
  PlainAttributes = 8,
  /** A timestamp, written in {@link PlanTime}. */
  Timestamp = 9,
  /** A string holding a JSON document (an S3 bucket policy), written parsed. */
  JsonText = 10,
  /** A structure with one member set (DynamoDB's `{Put: {...}}`), written flat with the member's name as a tag. */
  Tagged = 11,
  /** A PartiQL statement: literals replaced by CloudTrail's redaction marker. */
  Statement = 12,
}

/** How timestamps are written: CloudTrail writes what its service's own model serialises. */
export const enum PlanTime {
  /** `2024-01-02T03:04:05.000Z` (unmodelled values). */
  Iso = 0,
  /** `Jan 2, 2024, 3:04:05 AM` — the form of most services' records (a Java date, in UTC). */
  Java = 1,
  /** Milliseconds since the epoch, as a number (EC2). */
  EpochMillis = 2,
}

export interface ParameterPlan {
  kind: PlanKind;
  /** Struct: SDK member name → record key and the member's plan (resolved lazily for recursive shapes). */
  member?(name: string): MemberPlan | undefined;
  /** Struct: every member, in the model's order. */
  members?(): readonly (readonly [string, MemberPlan])[];
  /**
   * Struct: the converter made for this structure's members on its first use (see parameters.ts), or null when the
   * generic walk serves it.
   */
  compiled?: unknown;
  /**
   * Struct: its JSON text writer (parameters-text.ts), made on first use, or null when it has none. List: its
   * openings and closings as text, found on first use.
   */
  compiledText?: unknown;
  /** List/Map: the element plan. */
  value?(): ParameterPlan;
  /** List: written inside an object under this key (`{"items": [...]}`, `{}` when empty), as EC2 writes its sets. */
  wrap?: string;
  /** List of scalars: each item written as `{[itemKey]: value}` (EC2's `instancesSet.items[].instanceId`). */
  itemKey?: string;
  /** List written the way XML reads as JSON: one element alone, several as an array (S3 payloads). */
  single?: boolean;
  /** Struct: entries added after the members when absent (S3's `xmlns`, a subresource marker, a logged default). */
  constants?: readonly (readonly [string, JsonValue])[];
  /** Struct: the member holding an item whose key attributes become `key` (DynamoDB PutItem). */
  keyFrom?: string;
  /** Struct: the member naming the table for {@link keyFrom}. */
  tableFrom?: string;
  /** Tagged: the key the member's name is written under (`operation`). */
  tag?: string;
  /** Timestamp: the form. */
  time?: PlanTime;
  /** Sensitive: the marker written instead of the value (default `HIDDEN_DUE_TO_SECURITY_REASONS`). */
  marker?: string;
}

export interface MemberPlan {
  key: string;
  /**
   * The SDK member name lower-cased, for the check against the trail's own `redact` names; undefined when a rule
   * placed the member deliberately (STS `credentials`, whose parts have their own plans).
   */
  lower: string | undefined;
  /** The name is one of the well-known secret names: hidden whatever the model says (decided once, here). */
  secret: boolean;
  plan: ParameterPlan;
  /** Written inside `{[into]: {items: [{...}]}}` with the other members of that group (EC2 RunInstances). */
  into: string | undefined;
}

/**
 * A plan. Every plan is made here with every field, in one order, so all plans share one hidden class: the converter
 * reads them at every value of every call, where plans of many shapes would make each read a megamorphic lookup.
 */
export function makePlan(kind: PlanKind, fields: Omit<Partial<ParameterPlan>, 'kind'> = {}): ParameterPlan {
  return {
    kind,
    member: fields.member,
    members: fields.members,
    compiled: undefined,
    compiledText: undefined,
    value: fields.value,
    wrap: fields.wrap,
    itemKey: fields.itemKey,
    single: fields.single,
    constants: fields.constants,
    keyFrom: fields.keyFrom,
    tableFrom: fields.tableFrom,
    tag: fields.tag,
    time: fields.time,
    marker: fields.marker,
  };
}

/**
 * The one EC2 group a structure's members go into (undefined: none), or null when made code can't write them: they
 * go into several, or a member outside the group is written under the group's name.
 */
export function oneGroup(entries: readonly (readonly [string, MemberPlan])[]): string | undefined | null {
  let group: string | undefined;
  for (const [, m] of entries) {
    if (m.into === undefined || m.into === group) continue;
    if (group !== undefined) return null;
    group = m.into;
  }
  if (group !== undefined && entries.some(([, m]) => m.into === undefined && m.key === group)) return null;
  return group;
}

/** The plan used when nothing is known of the shape: every key lower-camel-cased, every value walked. */
export const ANY_PLAN: ParameterPlan = makePlan(PlanKind.Any);

const lowerCache = new Map<string, string>();

/** `name.toLowerCase()`, cached: the secret-name check runs on every member and map key of every call. */
export function lowerCase(name: string): string {
  let out = lowerCache.get(name);
  if (out === undefined) {
    out = name.toLowerCase();
    if (lowerCache.size < 10_000) lowerCache.set(name, out);
  }
  return out;
}

const keyCache = new Map<string, string>();

/**
 * CloudTrail writes member names with the first letter lower-cased (`TableName` → `tableName`, `SSESpecification` →
 * `sSESpecification`, `MD5OfMessageBody` → `mD5OfMessageBody`): the field names of the service's own request model.
 */
export function lowerCamel(key: string): string {
  let out = keyCache.get(key);
  if (out !== undefined) return out;
  const first = key.charCodeAt(0);
  out = first >= 65 && first <= 90 ? String.fromCharCode(first + 32) + key.slice(1) : key;
  if (keyCache.size < 10_000) keyCache.set(key, out);
  return out;
}
