// The signatures a history takes of each record on add: a record that matches a lookup value must always pass the
// value's probe (else a scan would miss it), whatever the attribute, record shape or value; values that share a
// hashed tail pass each other's probes (the scan then reads and rejects the record: history-signatures.spec.ts).
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_MATCHERS } from '../../src/engine/history/attribute-match.js';
import { SIGNATURE_COLUMNS, signatureProbe, writeSignatures } from '../../src/engine/history/attribute-signatures.js';
import { attributeValues, LOOKUP_ATTRIBUTE_KEYS, resourceNameOf, resourceNameStart } from '../../src/engine/history/lookup-attributes.js';
import type { CloudTrailRecord, CloudTrailResource, UserIdentity } from '../../src/vocabulary/record.js';
import { makeRecord } from './helpers.js';

let seed = 5;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
}
const pick = <T>(list: readonly T[]): T => list[rand(list.length)]!;
function text(length: number, alphabet = 'abcXYZ019-_./:'): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[rand(alphabet.length)]!;
  return s;
}

/** The resource name as lookup-attributes computed it before resourceNameStart (split and join). */
function referenceName(arn: string): string {
  const parts = arn.split(':');
  if (parts.length < 6) return arn;
  const rest = parts.slice(5).join(':');
  if (parts[2] === 's3') return rest;
  const slash = rest.indexOf('/');
  return slash >= 0 ? rest.slice(slash + 1) : rest;
}

function randomArn(): string {
  const kind = rand(4);
  if (kind === 0) return text(rand(50), 'ab:/s3');
  const service = pick(['s3', 'ec2', 'iam', 's3x', 's', '']);
  // Names of every length about the 32 hashed characters, odd and even, with and without a type before a slash.
  const resource = pick(['', 'bucket', 'thing/', 'user/', 'table/']) + text(rand(70));
  return `arn:${pick(['aws', 'aws-cn'])}:${service}:${pick(['', 'us-east-1'])}:${pick(['', '111122223333'])}:${resource}`;
}

function randomIdentity(): UserIdentity | undefined {
  switch (rand(6)) {
    case 0:
      return undefined;
    case 1:
      return { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: `AKIA${text(16, 'ABC123')}` };
    case 2:
      return { type: 'AssumedRole', arn: `arn:aws:sts::111122223333:assumed-role/Role/${text(rand(40) + 1)}`, accessKeyId: `ASIA${text(16, 'ABC123')}` };
    case 3:
      return { type: 'FederatedUser', arn: `arn:aws:sts::111122223333:federated-user/${text(rand(12) + 1)}` };
    case 4:
      return { type: 'AssumedRole', arn: 'no-slash-session', userName: '' };
    default:
      return { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/u', userName: text(rand(40) + 1), accessKeyId: `AKIA${text(16, 'ABC123')}` };
  }
}

function randomRecord(): CloudTrailRecord {
  const resources: CloudTrailResource[] = [];
  for (let i = rand(4); i > 0; i--) {
    const arn = randomArn();
    resources.push(rand(5) === 0 ? { type: `AWS::${text(rand(30), 'AZaz:')}`, ARNPrefix: arn } : { type: `AWS::S3::${text(rand(20), 'AZaz')}`, ARN: arn });
  }
  if (rand(8) === 0) resources.push({ type: 'AWS::None::Thing' });
  const insight = rand(6) === 0;
  const identity = randomIdentity();
  const readOnly = pick([true, false, undefined]);
  const record = makeRecord({
    eventID: rand(3) === 0 ? text(rand(40)) : crypto.randomUUID(),
    eventName: text(rand(45) + 1, 'ABCabcx'),
    eventSource: `${text(rand(30) + 1)}.amazonaws.com`,
    ...(resources.length > 0 || rand(2) === 0 ? { resources } : {}),
    ...(insight ? { eventCategory: 'Insight' as const, insightDetails: { eventName: text(rand(20) + 1), eventSource: text(rand(20)) + '.amazonaws.com' } } : {}),
  });
  if (identity === undefined) delete record.userIdentity;
  else record.userIdentity = identity;
  if (readOnly === undefined) delete record.readOnly;
  else record.readOnly = readOnly;
  return record;
}

function signaturesOf(record: CloudTrailRecord): Int32Array {
  const columns = Array.from({ length: SIGNATURE_COLUMNS }, () => new Int32Array(1));
  writeSignatures(record, columns, 0);
  return Int32Array.from(columns, (column) => column[0]!);
}

function passes(signatures: Int32Array, key: string, value: string): boolean {
  const probe = signatureProbe(key, value)!;
  return (signatures[probe.column]! & probe.mask) === probe.want;
}

/** Values worth trying for `key` on `record`: its own, parts and tails of them, and a few others. */
function candidates(record: CloudTrailRecord, key: string): string[] {
  const out = new Set<string>(attributeValues(record, key));
  for (const v of [...out]) {
    out.add(v.slice(1));
    out.add(v.slice(-5));
    out.add(`x${v}`);
  }
  for (const r of record.resources ?? []) {
    const arn = r.ARN ?? r.ARNPrefix;
    if (arn !== undefined) for (let i = 0; i < arn.length; i += 3) out.add(arn.slice(i));
  }
  for (const v of ['root', 'true', 'false', 'AWS::S3::Object', 'alice']) out.add(v);
  out.delete('');
  return [...out];
}

describe('attribute signatures', () => {
  it('resourceNameStart cuts the name where split-and-join did, for ARNs and other strings', () => {
    const arns = ['', ':', 'arn:aws:s3:::', 'arn:aws:s3:::b', 'arn:aws:s3:::b/k/x:y', 'arn:aws:iam::1:user/a/b', 'arn:aws:sns:r:1:topic', 'arn:aws:s3x:::b/k', 'a:b:c:d:e', 'a:b:c:d:e:', 'a:b:s3:d:e:f/g'];
    for (let i = 0; i < 3000; i++) arns.push(randomArn());
    for (const arn of arns) expect([arn, arn.slice(resourceNameStart(arn))]).toEqual([arn, referenceName(arn)]);
  });

  it('a record passes the probe of every value it matches, for every attribute and record shape', () => {
    let checked = 0;
    const wrong: unknown[] = [];
    for (let i = 0; i < 1500; i++) {
      const record = randomRecord();
      const signatures = signaturesOf(record);
      for (const key of LOOKUP_ATTRIBUTE_KEYS) {
        for (const value of candidates(record, key)) {
          const matches = ATTRIBUTE_MATCHERS[key]!(record, value);
          // The scan's matcher and the index's value list agree, and a match always passes the probe.
          if (matches !== attributeValues(record, key).includes(value)) wrong.push(['matcher and values disagree', key, value, record]);
          if (matches) {
            checked++;
            if (!passes(signatures, key, value)) wrong.push(['match fails the probe', key, value, record]);
          }
        }
      }
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('names of every length and the full ARN pass, for resources named after a slash, a colon or whole', () => {
    for (let length = 0; length <= 70; length++) {
      const name = text(length);
      for (const arn of [`arn:aws:s3:::${name}`, `arn:aws:iam::111122223333:role/${name}`, `arn:aws:sns:us-east-1:111122223333:${name}`, name.replaceAll(':', '')]) {
        const record = makeRecord({ resources: [{ type: 'AWS::Any::Thing', ARN: arn }] });
        const signatures = signaturesOf(record);
        const resourceName = resourceNameOf(record.resources![0]!)!;
        if (resourceName !== '') expect([arn, passes(signatures, 'ResourceName', resourceName)]).toEqual([arn, true]);
        expect([arn, passes(signatures, 'ResourceName', arn)]).toEqual([arn, true]);
      }
    }
  });

  it('Insight records are signed by their insightDetails, role sessions by the session name', () => {
    const insight = signaturesOf(makeRecord({ eventCategory: 'Insight', eventName: 'Outer', insightDetails: { eventName: 'PutObject', eventSource: 's3.amazonaws.com' } }));
    expect(passes(insight, 'EventName', 'PutObject')).toBe(true);
    expect(passes(insight, 'EventSource', 's3.amazonaws.com')).toBe(true);
    expect(passes(insight, 'EventName', 'Outer')).toBe(false);
    const session = signaturesOf(makeRecord({ userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Deployer/ci-run-42' } }));
    expect(passes(session, 'Username', 'ci-run-42')).toBe(true);
    expect(passes(session, 'Username', 'Deployer')).toBe(false);
    const root = signaturesOf(makeRecord({ userIdentity: { type: 'Root', userName: 'ignored', arn: 'arn:aws:iam::111122223333:root' } }));
    expect(passes(root, 'Username', 'root')).toBe(true);
  });

  it('values that share the hashed tail pass each other’s probes: the scan must read and match the record', () => {
    const tail = 'x'.repeat(32);
    const a = signaturesOf(makeRecord({ eventName: `A${tail}`, eventID: '11111111-2222-4333-8444-abcdefabcdef' }));
    expect(passes(a, 'EventName', `B${tail}`)).toBe(true);
    expect(passes(a, 'EventId', '99999999-2222-4333-8444-abcdefabcdef')).toBe(true);
    const arn = signaturesOf(makeRecord({ resources: [{ type: 'T', ARN: `arn:aws:s3:::bucket-one/${tail}` }] }));
    expect(passes(arn, 'ResourceName', `arn:aws:s3:::bucket-two/${tail}`)).toBe(true);
  });

  it('a malformed record (from a file) is signed without throwing', () => {
    const odd = { ...makeRecord(), userIdentity: null, resources: [null, { type: 7, ARN: 42 }], readOnly: 'yes', eventName: 12, eventID: undefined } as unknown as CloudTrailRecord;
    expect(() => signaturesOf(odd)).not.toThrow();
    expect(() => signaturesOf({ ...makeRecord(), resources: 'abc' } as unknown as CloudTrailRecord)).not.toThrow();
  });
});
