// One process of a fleet: records DescribeTable calls `<instance>-<k>` for k = START … TOTAL-1 into the shared bucket
// through the S3 sink, as trail `audit-<instance>`; on SIGTERM it stops calling, delivers everything and exits.
// Prints `started`, then each finished call's k, one per line.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { S3Sink } from '../../src/delivery/sinks/s3-sink.js';
import { fleetInstanceId, fleetTrailName, shutdownOnSignals } from '../../src/fleet/fleet.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { stubHandler } from '../support/stub-http.js';

const env = process.env;
const instance = fleetInstanceId();
const start = Number(env['START']);
const total = Number(env['TOTAL']);
const s3 = new S3Client({ region: 'us-east-1', endpoint: env['S3_ENDPOINT']!, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
const trail = createLocalTrail({
  accountId: '111122223333',
  // The app's SDK calls only: CloudTrail's own CreateTrail/StartLogging would be kept by the store but not yet logged.
  controlPlaneEvents: false,
  region: 'us-east-1',
  delivery: {
    sinks: [new S3Sink({ client: s3 })],
    // One key for the whole fleet, as CloudTrail has one per region: any validator needs only that public key.
    signingKeys: { 'us-east-1': env['SIGNING_KEY_PEM']! },
    scheduledDelayMillis: 200,
    digestIntervalMillis: 1000,
  },
});
let stopping = false;
let calls: Promise<void> = Promise.resolve();
shutdownOnSignals(trail, {
  drain: () => {
    stopping = true;
    return calls;
  },
});
const name = fleetTrailName('audit', instance);
await trail.createTrail({ Name: name, S3BucketName: 'fleet-logs', EnableLogFileValidation: true });
await trail.startLogging({ Name: name });
process.stdout.write('started\n');

const dynamo = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAFLEETEXAMPLE', secretAccessKey: 'fleet-secret' }, requestHandler: stubHandler(() => ({ body: '{}' })) });
dynamo.middlewareStack.use(trail.plugin());
calls = (async () => {
  for (let k = start; k < total && !stopping; k++) {
    await dynamo.send(new DescribeTableCommand({ TableName: `${instance}-${k}` }));
    process.stdout.write(`${k}\n`);
    await new Promise((resolve) => setTimeout(resolve, 8));
  }
})();
await calls;
if (!stopping) {
  const { complete } = await trail.shutdown();
  process.stdout.write(complete ? 'complete\n' : 'incomplete\n');
}
