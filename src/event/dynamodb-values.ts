// DynamoDB's typed values as CloudTrail writes them: key attributes with plain values, PartiQL literals redacted.
import { lowerCase } from './parameter-plan.js';
import type { JsonObject, JsonValue } from '../vocabulary/record.js';

/**
 * `{"S": "x"}` → `"x"`, `{"N": "12"}` → `"12"` (the number as sent), `{"B": bytes}` → base64, `{"BOOL": true}` →
 * `true`; a native value as it is. Only key attributes are written this way (keys are S, N or B); anything else
 * (a map, a list, a set) becomes null, so no non-key value is ever written.
 */
export function plainAttribute(value: unknown): JsonValue {
  // lib-dynamodb's DocumentClient hands native values (the recorder sees its input before it marshals).
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v['S'] === 'string') return v['S'];
  if (typeof v['N'] === 'string') return v['N'];
  const b = v['B'];
  if (b instanceof Uint8Array) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
  if (typeof v['BOOL'] === 'boolean') return v['BOOL'];
  return null;
}

/**
 * A map of attribute values (a DynamoDB key) with plain values; `only` picks the key attributes of an item, and an
 * attribute whose lower-cased name is in `hidden` (the secret names) is written as `hiddenAs`.
 */
export function plainAttributes(value: object, hidden: ReadonlySet<string>, hiddenAs: string, only?: readonly string[]): JsonObject {
  const source = value as Record<string, unknown>;
  const out: JsonObject = {};
  const names = only ?? Object.keys(source);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name in source) out[name] = hidden.has(lowerCase(name)) ? hiddenAs : plainAttribute(source[name]);
  }
  return out;
}

/** CloudTrail's marker for a literal it removed from a PartiQL statement. */
export const REDACTED_LITERAL = '***(Redacted)';

// A quoted string ('It''s'; group 1 set when it is a tuple's attribute name, `{'Artist' : …}`), or a number not part of
// a name. One left-to-right pass, so a string's closing quote never starts another.
const LITERAL = /'(?:[^']|'')*'(\s*:)?|(?<![\w."])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w"])/g;

/**
 * A PartiQL statement with every literal replaced by `***(Redacted)`. CloudTrail keeps the literals compared with
 * key attributes (it knows the table's key schema); in-process that is not known for sure, so every literal goes.
 * Source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html
 * (ExecuteStatement, BatchExecuteStatement).
 */
export function redactStatement(statement: string): string {
  return statement.replace(LITERAL, (literal: string, attributeName: string | undefined) => (attributeName === undefined ? REDACTED_LITERAL : literal));
}
