// Compares a localtrail record with a real CloudTrail record: envelope values, resources, and every path of requestParameters/responseElements.
import { ABSENCE_COMPARED_FROM, COMPARED_FIELDS, ignoredPaths, uncomparedFields, volatileValues } from './known-differences.js';

export type DifferenceKind = 'missing' | 'extra' | 'type' | 'value';

export interface Difference {
  path: string;
  kind: DifferenceKind;
  expected?: unknown;
  actual?: unknown;
}

export interface Comparison {
  differences: Difference[];
  /** Paths compared: the real record's compared leaves, plus every extra subtree localtrail wrote. */
  compared: number;
  /** Of those, the ones that agree. */
  matched: number;
}

type Rec = Record<string, unknown>;

/** JSON type names, `array` and `null` apart from `object`. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** `a.b[0]["x.y"]`: keys with a dot, bracket, quote or space are quoted. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z0-9_$:#@\-/]+$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** A pattern (`[]` any index, `*` any key) as a regular expression over childPath notation. */
export function pathPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|\\]/g, '\\$&').replace(/\[\]/g, '\\[\\d+\\]').replace(/\*/g, '[^.\\[]+');
  return new RegExp(`^${escaped}$`);
}

function versionAtLeast(version: unknown, since: string): boolean {
  if (typeof version !== 'string') return true;
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = since.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

function leafCount(v: unknown): number {
  if (Array.isArray(v)) return v.length === 0 ? 1 : v.reduce((n: number, x) => n + leafCount(x), 0);
  if (v !== null && typeof v === 'object') {
    const values = Object.values(v);
    return values.length === 0 ? 1 : values.reduce((n: number, x) => n + leafCount(x), 0);
  }
  return 1;
}

class Comparer {
  readonly differences: Difference[] = [];
  compared = 0;
  matched = 0;
  private readonly volatile: RegExp[];
  private readonly ignored: RegExp[];

  constructor(entry: string, volatilePaths: readonly string[]) {
    this.volatile = [...volatileValues(entry), ...volatilePaths].map(pathPattern);
    this.ignored = ignoredPaths(entry).map(pathPattern);
  }

  private differ(d: Difference, weight: number): void {
    this.differences.push(d);
    this.compared += weight;
  }

  private agree(): void {
    this.compared += 1;
    this.matched += 1;
  }

  /** An envelope field: compared by value when the real record has it; when it lacks it, localtrail must too (for the fields and record versions where absence means something, see known-differences.ts). */
  field(name: string, expected: Rec, actual: Rec): void {
    const has = Object.hasOwn(expected, name);
    const e = expected[name];
    const a = actual[name];
    if (!has) {
      const from = ABSENCE_COMPARED_FROM[name];
      const meaningful = from !== undefined && versionAtLeast(expected.eventVersion, from);
      if (a !== undefined && meaningful) this.differ({ path: name, kind: 'extra', actual: a }, 1);
      return;
    }
    if (a === undefined) this.differ({ path: name, kind: 'missing', expected: e }, 1);
    else if (e === a) this.agree();
    else this.differ({ path: name, kind: jsonType(e) === jsonType(a) ? 'value' : 'type', expected: e, actual: a }, 1);
  }

  /**
   * resources: each real item by ARN (or ARNPrefix) and type, order-free; items localtrail adds are extras. Some
   * published KMS examples drop `type`; an item without one is matched on its ARN alone.
   */
  resources(expected: Rec, actual: Rec): void {
    if (!Object.hasOwn(expected, 'resources') && !versionAtLeast(expected.eventVersion, ABSENCE_COMPARED_FROM.resources!)) return;
    const describe = (r: Rec): string => `${String(r.type)} ${r.ARN !== undefined ? `ARN=${String(r.ARN)}` : `ARNPrefix=${String(r.ARNPrefix)}`}`;
    const items = (v: unknown): Rec[] => (Array.isArray(v) ? v.map((r) => (r ?? {}) as Rec) : []);
    const left = items(actual.resources);
    for (const want of items(expected.resources)) {
      const i = left.findIndex((have) => have.ARN === want.ARN && have.ARNPrefix === want.ARNPrefix && (want.type === undefined || have.type === want.type));
      if (i >= 0) {
        left.splice(i, 1);
        this.agree();
      } else this.differ({ path: 'resources', kind: 'missing', expected: describe(want) }, 1);
    }
    for (const extra of left) this.differ({ path: 'resources', kind: 'extra', actual: describe(extra) }, 1);
  }

  /** A subtree (requestParameters / responseElements): key paths, JSON type at each, leaf values unless volatile. */
  tree(path: string, e: unknown, a: unknown): void {
    if (this.ignored.some((re) => re.test(path))) return;
    if (e === undefined) {
      this.differ({ path, kind: 'extra', actual: a }, 1);
      return;
    }
    if (a === undefined) {
      this.differ({ path, kind: 'missing', expected: e }, leafCount(e));
      return;
    }
    const te = jsonType(e);
    const ta = jsonType(a);
    if (te !== ta) {
      this.differ({ path, kind: 'type', expected: e, actual: a }, leafCount(e));
      return;
    }
    if (te === 'array') {
      const ea = e as unknown[];
      const aa = a as unknown[];
      if (ea.length === 0 && aa.length === 0) this.agree();
      for (let i = 0; i < Math.max(ea.length, aa.length); i++) this.tree(childPath(path, i), ea[i], aa[i]);
      return;
    }
    if (te === 'object') {
      const eo = e as Rec;
      const ao = a as Rec;
      const keys = [...new Set([...Object.keys(eo), ...Object.keys(ao)])];
      if (keys.length === 0) this.agree();
      for (const k of keys) this.tree(childPath(path, k), eo[k], ao[k]);
      return;
    }
    if (e === a || this.volatile.some((re) => re.test(path))) this.agree();
    else this.differ({ path, kind: 'value', expected: e, actual: a }, 1);
  }
}

/** Compares `actual` (localtrail) against `expected` (the real record of corpus entry `entry`). */
export function compareRecords(entry: string, expected: Rec, actual: Rec, volatilePaths: readonly string[] = []): Comparison {
  const c = new Comparer(entry, volatilePaths);
  const skipped = uncomparedFields(entry);
  for (const name of COMPARED_FIELDS) {
    if (skipped.has(name)) continue;
    if (name === 'resources') c.resources(expected, actual);
    else if (name === 'requestParameters' || name === 'responseElements') {
      // An absent member reads as CloudTrail's null.
      c.tree(name, expected[name] ?? null, actual[name] ?? null);
    } else c.field(name, expected, actual);
  }
  return { differences: c.differences, compared: c.compared, matched: c.matched };
}

/** One line per difference, for a test failure message. */
export function formatDifferences(differences: readonly Difference[]): string {
  const show = (v: unknown): string => {
    const s = JSON.stringify(v);
    return s === undefined ? 'undefined' : s.length > 200 ? `${s.slice(0, 200)}…` : s;
  };
  return differences
    .map((d) => {
      if (d.kind === 'missing') return `  - ${d.path}: missing, real record has ${show(d.expected)}`;
      if (d.kind === 'extra') return `  + ${d.path}: localtrail writes ${show(d.actual)}, real record has none`;
      return `  ~ ${d.path}: ${d.kind} differs, real ${show(d.expected)}, localtrail ${show(d.actual)}`;
    })
    .join('\n');
}
