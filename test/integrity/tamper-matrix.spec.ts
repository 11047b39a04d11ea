// Every kind of tampering × first/middle/last position, with the verdicts each must get.
import { beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { memorySource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import type { FileVerdict } from '../../src/validation/validate-logs.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import { attackerKey, copyObject, deliverHours, digestKeys, logKeys, newDelivery, rewriteDigest } from './scenario.js';
import type { Delivered } from './scenario.js';

type Position = 'first' | 'middle' | 'last';
const POSITIONS: Position[] = ['first', 'middle', 'last'];
const B = 'trail-bucket';

let base: Delivered;
beforeAll(async () => {
  base = newDelivery();
  await deliverHours(base, 3);
});

/** A fresh copy of the delivered bucket to tamper with. */
function cloneSink(): MemorySink {
  const sink = new MemorySink();
  for (const [k, v] of base.sink.objects) sink.objects.set(k, { ...v, metadata: { ...v.metadata } });
  sink.publicKeys.push(...base.sink.publicKeys);
  return sink;
}

function pick<T>(list: T[], p: Position): T {
  return p === 'first' ? list[0]! : p === 'last' ? list[list.length - 1]! : list[Math.floor(list.length / 2)]!;
}

/** Non-valid verdicts as `status key: reason` lines (key shortened to its file name). */
function failures(verdicts: FileVerdict[]): string[] {
  return verdicts.filter((v) => v.status !== 'valid').map((v) => `${v.status} ${v.key.split('/').pop()}: ${v.reason ?? ''}`);
}

const short = (key: string): string => key.split('/').pop()!;

interface Case {
  name: string;
  tamper(sink: MemorySink, p: Position): { target: string; expected: RegExp[]; expectedChainEnds?: boolean };
}

/** Re-signing a digest changes its signature, so the digest after it no longer links to it either. */
function newerLinkBroken(sink: MemorySink, key: string): RegExp[] {
  const keys = digestKeys(sink);
  const newer = keys[keys.indexOf(key) + 1];
  return newer ? [new RegExp(`^invalid ${short(newer)}: previousDigestSignature does not match the signature of the previous digest s3://${B}/.*${short(key)}$`)] : [];
}

const cases: Case[] = [
  {
    name: 'modified log file',
    tamper(sink, p) {
      const key = pick(logKeys(sink), p);
      const json = gunzipSync(sink.get(B, key)!.body).toString().replace('PutObject', 'GetObject');
      sink.objects.set(`${B}/${key}`, { ...sink.get(B, key)!, body: gzipSync(json) });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: hash value doesn't match$`)] };
    },
  },
  {
    name: 'deleted log file',
    tamper(sink, p) {
      const key = pick(logKeys(sink), p);
      sink.delete(B, key);
      return { target: key, expected: [new RegExp(`^not-found ${short(key)}: not found$`)] };
    },
  },
  {
    name: 'added log file',
    tamper(sink, p) {
      const key = pick(logKeys(sink), p);
      const added = key.replace(/_[A-Za-z0-9]{16}\.json\.gz$/, '_AddedAddedAdded0.json.gz');
      copyObject(sink, key, added, false);
      return { target: added, expected: [new RegExp(`^invalid ${short(added)}: not listed in any digest`)] };
    },
  },
  {
    name: 'log file replaced by garbage',
    tamper(sink, p) {
      const key = pick(logKeys(sink), p);
      sink.objects.set(`${B}/${key}`, { ...sink.get(B, key)!, body: Buffer.from('not gzip at all') });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: invalid format: not a gzip file$`)] };
    },
  },
  {
    name: 'truncated log file',
    tamper(sink, p) {
      const key = pick(logKeys(sink), p);
      const body = sink.get(B, key)!.body;
      sink.objects.set(`${B}/${key}`, { ...sink.get(B, key)!, body: body.subarray(0, body.length >> 1) });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: invalid format: truncated gzip stream$`)] };
    },
  },
  {
    name: 'modified digest',
    tamper(sink, p) {
      const key = pick(digestKeys(sink), p);
      rewriteDigest(sink, key, (b) => {
        b.newestEventTime = '2030-01-01T00:00:00Z';
      });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: signature verification failed$`)] };
    },
  },
  {
    name: 'moved digest',
    tamper(sink, p) {
      const keys = digestKeys(sink);
      const key = pick(keys, p);
      const moved = key.replace(/(\d{2})Z\.json\.gz$/, (_m, s: string) => `${String(Number(s) + 1).padStart(2, '0')}Z.json.gz`);
      copyObject(sink, key, moved, true);
      const expected = [new RegExp(`^invalid ${short(moved)}: has been moved from its original location`)];
      // The newer digest still names the original location, which is now gone (the newest one is named by nobody).
      if (p !== 'last') expected.unshift(new RegExp(`^not-found ${short(key)}: not found \\(previous digest of`));
      else expected.unshift(new RegExp(`^not-found ${short(key)}: not found \\(the newest digest of its chain was deleted\\)$`));
      return { target: moved, expected, expectedChainEnds: true };
    },
  },
  {
    name: 'forged digest (signed with an untrusted key)',
    tamper(sink, p) {
      const key = pick(digestKeys(sink), p);
      rewriteDigest(sink, key, (b) => (b.newestEventTime = '2030-01-01T00:00:00Z'), attackerKey());
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: public key not found in region us-east-1 for fingerprint ${attackerKey().fingerprint}$`)] };
    },
  },
  {
    name: 'deleted digest',
    tamper(sink, p) {
      const key = pick(digestKeys(sink), p);
      sink.delete(B, key);
      const reason = p === 'last' ? 'the newest digest of its chain was deleted' : 'previous digest of';
      return { target: key, expected: [new RegExp(`^not-found ${short(key)}: not found \\(${reason}`)], expectedChainEnds: true };
    },
  },
  {
    name: 'broken chain: previousDigestSignature not the previous digest signature',
    tamper(sink, p) {
      // The link from the first, middle or last digest that has a previous one; re-signed with the real key.
      const key = pick(digestKeys(sink).slice(1), p);
      const realKey = base.delivery.keys.all()[0]!;
      rewriteDigest(sink, key, (b) => (b.previousDigestSignature = 'ab'.repeat(256)), realKey);
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: previousDigestSignature does not match the signature of the previous digest`), ...newerLinkBroken(sink, key)] };
    },
  },
  {
    name: 'broken chain: previousDigestHashValue not the previous digest hash',
    tamper(sink, p) {
      const key = pick(digestKeys(sink).slice(1), p);
      const realKey = base.delivery.keys.all()[0]!;
      rewriteDigest(sink, key, (b) => (b.previousDigestHashValue = '0'.repeat(64)), realKey);
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: previousDigestHashValue does not match`), ...newerLinkBroken(sink, key)] };
    },
  },
  {
    name: 'digest replaced by schema-invalid JSON',
    tamper(sink, p) {
      const key = pick(digestKeys(sink), p);
      sink.objects.set(`${B}/${key}`, { ...sink.get(B, key)!, body: gzipSync('{"awsAccountId": 1}') });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: invalid format: missing or non-string awsAccountId$`)] };
    },
  },
  {
    name: 'digest replaced by garbage bytes',
    tamper(sink, p) {
      const key = pick(digestKeys(sink), p);
      sink.objects.set(`${B}/${key}`, { ...sink.get(B, key)!, body: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: invalid format: (truncated gzip stream|corrupt gzip data)`)] };
    },
  },
  {
    name: 'digest that is gzip but not JSON',
    tamper(sink, p) {
      const key = pick(digestKeys(sink), p);
      sink.objects.set(`${B}/${key}`, { ...sink.get(B, key)!, body: gzipSync('{"awsAccountId": "1111') });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: invalid format: not valid JSON$`)] };
    },
  },
  {
    name: 'digest without its signature metadata',
    tamper(sink, p) {
      const key = pick(digestKeys(sink), p);
      sink.objects.set(`${B}/${key}`, { ...sink.get(B, key)!, metadata: {} });
      return { target: key, expected: [new RegExp(`^invalid ${short(key)}: signature metadata missing$`)] };
    },
  },
];

describe('tamper matrix', () => {
  it('the untouched trail validates clean', async () => {
    const report = await validateLogs({ source: memorySource(cloneSink()), expectedChainEnds: base.delivery.chainEndsDelivered() });
    expect(failures([...report.digests, ...report.logFiles])).toEqual([]);
    expect(report.ok).toBe(true);
  });

  for (const c of cases) {
    describe(c.name, () => {
      for (const p of POSITIONS) {
        it(`${p}`, async () => {
          const sink = cloneSink();
          const { expected } = c.tamper(sink, p);
          const report = await validateLogs({ source: memorySource(sink), expectedChainEnds: base.delivery.chainEndsDelivered() });
          const got = failures([...report.digests, ...report.logFiles]);
          expect(report.ok).toBe(false);
          // Each expected verdict matches exactly one reported failure, and nothing else failed.
          expect(got, got.join('\n')).toHaveLength(expected.length);
          for (const re of expected) expect(got.filter((g) => re.test(g)), `${re} in\n${got.join('\n')}`).toHaveLength(1);
        });
      }
    });
  }

  it('without the expected chain end, a deleted newest digest goes unnoticed (as with aws-cli)', async () => {
    const sink = cloneSink();
    const keys = digestKeys(sink);
    sink.delete(B, keys[keys.length - 1]!);
    const report = await validateLogs({ source: memorySource(sink) });
    // Its log files fall outside every remaining chain's window, so nothing else is flagged either.
    expect(report.ok).toBe(true);
  });
});
