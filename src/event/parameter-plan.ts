// How to turn one SDK input/output value into requestParameters/responseElements JSON: compiled once per shape.

export const enum PlanKind {
  /** Walk whatever is there (no model knowledge). */
  Any = 0,
  Struct = 1,
  List = 2,
  Map = 3,
  /** The model marks it sensitive: never recorded. */
  Sensitive = 4,
  /** Blob or stream: never read, only described. */
  Binary = 5,
}

export interface ParameterPlan {
  kind: PlanKind;
  /** Struct: SDK member name → record key and the member's plan (resolved lazily for recursive shapes). */
  member?(name: string): MemberPlan | undefined;
  /** List/Map: the element plan. */
  value?(): ParameterPlan;
}

export interface MemberPlan {
  key: string;
  /** The SDK member name lower-cased, for the secret-name check without a lookup per call. */
  lower: string;
  plan: ParameterPlan;
}

/** The plan used when nothing is known of the shape: every key lower-camel-cased, every value walked. */
export const ANY_PLAN: ParameterPlan = { kind: PlanKind.Any };

const keyCache = new Map<string, string>();

/**
 * CloudTrail writes request parameters in lowerCamelCase (`TableName` → `tableName`); a leading acronym is
 * lower-cased whole (`SSECustomerKey` → `sseCustomerKey`, `ACL` → `acl`).
 */
export function lowerCamel(key: string): string {
  let out = keyCache.get(key);
  if (out !== undefined) return out;
  let upper = 0;
  while (upper < key.length && key.charCodeAt(upper) >= 65 && key.charCodeAt(upper) <= 90) upper++;
  if (upper === 0) out = key;
  else if (upper === 1 || upper === key.length) out = key.slice(0, upper).toLowerCase() + key.slice(upper);
  else out = key.slice(0, upper - 1).toLowerCase() + key.slice(upper - 1);
  if (keyCache.size < 10_000) keyCache.set(key, out);
  return out;
}
