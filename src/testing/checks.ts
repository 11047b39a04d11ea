// The counting checks every record matcher is built from: at least once, exactly n times, the nth one, only these.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { closestReport, countOf, describeRecord, diffAgainst, listRecords } from './describe.js';
import { matchesPartial } from './partial-match.js';
import type { MatchResult, MatcherRuntime } from './runtime.js';

/** What a matcher looks for: a partial record, and how its arguments read in the headline. */
export interface EventQuery {
  /** Partial record (asymmetric matchers allowed at any depth, the top included). */
  partial: unknown;
  /** The matcher name for the headline, e.g. `toHaveRecordedCommand`. */
  matcherName: string;
  /** The argument list in the headline, e.g. `expected` or `PutObjectCommand, input`. */
  hintArgs?: string;
}

function headline(rt: MatcherRuntime, query: EventQuery): string {
  return rt.matcherHint(query.matcherName, 'received', query.hintArgs ?? 'expected');
}

/** Positions (0-based) of the records matching `partial`. */
export function matchingPositions(rt: MatcherRuntime, records: readonly CloudTrailRecord[], partial: unknown): number[] {
  const out: number[] = [];
  records.forEach((record, i) => {
    if (matchesPartial(rt, record, partial)) out.push(i);
  });
  return out;
}

/** Passes when at least one record matches. */
export function checkRecorded(rt: MatcherRuntime, records: readonly CloudTrailRecord[], query: EventQuery): MatchResult {
  const hits = matchingPositions(rt, records, query.partial);
  const pass = hits.length > 0;
  return {
    pass,
    message: () => {
      const head = `${headline(rt, query)}\n\n`;
      if (pass) {
        return `${head}Expected: no event matching\n${rt.printExpected(query.partial)}\nReceived: ${countOf(hits.length, 'matching event')}\n${listRecords(records, hits)}`;
      }
      const closest = closestReport(rt, records, query.partial);
      return (
        `${head}Expected: an event matching\n${rt.printExpected(query.partial)}\n` +
        `Received: ${countOf(records.length)}${records.length > 0 ? ', none matching' : ''}` +
        (closest ? `\n\n${closest}` : '')
      );
    },
  };
}

/** Passes when exactly `times` records match. */
export function checkTimes(
  rt: MatcherRuntime,
  records: readonly CloudTrailRecord[],
  query: EventQuery,
  times: number,
): MatchResult {
  assertCount(times, query.matcherName, 'times');
  const hits = matchingPositions(rt, records, query.partial);
  const pass = hits.length === times;
  return {
    pass,
    message: () => {
      const expected = `${pass ? 'not ' : ''}${countOf(times)} matching`;
      let text =
        `${headline(rt, query)}\n\n` +
        `Expected: ${expected}\n${rt.printExpected(query.partial)}\n` +
        `Received: ${countOf(hits.length, 'matching event')} (of ${countOf(records.length)})`;
      if (hits.length > 0) text += `\n${listRecords(records, hits)}`;
      if (!pass && hits.length === 0 && records.length > 0) text += `\n\n${closestReport(rt, records, query.partial)}`;
      return text;
    },
  };
}

/**
 * Passes when the `nth` (1-based) record matches. With `within`, counting runs over the records matching `within`
 * only (the nth PutObject call), and `label` names them in the message.
 */
export function checkNth(
  rt: MatcherRuntime,
  records: readonly CloudTrailRecord[],
  query: EventQuery,
  nth: number,
  within?: { partial: unknown; label: string },
): MatchResult {
  assertCount(nth, query.matcherName, 'n', 1);
  const pool = within ? matchingPositions(rt, records, within.partial) : records.map((_, i) => i);
  const position = pool[nth - 1];
  const target = position === undefined ? undefined : records[position];
  const pass = target !== undefined && matchesPartial(rt, target, query.partial);
  const which = within ? `${ordinal(nth)} ${within.label}` : `${ordinal(nth)} event`;
  return {
    pass,
    message: () => {
      const head = `${headline(rt, query)}\n\n`;
      if (pass) {
        return `${head}Expected: the ${which} not to match\n${rt.printExpected(query.partial)}\nReceived: ${describeRecord(target!, position!)}`;
      }
      let text = `${head}Expected: the ${which} to match\n${rt.printExpected(query.partial)}\n`;
      if (target === undefined) {
        text += `Received: ${within ? countOf(pool.length, `${within.label}`) : countOf(records.length)}`;
        if (pool.length > 0) text += `\n${listRecords(records, pool)}`;
        return text;
      }
      text += `Received: ${describeRecord(target, position!)}\n${diffAgainst(rt, target, query.partial)}`;
      const others = matchingPositions(rt, records, query.partial);
      if (others.length > 0) text += `\n\nMatching events at other positions:\n${listRecords(records, others)}`;
      return text;
    },
  };
}

/**
 * Passes when every record matches one of `partials` and every partial matched at least one record
 * ("these calls and nothing else").
 */
export function checkOnly(
  rt: MatcherRuntime,
  records: readonly CloudTrailRecord[],
  partials: readonly unknown[],
  matcherName: string,
): MatchResult {
  const matchedBy = records.map((record) => partials.findIndex((p) => matchesPartial(rt, record, p)));
  const unexpected = matchedBy.flatMap((p, i) => (p === -1 ? [i] : []));
  const missing = partials.flatMap((_, p) => (matchedBy.includes(p) ? [] : [p]));
  const pass = unexpected.length === 0 && missing.length === 0;
  return {
    pass,
    message: () => {
      const wanted = partials.map((p, i) => numbered(i + 1, rt.printExpected(p))).join('\n') || '  (nothing)';
      let text =
        `${rt.matcherHint(matcherName, 'received', '...expected')}\n\n` +
        `Expected: ${pass ? 'other events besides' : 'only events matching'}\n${wanted}\n` +
        `Received: ${countOf(records.length)}`;
      if (pass) return `${text}, each matching one of them\n${listRecords(records)}`;
      if (unexpected.length > 0) text += `\n\nUnexpected events:\n${listRecords(records, unexpected)}`;
      for (const p of missing) {
        const closest = closestReport(rt, records, partials[p], undefined, `Expected ${p + 1} was never recorded. Closest recorded events:`);
        text += `\n\n${closest || `Expected ${p + 1} was never recorded.`}`;
      }
      return text;
    },
  };
}

/** `  1. <first line>` with the following lines of a multi-line value aligned under it. */
function numbered(n: number, text: string): string {
  const prefix = `  ${n}. `;
  return prefix + text.split('\n').join(`\n${' '.repeat(prefix.length)}`);
}

function assertCount(value: number, matcherName: string, what: string, min = 0): void {
  if (!Number.isInteger(value) || value < min) {
    throw new TypeError(`${matcherName}: ${what} must be a whole number >= ${min}, got ${String(value)}`);
  }
}

/** `1st`, `2nd`, `3rd`, `11th`, `22nd`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
