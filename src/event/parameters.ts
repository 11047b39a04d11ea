// Converts SDK inputs/outputs into CloudTrail's requestParameters/responseElements: JSON-safe, redacted, capped.
import { plainAttributes, redactStatement } from './dynamodb-values.js';
import type { JsonObject, JsonValue } from '../vocabulary/record.js';
import type { MemberPlan, ParameterPlan } from './parameter-plan.js';
import { ANY_PLAN, lowerCamel, lowerCase, makePlan, oneGroup, PlanKind, PlanTime } from './parameter-plan.js';
import { HIDDEN } from './redaction.js';
import { javaDate } from '../vocabulary/time.js';

/** CloudTrail truncates requestParameters / responseElements beyond 100 KB (cloudtrail-facts §2). */
export const PARAMETERS_LIMIT = 100 * 1024;
/** Deeper values are written as `[too deep]`. */
export const MAX_DEPTH = 32;

export interface ConvertOptions {
  /** Lower-cased member names that are always hidden, whatever the model says (the well-known ones and the trail's). */
  secretNames: ReadonlySet<string>;
  /**
   * The trail's own `redact` names alone, when known: a modelled member already knows whether its name is a well-known
   * secret (decided when its plan was made), so only these need a lookup per member.
   */
  userSecretNames?: ReadonlySet<string>;
  /** Top-level member renames (`Bucket` → `bucketName` for S3 clients without a schema). */
  renames?: Readonly<Record<string, string>>;
  /** The key attribute names of a DynamoDB table, when known (for PutItem's `key`). */
  tableKeys?: (table: string) => readonly string[] | undefined;
}

/**
 * Converts an SDK structure to record JSON following `plan`. Never reads streams or copies binary data; never throws
 * on circular or odd values (they become short markers). Returns null for a non-object.
 */
export function toParameters(value: unknown, plan: ParameterPlan, options: ConvertOptions): JsonObject | null {
  if (value === null || typeof value !== 'object') return null;
  const state: State = { budget: PARAMETERS_LIMIT, ancestors: [], options, marked: false };
  return convertObject(value as Record<string, unknown>, plan, state, 0, options.renames) as JsonObject;
}

/** One conversion's running state: the size budget left, the values being walked (for cycles), the options. */
export interface State {
  budget: number;
  ancestors: object[];
  options: ConvertOptions;
  /** A `[too deep]` or `[circular]` marker was written. */
  marked: boolean;
}

/** One value as record JSON following `plan`; undefined when it is left out. */
export function convert(value: unknown, plan: ParameterPlan, state: State, depth: number): JsonValue | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  switch (plan.kind) {
    case PlanKind.Sensitive:
      return plan.marker ?? HIDDEN;
    case PlanKind.Omit:
    case PlanKind.Binary:
      // Bodies and application data are left out, never copied (a string Body is still a body).
      return undefined;
    case PlanKind.Timestamp:
      return timestamp(value, plan.time ?? PlanTime.Iso);
  }
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      if (plan.kind === PlanKind.JsonText) return jsonText(value, state);
      if (plan.kind === PlanKind.Statement) return capString(redactStatement(value), state);
      return capString(value, state);
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
    if (value instanceof Date) return timestamp(value, PlanTime.Iso);
  }
  if (state.budget <= 0) return '[truncated]';
  if (depth >= MAX_DEPTH) {
    state.marked = true;
    return '[too deep]';
  }
  if (state.ancestors.includes(value as object)) {
    state.marked = true;
    return '[circular]';
  }
  if (plan.kind === PlanKind.Names) return Object.keys(value);
  if (plan.kind === PlanKind.PlainAttributes) return plainAttributes(value, state.options.secretNames, HIDDEN);
  if (Array.isArray(value)) return convertList(value, plan, state, depth);
  if (plan.kind === PlanKind.Tagged) return convertTagged(value as Record<string, unknown>, plan, state, depth);
  return convertObject(value as Record<string, unknown>, plan, state, depth, undefined);
}

function capString(value: string, state: State): string {
  if (state.budget <= 0) return '[truncated]';
  state.budget -= value.length;
  return state.budget < 0 ? value.slice(0, value.length + state.budget) : value;
}

function convertList(value: unknown[], plan: ParameterPlan, state: State, depth: number): JsonValue {
  state.ancestors.push(value);
  const list = plan.kind === PlanKind.List;
  const element = list && plan.value ? plan.value() : ANY_PLAN;
  const itemKey = list ? plan.itemKey : undefined;
  const out: JsonValue[] = [];
  for (let i = 0; i < value.length; i++) {
    if (state.budget <= 0) {
      out.push('[truncated]');
      break;
    }
    const v = convert(value[i], element, state, depth + 1);
    if (v === undefined && element.kind === PlanKind.Omit) continue;
    out.push(v === undefined ? null : itemKey === undefined ? v : { [itemKey]: v });
  }
  state.ancestors.pop();
  const items: JsonValue = list && plan.single && out.length === 1 ? out[0]! : out;
  const wrap = list ? plan.wrap : undefined;
  if (wrap === undefined) return items;
  if (out.length === 0) return {};
  // A literal with a constant key is made from a boilerplate; EC2's `items` is by far the most common wrapper.
  return wrap === 'items' ? { items } : { [wrap]: items };
}

function convertObject(
  value: Record<string, unknown>,
  plan: ParameterPlan,
  state: State,
  depth: number,
  renames: Readonly<Record<string, string>> | undefined,
): JsonObject {
  if (renames === undefined && plan.kind === PlanKind.Struct && plan.members !== undefined) {
    const compiled = (plan.compiled === undefined ? (plan.compiled = compileStruct(plan)) : plan.compiled) as CompiledStruct | null;
    if (compiled !== null) {
      const out: JsonObject = {};
      state.ancestors.push(value);
      if (!compiled(value, state, depth, out)) out['truncated'] = true;
      addConstants(plan, out);
      state.ancestors.pop();
      return out;
    }
  }
  state.ancestors.push(value);
  const names = Object.keys(value);
  const out: JsonObject = names.length > FAST_PROPERTIES ? dictionaryObject() : {};
  const isMap = plan.kind === PlanKind.Map;
  const mapValue = isMap && plan.value ? plan.value() : ANY_PLAN;
  const userSecrets = state.options.userSecretNames;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === '$metadata') continue;
    if (state.budget <= 0) {
      out['truncated'] = true;
      break;
    }
    let key: string;
    let memberPlan: ParameterPlan;
    let member: MemberPlan | undefined;
    let hidden: boolean;
    if (isMap) {
      key = name;
      memberPlan = mapValue;
      // Secret names apply to map keys too: user data (DynamoDB attributes, tags, metadata) is where they hide.
      hidden = state.options.secretNames.has(lowerCase(name));
    } else {
      member = plan.kind === PlanKind.Struct && plan.member ? plan.member(name) : undefined;
      key = renames?.[name] ?? member?.key ?? lowerCamel(name);
      memberPlan = member?.plan ?? ANY_PLAN;
      if (member === undefined) hidden = state.options.secretNames.has(lowerCase(name));
      else if (member.lower === undefined) hidden = false;
      else if (userSecrets === undefined) hidden = state.options.secretNames.has(member.lower);
      else hidden = member.secret || (userSecrets.size > 0 && userSecrets.has(member.lower));
      if (name === plan.keyFrom) writeKey(value, plan, out, state);
    }
    if (hidden) memberPlan = SENSITIVE;
    state.budget -= key.length;
    const v = convert(value[name], memberPlan, state, depth + 1);
    if (v === undefined) continue;
    if (member?.into !== undefined) intoGroup(out, member.into)[key] = v;
    else out[key] = v;
  }
  addConstants(plan, out);
  state.ancestors.pop();
  return out;
}

function addConstants(plan: ParameterPlan, out: JsonObject): void {
  const constants = plan.constants;
  if (constants === undefined) return;
  for (let i = 0; i < constants.length; i++) {
    const [key, v] = constants[i]!;
    if (!(key in out)) out[key] = v;
  }
}

/** A structure's converter: writes each member present into `out`; false when the size budget ran out. */
type CompiledStruct = (value: Record<string, unknown>, state: State, depth: number, out: JsonObject) => boolean;

/**
 * Makes the converter of a modelled structure, once per structure, as code that reads and writes each member by its
 * name. The generic walk reads `value[name]` and writes `out[key]` with names that change at every step, which V8
 * can only do through its slowest (megamorphic) paths, and turns every object of more than 16 members into a
 * dictionary by copying it; code with the names written in it does neither (an EC2 RunInstances response converts
 * in about a third of the instructions). Only the model's members are written: the SDK sends no other. Structures
 * with a DynamoDB `key` or several EC2 groups to write, and runtimes that forbid making code, keep the generic
 * walk. Member and key names come from the SDK's model and the rules catalogue, and are written as JSON string
 * literals.
 */
function compileStruct(plan: ParameterPlan): CompiledStruct | null {
  if (plan.keyFrom !== undefined) return null;
  const entries = plan.members!();
  // One EC2 group at most (its object is made where its first member is).
  if (oneGroup(entries) === null) return null;
  const lines = ['const us = state.options.userSecretNames ?? state.options.secretNames;', 'const check = us.size !== 0;', 'let v, r;'];
  entries.forEach(([name, m], i) => {
    const memberPlan = m.secret ? 'S' : `p[${i}]`;
    const hidden = m.lower === undefined ? memberPlan : `(check && us.has(${JSON.stringify(m.lower)}) ? S : ${memberPlan})`;
    lines.push(
      `v = value[${JSON.stringify(name)}];`,
      `if (v !== undefined) { if (state.budget <= 0) return false; state.budget -= ${m.key.length}; ` +
        `r = convert(v, ${hidden}, state, depth + 1); if (r !== undefined) ${m.into === undefined ? 'out' : `G(out, ${JSON.stringify(m.into)})`}[${JSON.stringify(m.key)}] = r; }`,
    );
  });
  lines.push('return true;');
  try {
    const factory = new Function('p', 'S', 'convert', 'G', `return function convertStruct(value, state, depth, out) {\n${lines.join('\n')}\n};`) as (
      plans: readonly ParameterPlan[],
      sensitive: ParameterPlan,
      convertValue: typeof convert,
      group: typeof intoGroup,
    ) => CompiledStruct;
    return factory(entries.map(([, m]) => m.plan), SENSITIVE, convert, intoGroup);
  } catch {
    // --disallow-code-generation-from-strings: the generic walk.
    return null;
  }
}

/** EC2's RunInstances writes its instance parameters inside `instancesSet.items[0]`. */
function intoGroup(out: JsonObject, into: string): JsonObject {
  let group = out[into] as { items: JsonObject[] } | undefined;
  if (group === undefined) out[into] = group = { items: [{}] };
  return group.items[0]!;
}

/** DynamoDB PutItem: `key` holds the item's key attributes with plain values, when the table's key is known. */
function writeKey(value: Record<string, unknown>, plan: ParameterPlan, out: JsonObject, state: State): void {
  const item = value[plan.keyFrom!];
  const table = plan.tableFrom !== undefined ? value[plan.tableFrom] : undefined;
  if (item === null || typeof item !== 'object' || typeof table !== 'string') return;
  const names = state.options.tableKeys?.(table);
  if (names !== undefined) out['key'] = plainAttributes(item, state.options.secretNames, HIDDEN, names);
}

/** `{Put: {...}}` → `{operation: 'Put', ...}` (DynamoDB's transactions). */
function convertTagged(value: Record<string, unknown>, plan: ParameterPlan, state: State, depth: number): JsonValue {
  const names = Object.keys(value);
  const asStruct = makePlan(PlanKind.Struct, { member: plan.member! });
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const inner = value[name];
    const member = plan.member?.(name);
    if (inner === null || typeof inner !== 'object' || member === undefined) continue;
    const converted = convert(inner, member.plan, state, depth + 1);
    if (converted === undefined || converted === null || typeof converted !== 'object' || Array.isArray(converted)) continue;
    return { [plan.tag ?? 'operation']: name, ...converted };
  }
  return convertObject(value, asStruct, state, depth, undefined);
}

export function timestamp(value: unknown, time: PlanTime): JsonValue {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) return typeof value === 'string' ? value : null;
  if (time === PlanTime.Java) return javaDate(ms);
  if (time === PlanTime.EpochMillis) return ms;
  return new Date(ms).toISOString();
}

function jsonText(value: string, state: State): JsonValue {
  try {
    const parsed = JSON.parse(value) as JsonValue;
    state.budget -= value.length;
    return state.budget < 0 ? '[truncated]' : parsed;
  } catch {
    return capString(value, state);
  }
}

/** The plan of a value hidden by name (a secret member or map key). */
export const SENSITIVE = makePlan(PlanKind.Sensitive);

/**
 * V8 turns an object into a dictionary once a keyed store adds its 17th property (4 in the object, 12 beside it), by
 * copying every property over. A large structure (an EC2 instance has some forty members) starts as a dictionary
 * instead, so it is never copied: deleting a property other than the last one makes the object a dictionary.
 */
const FAST_PROPERTIES = 16;
function dictionaryObject(): JsonObject {
  const o: JsonObject = { a: 0, b: 0 };
  delete o['a'];
  delete o['b'];
  return o;
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

/** A short description of an unmodelled body that is never read: its size when known without reading it. */
export function describeBinary(value: unknown): string {
  if (typeof value === 'string') return `[binary: ${Buffer.byteLength(value)} bytes]`;
  if (ArrayBuffer.isView(value)) return `[binary: ${value.byteLength} bytes]`;
  if (value instanceof ArrayBuffer) return `[binary: ${value.byteLength} bytes]`;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return `[binary: ${value.size} bytes]`;
  return '[stream]';
}

