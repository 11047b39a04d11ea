// EventBridge event patterns, compiled once into a predicate, so a test can say "this rule would have fired".
// Structure: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html (fields AND, values in a
// list OR, nested objects follow the event, arrays in the event match when any element does, `$or`).
import type { LeafMatcher } from './pattern-leaves.js';
import { compileLeaf, invalid } from './pattern-leaves.js';

/** An event pattern as EventBridge takes it, e.g. `{ source: ['aws.cloudtrail'], detail: { eventName: ['StopLogging'] } }`. */
export type EventPattern = { [field: string]: unknown };

type ObjectTest = (node: Record<string, unknown>) => boolean;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The leaf values of a field: itself, or the elements of an array (nested arrays flattened); objects are not leaves. */
function leaves(value: unknown, out: unknown[]): unknown[] {
  if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value !== undefined && !isObject(value)) out.push(value);
  return out;
}

function fieldTest(name: string, matchers: LeafMatcher[]): ObjectTest {
  return (node) => {
    const values = leaves(node[name], []);
    for (const m of matchers) {
      if (m.exists !== undefined) {
        if (m.exists === values.length > 0) return true;
      } else if (values.some((v) => m.test(v))) {
        return true;
      }
    }
    return false;
  };
}

/** A nested pattern: the field must be an object that matches (any element, when it is a list of objects). */
function nestedTest(name: string, inner: ObjectTest): ObjectTest {
  return (node) => {
    const value = node[name];
    if (Array.isArray(value)) return value.some((v) => isObject(v) && inner(v));
    return isObject(value) && inner(value);
  };
}

function compileObject(pattern: Record<string, unknown>, depth: number): ObjectTest {
  if (depth > 32) invalid('the pattern is nested too deeply');
  const tests: ObjectTest[] = [];
  for (const [name, spec] of Object.entries(pattern)) {
    if (name === '$or') {
      if (!Array.isArray(spec) || spec.length < 2 || !spec.every(isObject)) invalid('$or takes a list of at least two patterns');
      const alternatives = spec.map((alternative) => compileObject(alternative, depth + 1));
      tests.push((node) => alternatives.some((alt) => alt(node)));
    } else if (Array.isArray(spec)) {
      if (spec.length === 0) invalid(`field "${name}" has an empty list`);
      tests.push(fieldTest(name, spec.map(compileLeaf)));
    } else if (isObject(spec)) {
      tests.push(nestedTest(name, compileObject(spec, depth + 1)));
    } else {
      invalid(`field "${name}" must be a list of values or a nested pattern, got ${JSON.stringify(spec)}`);
    }
  }
  return (node) => tests.every((t) => t(node));
}

/**
 * Compiles an event pattern (object or JSON text); throws `InvalidEventPatternError` for what EventBridge refuses.
 * @example
 * const stopped = compileEventPattern({ source: ['aws.cloudtrail'], detail: { eventName: ['StopLogging', 'DeleteTrail'] } });
 * stopped(event); // true or false
 */
export function compileEventPattern(pattern: EventPattern | string): (event: unknown) => boolean {
  const parsed: unknown = typeof pattern === 'string' ? JSON.parse(pattern) : pattern;
  if (!isObject(parsed) || Object.keys(parsed).length === 0) invalid('a pattern is a non-empty JSON object');
  const test = compileObject(parsed, 0);
  return (event) => isObject(event) && test(event);
}

/**
 * Whether `event` matches `pattern`, as an EventBridge rule would decide.
 * @example
 * matchesEventPattern({ detail: { errorCode: [{ exists: true }] } }, event)
 */
export function matchesEventPattern(pattern: EventPattern | string, event: unknown): boolean {
  return compileEventPattern(pattern)(event);
}
