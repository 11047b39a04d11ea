// The needle fast path parses only records whose text holds the needle, and gives the same answer as a full parse,
// falling back to it whenever the file is not laid out as CloudTrail writes it.
import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../src/reader/decode-log-file.js';
import { getObject, startInstances } from './support.js';

const file = (records: unknown[], space?: number) => Buffer.from(JSON.stringify({ Records: records }, null, space));
const needle = (s: string) => Buffer.from(s);

describe('decodeJson', () => {
  const records = [startInstances('2026-03-01T10:01:00Z', 'a'), getObject('2026-03-01T10:02:00Z', 'b', 'x'), getObject('2026-03-01T10:03:00Z', 'c', 'y'), startInstances('2026-03-01T10:04:00Z', 'd')];

  it('parses only the records holding the needle in a compact file', () => {
    const decoded = decodeJson(file(records), needle('GetObject'));
    expect(decoded).toEqual({ ok: true, records: [records[1], records[2]], parsedAll: false });
    expect(decodeJson(file(records), needle('StartInstances'))).toMatchObject({ records: [records[0], records[3]], parsedAll: false });
    expect(decodeJson(file(records), needle('nowhere'))).toEqual({ ok: true, records: [], parsedAll: false });
    expect(decodeJson(file([]), needle('x'))).toEqual({ ok: true, records: [], parsedAll: false });
  });

  it('parses everything when the file is pretty-printed or the needle is absent', () => {
    expect(decodeJson(file(records, 2), needle('GetObject'))).toEqual({ ok: true, records, parsedAll: true });
    expect(decodeJson(file(records))).toEqual({ ok: true, records, parsedAll: true });
  });

  it('falls back to a full parse when a record holds a nested object with an eventVersion key', () => {
    const trap = { ...getObject('2026-03-01T10:02:00Z', 'nested', 'x'), requestParameters: { events: [{ eventVersion: '1', eventTime: 't', eventID: 'fake' }, { eventVersion: '2', eventTime: 't', eventID: 'fake2' }] } };
    const decoded = decodeJson(file([records[0], trap, records[3]]), needle('fake'));
    expect(decoded).toMatchObject({ ok: true, parsedAll: true });
    expect(decoded.ok && decoded.records.map((r) => r.eventID)).toEqual(['a', 'nested', 'd']);
  });

  it('reports JSON that is not a CloudTrail log', () => {
    expect(decodeJson(Buffer.from('{"Records":[{"eventVersion":"1.08",'), needle('1.08'))).toEqual({ ok: false, reason: 'invalid format: not valid JSON' });
    expect(decodeJson(Buffer.from('[1,2]'))).toEqual({ ok: false, reason: 'invalid format: no "Records" array' });
  });
});
