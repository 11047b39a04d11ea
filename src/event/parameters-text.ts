// requestParameters / responseElements written straight to JSON text: the same text JSON.stringify writes for what
// toParameters makes, without making the objects (docs/architecture.md, "Records kept as text").
import type { ConvertOptions, State } from './parameters.js';
import { convert, MAX_DEPTH, PARAMETERS_LIMIT, SENSITIVE, timestamp } from './parameters.js';
import type { MemberPlan, ParameterPlan } from './parameter-plan.js';
import { ANY_PLAN, lowerCamel, lowerCase, oneGroup, PlanKind, PlanTime } from './parameter-plan.js';
import { plainAttributes } from './dynamodb-values.js';
import { HIDDEN } from './redaction.js';

/**
 * The value of a modelled structure as JSON text, or null for a non-object; `first` (`"key":value`) is written before
 * its members. Undefined when toParameters must make the objects instead: no structure plan, renamed keys, a value
 * that would be truncated, too deep or circular (the object path writes its markers), or entries that could land on
 * one key (a member the model lacks beside one it has). Where the text is written, `JSON.parse(text)` deep-equals
 * toParameters' result and `JSON.stringify` of that result is `text`, byte for byte (test/event/parameters-text.spec.ts).
 */
export function toParametersText(value: unknown, plan: ParameterPlan, options: ConvertOptions, first = ''): string | null | undefined {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value) || plan.kind !== PlanKind.Struct || options.renames !== undefined) return undefined;
  const state: State = { budget: PARAMETERS_LIMIT, ancestors: [], options, marked: false };
  try {
    return flat(structText(value as Record<string, unknown>, plan, state, 0, first));
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/**
 * The text as one flat string. Joining pieces makes a tree of string pieces (V8's cons strings), which a kept record
 * would keep piece by piece; reading a character makes V8 copy the tree into one string, and its collector then drops
 * the tree.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Thrown where the object path would write a marker (truncated, too deep, circular): the caller makes objects instead. */
const GIVE_UP = new Error('localtrail: parameters need the object path');

const QUOTED_HIDDEN = JSON.stringify(HIDDEN);

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `JSON.stringify(s)` for a string: most strings need no escape, and quoting them directly costs a tenth of calling
 * JSON.stringify on them (Node 20). The test is a regular expression: a loop over the characters counted 9k
 * instructions more on the bench's RunInstances input (callgrind).
 */
export function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** A timestamp plan's value as text (timestamp() in parameters.ts). */
function timestampText(value: unknown, time: PlanTime): string {
  const v = timestamp(value, time);
  return typeof v === 'string' ? quote(v) : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** One value as JSON text following `plan` (convert() in parameters.ts, written as text); undefined when left out. */
function text(value: unknown, plan: ParameterPlan, state: State, depth: number): string | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  switch (plan.kind) {
    case PlanKind.Sensitive:
      return plan.marker === undefined ? QUOTED_HIDDEN : JSON.stringify(plan.marker);
    case PlanKind.Omit:
    case PlanKind.Binary:
      return undefined;
    case PlanKind.Timestamp:
      return timestampText(value, plan.time ?? PlanTime.Iso);
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      if (plan.kind === PlanKind.JsonText || plan.kind === PlanKind.Statement) return objectText(value, plan, state, depth);
      if (state.budget <= 0) throw GIVE_UP;
      state.budget -= value.length;
      if (state.budget < 0) throw GIVE_UP;
      return quote(value);
    case 'number':
      // String(n) is JSON's own number form for every finite number.
      return Number.isFinite(value) ? String(value) : quote(String(value));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return quote(value.toString());
  }
  if (plan.kind === PlanKind.Any) return objectText(value, plan, state, depth);
  // No list of ancestors is kept: a cycle goes on until MAX_DEPTH, then the object path writes its marker.
  if (state.budget <= 0 || depth >= MAX_DEPTH) throw GIVE_UP;
  if (Array.isArray(value)) {
    if (plan.kind === PlanKind.List) return listText(value, plan, state, depth);
  } else if (plan.kind === PlanKind.Struct) {
    return structText(value as Record<string, unknown>, plan, state, depth, '');
  }
  return objectText(value, plan, state, depth);
}

/** A structure as text: by its made writer, or by the generic walk where it has none. */
function structText(value: Record<string, unknown>, plan: ParameterPlan, state: State, depth: number, first: string): string {
  const write = structWriter(plan);
  return write === null ? walkText(value, plan, state, depth, first) : write(value, state, depth, first);
}

/** A structure's writer: its made writer, or the generic walk where it has none. */
function writerOf(plan: ParameterPlan): StructWriter {
  return structWriter(plan) ?? ((value, state, depth, first) => walkText(value, plan, state, depth, first));
}

/**
 * What the object path makes of the value, as text: names, plain attributes, tagged unions, maps, unmodelled values.
 * Where it wrote a marker (truncated, too deep, circular), the object path makes the whole value instead: the text
 * path keeps no ancestors, so a cycle through them is found only there, in its place.
 */
function objectText(value: unknown, plan: ParameterPlan, state: State, depth: number): string | undefined {
  const v = convert(value, plan, state, depth);
  if (state.marked || state.budget <= 0) throw GIVE_UP;
  return v === undefined ? undefined : JSON.stringify(v);
}

/** convertList() in parameters.ts, as text. */
function listText(value: unknown[], plan: ParameterPlan, state: State, depth: number): string {
  const form = listForm(plan);
  const element = form.element;
  const itemOpen = form.itemOpen;
  let items = '';
  let first = '';
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    if (state.budget <= 0) throw GIVE_UP;
    const v = text(value[i], element, state, depth + 1);
    if (v === undefined && element.kind === PlanKind.Omit) continue;
    const item = v === undefined ? 'null' : itemOpen === undefined ? v : itemOpen + v + '}';
    if (count === 0) first = items = item;
    else items = items + ',' + item;
    count++;
  }
  if (count === 0) return plan.wrap === undefined ? '[]' : '{}';
  if (count === 1 && plan.single === true) return plan.wrap === undefined ? first : form.wrapOpen + first + '}';
  return form.open + items + form.close;
}

/**
 * What a list plan's text is made of, found on its first use: its element's plan, and its openings and closings
 * quoted once (`{"items":[`, `]}`), so a list is three pieces joined rather than seven.
 */
interface ListForm {
  element: ParameterPlan;
  /** `{"key":` of each item written under `itemKey`. */
  itemOpen: string | undefined;
  /** `{"wrap":` of a single item written without brackets. */
  wrapOpen: string;
  open: string;
  close: string;
}

function listForm(plan: ParameterPlan): ListForm {
  if (plan.compiledText !== undefined) return plan.compiledText as ListForm;
  const wrapOpen = plan.wrap === undefined ? '' : `{${quotedKey(plan.wrap)}`;
  const form: ListForm = {
    element: plan.value ? plan.value() : ANY_PLAN,
    itemOpen: plan.itemKey === undefined ? undefined : `{${quotedKey(plan.itemKey)}`,
    wrapOpen,
    open: `${wrapOpen}[`,
    close: plan.wrap === undefined ? ']' : ']}',
  };
  plan.compiledText = form;
  return form;
}

/** The group marker: JSON.stringify writes U+0001 escaped, so the raw character is in no text it writes. */
const GROUP = '\u0001';

/**
 * convertObject()'s generic walk in parameters.ts, as text, for a structure the writers do not take (members written
 * into several EC2 groups, DynamoDB PutItem's `key`): the value's own keys in their order. A group is written where
 * its first member is (a marker stands there until its members are all known).
 */
function walkText(value: Record<string, unknown>, plan: ParameterPlan, state: State, depth: number, first: string): string {
  const names = Object.keys(value);
  const secretNames = state.options.secretNames;
  const userSecrets = state.options.userSecretNames;
  // A key written twice is one entry of an object (the later value, in the earlier place): only objects say that. A
  // structure whose keys cannot meet (keysOf) needs no check while the value holds only its members; it notes only
  // the members written under a constant's key (the constant is then left out).
  const known = keysOf(plan);
  const distinct = known.distinct;
  const keys = distinct ? undefined : new Set<string>();
  let shadowed: string[] | undefined;
  let groups: Map<string, string> | undefined;
  let out = first;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === '$metadata') continue;
    if (state.budget <= 0) throw GIVE_UP;
    const member = plan.member ? plan.member(name) : undefined;
    if (member === undefined && distinct) throw GIVE_UP;
    const key = member?.key ?? lowerCamel(name);
    let memberPlan = member?.plan ?? ANY_PLAN;
    let hidden: boolean;
    if (member === undefined) hidden = secretNames.has(lowerCase(name));
    else if (member.lower === undefined) hidden = false;
    else if (userSecrets === undefined) hidden = secretNames.has(member.lower);
    else hidden = member.secret || (userSecrets.size > 0 && userSecrets.has(member.lower));
    if (name === plan.keyFrom) {
      const written = keyText(value, plan, state);
      if (written !== undefined) out = entry(out, keys, 'key', written);
    }
    if (hidden) memberPlan = SENSITIVE;
    state.budget -= key.length;
    const v = text(value[name], memberPlan, state, depth + 1);
    if (v === undefined) continue;
    const into = member?.into;
    if (into === undefined) {
      out = entry(out, keys, key, v);
      if (distinct && known.constantKeys.has(key)) (shadowed ??= []).push(key);
      continue;
    }
    groups ??= new Map();
    const group = groups.get(into);
    const quoted = quotedKey(key);
    if (group === undefined) {
      if (keys !== undefined) {
        if (keys.has(into)) throw GIVE_UP;
        keys.add(into);
      }
      out += (out === '' ? '' : ',') + GROUP + into + GROUP;
      groups.set(into, quoted + v);
    } else {
      if (keys !== undefined && (group.startsWith(quoted) || group.includes(`,${quoted}`))) throw GIVE_UP;
      groups.set(into, `${group},${quoted}${v}`);
    }
  }
  if (groups !== undefined) {
    for (const [into, members] of groups) out = out.replace(GROUP + into + GROUP, () => `${quotedKey(into)}{"items":[{${members}}]}`);
  }
  const constants = plan.constants;
  if (constants !== undefined) {
    for (let i = 0; i < constants.length; i++) {
      const [key, v] = constants[i]!;
      if (keys === undefined ? shadowed?.includes(key) !== true : !keys.has(key)) out = entry(out, keys, key, JSON.stringify(v));
    }
  }
  return `{${out}}`;
}

/** One `"key":value` entry after those in `out`; `keys` holds those written, when they can meet. */
function entry(out: string, keys: Set<string> | undefined, key: string, value: string): string {
  if (keys !== undefined) {
    if (keys.has(key)) throw GIVE_UP;
    keys.add(key);
  }
  return `${out === '' ? '' : `${out},`}${quotedKey(key)}${value}`;
}

/** `"key":` for a record key; the keys are the model's (a few thousand at most), so each is quoted once. */
const QUOTED_KEYS = new Map<string, string>();
function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (QUOTED_KEYS.size < 10_000) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}

/** What the walk needs to know of a structure's keys, found once per structure. */
interface StructKeys {
  /**
   * No two entries can share a key: members' keys, group names and `key` all differ, and a constant's key is at most
   * one member's (written in its place, which leaves the constant out). A value holding only members then writes
   * each key once.
   */
  distinct: boolean;
  /** The constants' keys. */
  constantKeys: ReadonlySet<string>;
}

const STRUCT_KEYS = new WeakMap<ParameterPlan, StructKeys>();
function keysOf(plan: ParameterPlan): StructKeys {
  let known = STRUCT_KEYS.get(plan);
  if (known === undefined) {
    const constantKeys = new Set((plan.constants ?? []).map(([key]) => key));
    let distinct = false;
    if (plan.members !== undefined) {
      const members = plan.members();
      const written = members.map(([, m]) => m.key);
      const groups = new Set(members.flatMap(([, m]) => (m.into === undefined ? [] : [m.into])));
      const all = [...written, ...groups, ...(plan.keyFrom === undefined ? [] : ['key'])];
      const grouped = new Set(members.flatMap(([, m]) => (m.into === undefined ? [] : [m.key])));
      // A constant may share an ungrouped member's key; not a group's, `key`, another constant's or a grouped member's.
      const clash = [...constantKeys].some((key) => groups.has(key) || key === 'key' || grouped.has(key));
      distinct = new Set(all).size === all.length && constantKeys.size === (plan.constants ?? []).length && !clash;
    }
    known = { distinct, constantKeys };
    STRUCT_KEYS.set(plan, known);
  }
  return known;
}

/** writeKey() in parameters.ts, as text: PutItem's `key`, the item's key attributes with plain values. */
function keyText(value: Record<string, unknown>, plan: ParameterPlan, state: State): string | undefined {
  const item = value[plan.keyFrom!];
  const table = plan.tableFrom !== undefined ? value[plan.tableFrom] : undefined;
  if (item === null || typeof item !== 'object' || typeof table !== 'string') return undefined;
  const names = state.options.tableKeys?.(table);
  return names === undefined ? undefined : JSON.stringify(plainAttributes(item, state.options.secretNames, HIDDEN, names));
}

/**
 * A structure's text writer: the members present, in the model's order, as `{"key":value,…}`; `first` is written
 * before them (`"key":value`, or empty).
 */
type StructWriter = (value: Record<string, unknown>, state: State, depth: number, first: string) => string;

/**
 * The writer of a structure whose record object holds its members and at most one EC2 group (no DynamoDB `key`),
 * made once per structure as code with each member's name and quoted key written in it, like compileStruct() in
 * parameters.ts; null for the others, and where code cannot be made from strings.
 */
function structWriter(plan: ParameterPlan): StructWriter | null {
  if (plan.compiledText !== undefined) return plan.compiledText as StructWriter | null;
  let writer: StructWriter | null = null;
  if (plan.kind === PlanKind.Struct && plan.members !== undefined && plan.keyFrom === undefined) {
    const entries = plan.members();
    const group = oneGroup(entries);
    // Two members under one key are one entry of an object (the later value), not two of a text.
    const keys = new Set(entries.map(([, m]) => m.key));
    if (group !== null && keys.size === entries.length) writer = compileWriter(entries, plan.constants ?? [], group);
  }
  plan.compiledText = writer;
  return writer;
}

function compileWriter(
  entries: readonly (readonly [string, MemberPlan])[],
  constants: NonNullable<ParameterPlan['constants']>,
  group: string | undefined,
): StructWriter | null {
  const lines = [
    'const us = state.options.userSecretNames ?? state.options.secretNames;',
    'const check = us.size !== 0;',
    // `out`: the opening brace and the entries so far. With a group, `grouped` holds its members' entries and `after`
    // the entries after it (the group stands where its first member is, as intoGroup() in parameters.ts puts it).
    // `so`, `sg`, `sa` say what each ends with: 0 nothing yet, 1 a whole entry, 2 a string left open, whose closing
    // quote goes on with what follows (a piece fewer per string: V8 joins pieces into a tree of strings, which
    // flattening then walks node by node).
    "let v, r, out = first === '' ? '{' : '{' + first, grouped = '', after = '', so = first === '' ? 0 : 1, sg = 0, sa = 0;",
  ];
  // Constants go after the members, unless a member (or the group) wrote their key (addConstants() in parameters.ts).
  const constantKeys = new Set(constants.map(([key]) => key));
  const ends: Record<string, string> = { out: 'so', grouped: 'sg', after: 'sa' };
  // The statement appending the text `entry` and then `rest` (a JS expression) to `target`: after a comma unless
  // nothing is there yet (`after` always follows the group), and after the quote an open string left. `open`: `rest`
  // leaves a string open.
  const append = (target: string, entry: string, rest: string, open: boolean): string => {
    const end = ends[target]!;
    const empty = target === 'after' ? '' : `${end} === 0 ? ${JSON.stringify(entry)} : `;
    return (
      `${target} = ${target} + (${empty}${end} === 2 ? ${JSON.stringify(`",${entry}`)} : ${JSON.stringify(`,${entry}`)}) + ${rest}; ` +
      `${end} = ${open ? 2 : 1};`
    );
  };
  // A member's `"key":` + `opening` + `rest`: to the group's entries for a grouped member, else to those before or
  // after the group.
  const put = (m: MemberPlan, opening: string, rest: string, open = false): string => {
    const entry = `${JSON.stringify(m.key)}:${opening}`;
    if (m.into !== undefined) return append('grouped', entry, rest, open);
    const before = append('out', entry, rest, open);
    return group === undefined ? before : `if (sg === 0) { ${before} } else { ${append('after', entry, rest, open)} }`;
  };
  entries.forEach(([name, m], i) => {
    const memberPlan = m.secret ? 'S' : `p[${i}]`;
    // Hidden by one of the trail's `redact` names (decided per call: the names are the trail's).
    const redacted = m.lower === undefined ? 'false' : `(check && us.has(${JSON.stringify(m.lower)}))`;
    const hidden = m.lower === undefined ? memberPlan : `(${redacted} ? S : ${memberPlan})`;
    // `k<i>`: the member wrote a constant's key.
    const wrote = m.into === undefined && constantKeys.has(m.key) ? ` k${i} = true;` : '';
    if (wrote !== '') lines.push(`let k${i} = false;`);
    // Strings, numbers and booleans under a plain plan, the commonest members, are written here (text() would do
    // the same, one call and one join more): a string's quotes go on around it.
    const inline =
      m.plan.kind === PlanKind.Any && !m.secret
        ? `if (typeof v === 'string' && !${redacted}) { ` +
          'if (state.budget <= 0) throw G; state.budget -= v.length; if (state.budget < 0) throw G; ' +
          `if (E.test(v)) { ${put(m, '', 'JSON.stringify(v)')} } else { ${put(m, '"', 'v', true)} }${wrote} } ` +
          `else if (typeof v === 'number' && Number.isFinite(v) && !${redacted}) { ${put(m, '', "v")}${wrote} } ` +
          `else if (typeof v === 'boolean' && !${redacted}) { ${put(m, '', "(v ? 'true' : 'false')")}${wrote} } else `
        : m.plan.kind === PlanKind.Struct && !m.secret
          ? `if (typeof v === 'object' && v !== null && !Array.isArray(v) && !${redacted}) { ` +
            'if (state.budget <= 0 || depth + 1 >= M) throw G; ' +
            `r = (w[${i}] ?? (w[${i}] = X(p[${i}])))(v, state, depth + 1, ''); ${put(m, '', 'r')}${wrote} } else `
          : m.plan.kind === PlanKind.List && !m.secret
            ? `if (Array.isArray(v) && !${redacted}) { ` +
              'if (state.budget <= 0 || depth + 1 >= M) throw G; ' +
              `r = L(v, p[${i}], state, depth + 1); ${put(m, '', 'r')}${wrote} } else `
            : '';
    lines.push(
      `v = value[${JSON.stringify(name)}];`,
      `if (v !== undefined) { if (state.budget <= 0) throw G; state.budget -= ${m.key.length}; ` +
        `${inline}{ r = text(v, ${hidden}, state, depth + 1); if (r !== undefined) { ${put(m, '', 'r')}${wrote} } } }`,
    );
  });
  if (group !== undefined) {
    const close = "(sg === 2 ? '\"}]}' : '}]}')";
    lines.push(`if (sg !== 0) { ${append('out', `${JSON.stringify(group)}:{"items":[{`, `grouped + ${close} + after`, false)} so = sa === 0 ? 1 : sa; }`);
  }
  for (const [key, v] of constants) {
    const i = entries.findIndex(([, m]) => m.into === undefined && m.key === key);
    const unless = key === group ? 'if (sg === 0) ' : i >= 0 ? `if (!k${i}) ` : '';
    lines.push(`${unless}{ ${append('out', `${JSON.stringify(key)}:`, JSON.stringify(JSON.stringify(v)), false)} }`);
  }
  lines.push("return out + (so === 2 ? '\"}' : '}');");
  try {
    // `w`: the writers of members' structures, found on first use (a structure can hold itself).
    const factory = new Function('p', 'S', 'text', 'G', 'E', 'X', 'L', 'M', `const w = [];\nreturn function writeStruct(value, state, depth, first) {\n${lines.join('\n')}\n};`) as (
      plans: readonly ParameterPlan[],
      sensitive: ParameterPlan,
      write: typeof text,
      giveUp: Error,
      needsEscape: RegExp,
      writerOf: (plan: ParameterPlan) => StructWriter,
      list: typeof listText,
      maxDepth: number,
    ) => StructWriter;
    return factory(
      entries.map(([, m]) => m.plan),
      SENSITIVE,
      text,
      GIVE_UP,
      NEEDS_ESCAPE,
      writerOf,
      listText,
      MAX_DEPTH,
    );
  } catch {
    // --disallow-code-generation-from-strings: the object path.
    return null;
  }
}
