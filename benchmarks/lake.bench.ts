// lake: a CloudTrail Lake query over 1,000,000 records (StartQuery → DescribeQuery until done → GetQueryResults) against
// DuckDB running the same SQL on the same table directly; and the time to load the records into the store.
import { randomUUID } from 'node:crypto';
import { systemClock } from '../src/clock/clock.js';
import { Lake } from '../src/lake/lake.js';
import type { CloudTrailRecord, UserIdentity } from '../src/vocabulary/record.js';
import type { BenchResult } from './harness.js';
import { interleave, round } from './harness.js';

const RECORDS = Number(process.env['BENCH_LAKE_RECORDS'] ?? 1_000_000);
const T0 = Date.parse('2026-03-01T00:00:00Z');
const NAMES = ['DescribeTable', 'ListTables', 'CreateTable', 'GetCallerIdentity', 'ListBuckets', 'DescribeInstances', 'AssumeRole', 'Decrypt'];
const SOURCES = ['dynamodb.amazonaws.com', 'sts.amazonaws.com', 's3.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com'];

/** Management events of 50 principals over ~11 days, with the shared parts real records share. */
function records(n: number): CloudTrailRecord[] {
  const users: UserIdentity[] = Array.from({ length: 50 }, (_, i) =>
    Object.freeze({ type: 'IAMUser', principalId: `AIDAEXAMPLE${i}`, arn: `arn:aws:iam::111122223333:user/user-${i}`, accountId: '111122223333', userName: `user-${i}` }),
  );
  const out = new Array<CloudTrailRecord>(n);
  for (let i = 0; i < n; i++) {
    const name = NAMES[i % NAMES.length]!;
    out[i] = {
      eventVersion: '1.11',
      userIdentity: users[i % users.length]!,
      eventTime: new Date(T0 + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      eventSource: SOURCES[i % SOURCES.length]!,
      eventName: name,
      awsRegion: i % 3 === 0 ? 'eu-west-1' : 'us-east-1',
      sourceIPAddress: '10.0.0.1',
      userAgent: 'aws-sdk-js/3.1000.0 ua/2.1 os/linux',
      ...(i % 17 === 0 ? { errorCode: 'AccessDenied', errorMessage: 'User is not authorized' } : {}),
      requestParameters: { tableName: `table-${i % 1000}` },
      responseElements: null,
      requestID: randomUUID(),
      eventID: randomUUID(),
      readOnly: !name.startsWith('Create'),
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '111122223333',
      eventCategory: 'Management',
    };
  }
  return out;
}

export default async function lakeBench(): Promise<BenchResult[]> {
  const lake = new Lake({ clock: systemClock, accountId: '111122223333', region: 'us-east-1', onError: (e) => { throw e; } });
  const { EventDataStoreArn } = lake.createEventDataStore({ Name: 'bench', RetentionPeriod: 3653 });
  const id = EventDataStoreArn!.slice(EventDataStoreArn!.lastIndexOf('/') + 1);
  const all = records(RECORDS);
  const t0 = performance.now();
  for (const record of all) lake.accept(record);
  const acceptMs = performance.now() - t0;
  await lake.loadPending(EventDataStoreArn!);
  const loadMs = performance.now() - t0;
  all.length = 0;

  // The later half of the records.
  const middle = new Date(T0 + (RECORDS / 2) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const queries = {
    aggregation: `SELECT eventName, count(*) FROM ${id} WHERE eventTime > '${middle}' GROUP BY 1 ORDER BY 2 DESC`,
    nested: `SELECT userIdentity.arn, count(*) AS calls, count(DISTINCT requestParameters['tableName']) AS tables FROM ${id} WHERE errorCode IS NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
  };
  const direct = await lake.connectDatabase();
  const out: BenchResult[] = [];
  for (const [label, sql] of Object.entries(queries)) {
    let lakeRows = 0;
    let duckRows = 0;
    const result = await interleave(
      [
        {
          name: 'duckdb',
          run: async (n) => {
            for (let i = 0; i < n; i++) duckRows = (await direct.runAndReadAll(sql.replace(id, `"${id}"`))).getRows().length;
          },
        },
        {
          name: 'lake',
          run: async (n) => {
            for (let i = 0; i < n; i++) {
              const { QueryId } = await lake.startQuery({ QueryStatement: sql });
              // Polled as a client would, with a pause: a busy loop would take a core from DuckDB's threads.
              while (lake.describeQuery({ QueryId }).QueryStatus === 'RUNNING') await new Promise((resolve) => setTimeout(resolve, 1));
              lakeRows = lake.getQueryResults({ QueryId }).QueryResultRows!.length;
            }
          },
        },
      ],
      { rounds: 9, opsPerRound: 3, warmupOps: 2 },
    );
    if (lakeRows !== duckRows || lakeRows === 0) throw new Error(`lake benchmark: ${label} gave ${lakeRows} rows through Lake, ${duckRows} directly`);
    const ratio = result.ratios['lake']!;
    out.push({
      name: `lake-${label}`,
      line:
        `lake ${label} (${RECORDS.toLocaleString('en')} records): ${round(ratio.median, 2)}x DuckDB on the same table ` +
        `[rounds ${round(ratio.min, 2)}–${round(ratio.max, 2)}], ${round(result.usPerOp['lake']! / 1000, 1)} ms vs ${round(result.usPerOp['duckdb']! / 1000, 1)} ms`,
      json: { records: RECORDS, ratio: round(ratio.median), ratioMin: round(ratio.min), ratioMax: round(ratio.max), lakeMs: round(result.usPerOp['lake']! / 1000, 1), duckdbMs: round(result.usPerOp['duckdb']! / 1000, 1) },
    });
  }
  direct.closeSync();
  await lake.close();
  out.push({
    name: 'lake-load',
    line: `lake load: ${RECORDS.toLocaleString('en')} records in ${round(loadMs / 1000, 1)} s (${Math.round(RECORDS / (loadMs / 1000)).toLocaleString('en')} records/s; accept on the hot path ${round((acceptMs * 1000) / RECORDS, 2)} µs a record)`,
    json: { records: RECORDS, loadSeconds: round(loadMs / 1000, 2), recordsPerSecond: Math.round(RECORDS / (loadMs / 1000)), acceptUsPerRecord: round((acceptMs * 1000) / RECORDS, 3) },
  });
  return out;
}
