// Converts SDK inputs/outputs into CloudTrail's requestParameters/responseElements: JSON-safe, redacted, capped.
import type { JsonObject, JsonValue } from '../vocabulary/record.js';
import type { ParameterPlan } from './parameter-plan.js';
import { ANY_PLAN, lowerCamel, PlanKind } from './parameter-plan.js';
import { HIDDEN } from './redaction.js';

/** CloudTrail truncates requestParameters / responseElements beyond 100 KB (cloudtrail-facts §2). */
export const PARAMETERS_LIMIT = 100 * 1024;
const MAX_DEPTH = 32;

export interface ConvertOptions {
  /** Lower-cased member names that are always hidden, whatever the model says. */
  secretNames: ReadonlySet<string>;
  /** Top-level member renames (`Bucket` → `bucketName` for S3). */
  renames?: Readonly<Record<string, string>>;
}

/**
 * Converts an SDK structure to record JSON following `plan`. Never reads streams or copies binary data; never throws
 * on circular or odd values (they become short markers). Returns null for a non-object.
 */
export function toParameters(value: unknown, plan: ParameterPlan, options: ConvertOptions): JsonObject | null {
  if (value === null || typeof value !== 'object') return null;
  const state: State = { budget: PARAMETERS_LIMIT, ancestors: [], options };
  return convertObject(value as Record<string, unknown>, plan, state, 0, options.renames) as JsonObject;
}

interface State {
  budget: number;
  ancestors: object[];
  options: ConvertOptions;
}

function convert(value: unknown, plan: ParameterPlan, state: State, depth: number): JsonValue | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (plan.kind === PlanKind.Sensitive) return HIDDEN;
  if (value === null) return null;
  // Bodies are described, never copied: a string Body is still a body.
  if (plan.kind === PlanKind.Binary) return describeBinary(value);
  switch (typeof value) {
    case 'string':
      if (state.budget <= 0) return '[truncated]';
      state.budget -= value.length;
      return state.budget < 0 ? value.slice(0, value.length + state.budget) : value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
  }
  // A modelled structure, list or map is never a body or a date: skip those checks on the common path.
  if (plan.kind === PlanKind.Any) {
    if (isBinaryLike(value)) return describeBinary(value);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  if (state.budget <= 0) return '[truncated]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (state.ancestors.includes(value as object)) return '[circular]';
  if (Array.isArray(value)) {
    state.ancestors.push(value);
    const element = plan.kind === PlanKind.List && plan.value ? plan.value() : ANY_PLAN;
    const out: JsonValue[] = [];
    for (let i = 0; i < value.length; i++) {
      if (state.budget <= 0) {
        out.push('[truncated]');
        break;
      }
      const v = convert(value[i], element, state, depth + 1);
      out.push(v === undefined ? null : v);
    }
    state.ancestors.pop();
    return out;
  }
  return convertObject(value as Record<string, unknown>, plan, state, depth, undefined);
}

function convertObject(
  value: Record<string, unknown>,
  plan: ParameterPlan,
  state: State,
  depth: number,
  renames: Readonly<Record<string, string>> | undefined,
): JsonObject {
  state.ancestors.push(value);
  const out: JsonObject = {};
  const isMap = plan.kind === PlanKind.Map;
  const mapValue = isMap && plan.value ? plan.value() : ANY_PLAN;
  const names = Object.keys(value);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === '$metadata') continue;
    if (state.budget <= 0) {
      out['truncated'] = true;
      break;
    }
    let key: string;
    let memberPlan: ParameterPlan;
    let lower: string;
    if (isMap) {
      key = name;
      memberPlan = mapValue;
      lower = lowerCase(name);
    } else {
      const member = plan.kind === PlanKind.Struct && plan.member ? plan.member(name) : undefined;
      key = renames?.[name] ?? member?.key ?? lowerCamel(name);
      memberPlan = member?.plan ?? ANY_PLAN;
      lower = member?.lower ?? lowerCase(name);
    }
    // Secret names apply to map keys too: user data (DynamoDB attributes, tags, metadata) is where they hide.
    if (state.options.secretNames.has(lower)) memberPlan = SENSITIVE;
    state.budget -= key.length;
    const v = convert(value[name], memberPlan, state, depth + 1);
    if (v !== undefined) out[key] = v;
  }
  state.ancestors.pop();
  return out;
}

const SENSITIVE: ParameterPlan = { kind: PlanKind.Sensitive };

const lowerCache = new Map<string, string>();
function lowerCase(name: string): string {
  let out = lowerCache.get(name);
  if (out === undefined) {
    out = name.toLowerCase();
    if (lowerCache.size < 10_000) lowerCache.set(name, out);
  }
  return out;
}

function isBinaryLike(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    typeof (value as { getReader?: unknown }).getReader === 'function' ||
    (typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function' && !Array.isArray(value))
  );
}

/** A short description of a body that is never read: its size when known without reading it. */
function describeBinary(value: unknown): string {
  if (typeof value === 'string') return `[binary: ${Buffer.byteLength(value)} bytes]`;
  if (ArrayBuffer.isView(value)) return `[binary: ${value.byteLength} bytes]`;
  if (value instanceof ArrayBuffer) return `[binary: ${value.byteLength} bytes]`;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return `[binary: ${value.size} bytes]`;
  return '[stream]';
}
