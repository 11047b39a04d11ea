// Matcher cost on a 10,000-record trail (jest's standalone `expect`): localtrail vs the built-in toContainEqual.
import { expect } from 'expect';
import type { CloudTrailRecord } from '../src/vocabulary/record.js';
import { localtrailMatchers } from '../src/testing/runner-matchers.js';
import type { BenchResult } from './harness.js';
import { interleave, machine, round } from './harness.js';

const RECORDS = 10_000;

function records(): CloudTrailRecord[] {
  return Array.from({ length: RECORDS }, (_, i): CloudTrailRecord => ({
    eventVersion: '1.11',
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::123456789012:user/u${i % 50}`, userName: `u${i % 50}`, accountId: '123456789012' },
    eventTime: '2024-01-02T03:04:05Z',
    eventSource: i % 2 ? 's3.amazonaws.com' : 'dynamodb.amazonaws.com',
    eventName: i % 2 ? 'PutObject' : 'GetItem',
    awsRegion: 'us-east-1',
    requestParameters: i % 2 ? { bucketName: `b${i % 100}`, key: `k${i}` } : { tableName: `t${i % 10}`, key: { id: { S: String(i) } } },
    responseElements: null,
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    readOnly: i % 2 === 0,
    eventType: 'AwsApiCall',
    managementEvent: false,
    recipientAccountId: '123456789012',
    eventCategory: 'Data',
  }));
}

interface Extended {
  toHaveRecorded(partial: object): void;
}

export default async function matchersBench(): Promise<BenchResult[]> {
  expect.extend(localtrailMatchers as unknown as Parameters<typeof expect.extend>[0]);
  const trail = records();
  // The match is the last record, so both scan everything.
  const last = trail[RECORDS - 1]!;
  const partial = { eventName: last.eventName, requestParameters: { key: (last.requestParameters as { key: string }).key } };
  const missing = { eventName: 'PutObject', requestParameters: { key: 'nope' } };
  const result = await interleave(
    [
      { name: 'toContainEqual', run: (n) => { for (let i = 0; i < n; i++) expect(trail).toContainEqual(expect.objectContaining({ eventName: partial.eventName, requestParameters: expect.objectContaining(partial.requestParameters) })); } },
      { name: 'toHaveRecorded', run: (n) => { for (let i = 0; i < n; i++) (expect(trail) as unknown as Extended).toHaveRecorded(partial); } },
    ],
    { rounds: 11, opsPerRound: 20, warmupOps: 20 },
  );
  // A failing assertion also ranks every record and builds three diffs.
  const t0 = process.hrtime.bigint();
  let message = '';
  try {
    (expect(trail) as unknown as Extended).toHaveRecorded(missing);
  } catch (error) {
    message = (error as Error).message;
  }
  const failMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const passMs = result.usPerOp['toHaveRecorded']! / 1000;
  const ratio = result.ratios['toHaveRecorded']!;
  return [
    {
      name: 'matchers',
      line:
        `matchers (${RECORDS} records, match at the end): toHaveRecorded ${round(passMs, 2)} ms ` +
        `(${round(ratio.median, 2)}x toContainEqual+objectContaining, range ${round(ratio.min, 2)}–${round(ratio.max, 2)}); ` +
        `failing with closest-event diffs ${round(failMs, 1)} ms (${message.length} chars) [${machine()}]`,
      json: {
        records: RECORDS,
        passMs: round(passMs, 3),
        toContainEqualMs: round(result.usPerOp['toContainEqual']! / 1000, 3),
        ratioMedian: round(ratio.median, 3),
        failMs: round(failMs, 3),
      },
    },
  ];
}
