// LookupEvents over an EventHistory (cloudtrail-facts §9): input validation, NextToken, newest-first pages.
import type { LookupEventsRequest, LookupEventsResponse } from '../control-plane-shapes.js';
import {
  InvalidEventCategoryException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidTimeRangeException,
} from '../errors.js';
import type { Histories, HistoryCursor } from './event-history.js';
import { RETENTION_MS } from './event-history.js';
import { INSIGHT_LOOKUP_ATTRIBUTE_KEYS, LOOKUP_ATTRIBUTE_KEYS, toLookupEvent } from './lookup-attributes.js';
import { recordJson } from '../../vocabulary/packed-json.js';

export const MAX_LOOKUP_RESULTS = 50;
const KEYS: ReadonlySet<string> = new Set(LOOKUP_ATTRIBUTE_KEYS);

/** AttributeValue length as CloudTrail counts it: `_`, space, `,` and newline count twice. */
function weightedLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 95 || c === 32 || c === 44 || c === 10) n++;
  }
  return n;
}

function timeOf(date: Date | undefined, name: string): number | undefined {
  if (date === undefined) return undefined;
  const ms = date instanceof Date ? date.getTime() : new Date(date as unknown as string).getTime();
  if (Number.isNaN(ms)) throw new InvalidTimeRangeException(`${name} is not a valid time.`);
  return ms;
}

/** A short stable hash of the request parameters a NextToken is bound to. */
function parameterHash(scope: string, request: LookupEventsRequest): string {
  const text = JSON.stringify([
    scope,
    request.LookupAttributes ?? null,
    request.StartTime ? new Date(request.StartTime).getTime() : null,
    request.EndTime ? new Date(request.EndTime).getTime() : null,
    request.EventCategory ?? null,
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function encodeToken(hash: string, cursor: HistoryCursor): string {
  return Buffer.from(`${hash}.${cursor.time}.${cursor.seq}`, 'utf8').toString('base64url');
}

function decodeToken(token: string, hash: string): HistoryCursor {
  const fail = (): never => {
    throw new InvalidNextTokenException('Invalid NextToken: it must come from a previous LookupEvents call with the same parameters.');
  };
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) fail();
  const parts = Buffer.from(token, 'base64url').toString('utf8').split('.');
  if (parts.length !== 3 || parts[0] !== hash) fail();
  const time = Number(parts[1]);
  const seq = Number(parts[2]);
  if (!Number.isSafeInteger(time) || !Number.isSafeInteger(seq)) fail();
  return { time, seq };
}

/**
 * Runs LookupEvents against one (account, region)'s management history or Insights history.
 * `scope` (account and region) is folded into NextToken so a token cannot be replayed elsewhere.
 */
export function lookupEvents(
  request: LookupEventsRequest,
  histories: Histories,
  now: number,
  scope: string,
): LookupEventsResponse {
  const attributes = request.LookupAttributes ?? [];
  if (!Array.isArray(attributes) || attributes.length > 1) {
    throw new InvalidLookupAttributesException('You can specify at most one lookup attribute.');
  }
  const category = request.EventCategory;
  if (category !== undefined && category !== 'insight') {
    throw new InvalidEventCategoryException(`Value ${String(category)} for EventCategory is invalid. The only valid value is insight.`);
  }
  const attribute = attributes[0];
  if (attribute) {
    const key = attribute.AttributeKey;
    if (typeof key !== 'string' || !KEYS.has(key)) {
      throw new InvalidLookupAttributesException(
        `Value ${String(key)} for AttributeKey is invalid. Valid keys: ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`,
      );
    }
    if (category === 'insight' && !INSIGHT_LOOKUP_ATTRIBUTE_KEYS.has(key)) {
      throw new InvalidLookupAttributesException(`AttributeKey ${key} is not supported for Insights events. Use EventId, EventName or EventSource.`);
    }
    const value = attribute.AttributeValue;
    if (typeof value !== 'string' || value.length === 0 || weightedLength(value) > 2000) {
      throw new InvalidLookupAttributesException('AttributeValue must be 1 to 2000 characters long.');
    }
  }
  const start = timeOf(request.StartTime, 'StartTime');
  const end = timeOf(request.EndTime, 'EndTime');
  if (start !== undefined && end !== undefined && start > end) {
    throw new InvalidTimeRangeException('Start time must be equal to or earlier than end time.');
  }
  const max = request.MaxResults ?? MAX_LOOKUP_RESULTS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_LOOKUP_RESULTS) {
    throw new InvalidMaxResultsException(`MaxResults must be between 1 and ${MAX_LOOKUP_RESULTS}; got ${String(max)}.`);
  }
  const hash = parameterHash(scope, request);
  const cursor = request.NextToken !== undefined ? decodeToken(request.NextToken, hash) : undefined;
  const from = Math.max(start ?? 0, now - RETENTION_MS);
  const to = end ?? now;
  const history = category === 'insight' ? histories.insight : histories.management;
  const entries = history.query(attribute?.AttributeKey, attribute?.AttributeValue, from, to, cursor, max);
  const page = entries.length > max ? entries.slice(0, max) : entries;
  const events = page.map((entry) => toLookupEvent(entry.record, entry.time, recordJson(entry.record)));
  const response: LookupEventsResponse = { Events: events };
  if (entries.length > max) {
    const last = page[page.length - 1]!;
    response.NextToken = encodeToken(hash, { time: last.time, seq: last.seq });
  }
  return response;
}
