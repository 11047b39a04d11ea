// EventBridge's content filters for one field's values, compiled once: exact values, prefix, suffix,
// equals-ignore-case, wildcard, anything-but, numeric, cidr, exists.
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html

/** Thrown when a pattern is not one EventBridge would accept (InvalidEventPatternException there). */
export class InvalidEventPatternError extends TypeError {
  override readonly name = 'InvalidEventPatternError';
  readonly code = 'LOCALTRAIL_INVALID_EVENT_PATTERN';
}

export function invalid(message: string): never {
  throw new InvalidEventPatternError(`Event pattern is not valid: ${message}`);
}

/** One condition on a leaf value (a string, number, boolean or null of the event). */
export interface LeafMatcher {
  /** `exists: false` is decided on the absence of leaf values, not on one. */
  exists?: boolean;
  test(value: unknown): boolean;
}

type StringTest = (value: string) => boolean;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function onlyKey(filter: Record<string, unknown>): [string, unknown] {
  const keys = Object.keys(filter);
  if (keys.length !== 1) invalid(`a filter object has exactly one key, got ${JSON.stringify(filter)}`);
  return [keys[0]!, filter[keys[0]!]];
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') invalid(`${what} takes a string, got ${JSON.stringify(value)}`);
  return value;
}

/** `*` is any run of characters, `\*` a star, `\\` a backslash; `**` is refused, as EventBridge does. */
function wildcardTest(pattern: string): StringTest {
  if (pattern.includes('**')) invalid(`consecutive wildcard characters are not allowed in "${pattern}"`);
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) body += `\\${pattern[++i]}`;
    else if (c === '*') body += '.*';
    else body += c.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
  }
  const re = new RegExp(`^${body}$`, 's');
  return (value) => re.test(value);
}

/** prefix / suffix, plain or `{ "equals-ignore-case": … }`. */
function affixTest(kind: 'prefix' | 'suffix', spec: unknown): StringTest {
  if (isObject(spec)) {
    const [key, value] = onlyKey(spec);
    if (key !== 'equals-ignore-case') invalid(`${kind} takes a string or { "equals-ignore-case": string }`);
    const affix = text(value, `${kind} equals-ignore-case`).toLowerCase();
    return kind === 'prefix' ? (v) => v.toLowerCase().startsWith(affix) : (v) => v.toLowerCase().endsWith(affix);
  }
  const affix = text(spec, kind);
  return kind === 'prefix' ? (v) => v.startsWith(affix) : (v) => v.endsWith(affix);
}

function stringsOf(spec: unknown, what: string): string[] {
  const list = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0) invalid(`${what} needs at least one value`);
  return list.map((v) => text(v, what));
}

/** A string filter by name: what anything-but negates, and what stands alone. */
function stringFilter(key: string, spec: unknown): StringTest {
  switch (key) {
    case 'prefix':
    case 'suffix':
      return affixTest(key, spec);
    case 'equals-ignore-case': {
      const values = new Set(stringsOf(spec, key).map((v) => v.toLowerCase()));
      return (v) => values.has(v.toLowerCase());
    }
    case 'wildcard': {
      const tests = stringsOf(spec, key).map(wildcardTest);
      return (v) => tests.some((t) => t(v));
    }
    default:
      return invalid(`unknown filter "${key}"`);
  }
}

const NUMERIC_OPS: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** `["<", 10]`, `["=", 3.018e2]`, or a range `[">", 0, "<=", 5]`. */
function numericTest(spec: unknown): (value: number) => boolean {
  if (!Array.isArray(spec) || (spec.length !== 2 && spec.length !== 4)) invalid('numeric takes [op, number] or [lowerOp, number, upperOp, number]');
  const tests: Array<(v: number) => boolean> = [];
  for (let i = 0; i < spec.length; i += 2) {
    const op = NUMERIC_OPS[spec[i] as string];
    const bound = spec[i + 1];
    if (op === undefined || typeof bound !== 'number' || !Number.isFinite(bound)) invalid(`numeric: bad comparison ${JSON.stringify(spec.slice(i, i + 2))}`);
    tests.push((v) => op(v, bound));
  }
  if (spec.length === 4 && (!['>', '>='].includes(spec[0] as string) || !['<', '<='].includes(spec[2] as string))) {
    invalid('a numeric range is [">" or ">=", low, "<" or "<=", high]');
  }
  return (v) => tests.every((t) => t(v));
}

/** An IPv4 or IPv6 address as a number and its bit width, or undefined. */
function parseIp(address: string): { value: bigint; bits: number } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n), bits: 32 };
  }
  if (!address.includes(':') || !/^[0-9a-fA-F:]+$/.test(address)) return undefined;
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return undefined;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return undefined;
  return { value: groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
}

function cidrTest(spec: unknown): StringTest {
  const [address = '', length] = text(spec, 'cidr').split('/');
  const base = parseIp(address);
  const prefix = length === undefined ? base?.bits : Number(length);
  if (base === undefined || prefix === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > base.bits) invalid(`cidr: "${String(spec)}" is not a CIDR block`);
  const shift = BigInt(base.bits - prefix);
  return (v) => {
    const ip = parseIp(v);
    return ip !== undefined && ip.bits === base.bits && ip.value >> shift === base.value >> shift;
  };
}

/** anything-but: a value, a list of strings or of numbers, or a negated string filter. */
function anythingBut(spec: unknown): (value: unknown) => boolean {
  if (isObject(spec)) {
    const [key, value] = onlyKey(spec);
    const test = stringFilter(key, value);
    return (v) => typeof v === 'string' && !test(v);
  }
  const list: unknown[] = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0) invalid('anything-but needs at least one value');
  if (!list.every((v) => typeof v === 'string') && !list.every((v) => typeof v === 'number')) invalid('anything-but takes only strings or only numbers');
  const values = new Set<unknown>(list);
  return (v) => !values.has(v);
}

function exact(value: unknown): LeafMatcher {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    return { test: (v) => v === value };
  }
  return invalid(`a value in a pattern list must be a string, number, boolean, null or a filter object, got ${JSON.stringify(value)}`);
}

/** Compiles one element of a pattern's value list. */
export function compileLeaf(element: unknown): LeafMatcher {
  if (!isObject(element)) return exact(element);
  const [key, spec] = onlyKey(element);
  const onString = (test: StringTest): LeafMatcher => ({ test: (v) => typeof v === 'string' && test(v) });
  switch (key) {
    case 'exists':
      if (typeof spec !== 'boolean') invalid('exists takes true or false');
      return { exists: spec, test: () => spec };
    case 'anything-but':
      return { test: anythingBut(spec) };
    case 'numeric': {
      const test = numericTest(spec);
      return { test: (v) => typeof v === 'number' && test(v) };
    }
    case 'cidr':
      return onString(cidrTest(spec));
    default:
      return onString(stringFilter(key, spec));
  }
}
