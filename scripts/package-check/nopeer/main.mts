// Without @aws-sdk/client-cloudtrail: the control plane is fully typed by localtrail's own shapes.
import { createLocalTrail, TrailNotFoundException } from 'localtrail';
import type { CreateTrailRequest, LookupEventsResponse } from 'localtrail';

const trail = createLocalTrail({ accountId: '111122223333', region: 'eu-west-1' });
const input: CreateTrailRequest = { Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true };
const created = await trail.createTrail(input);
if (created.TrailARN !== 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/audit') throw new Error(`unexpected ARN ${created.TrailARN}`);
const page: LookupEventsResponse = await trail.lookupEvents({ MaxResults: 5 });
await trail.getTrail({ Name: 'missing' }).then(
  () => { throw new Error('getTrail of a missing trail resolved'); },
  (error: unknown) => { if (!(error instanceof TrailNotFoundException)) throw error; },
);
console.log(`nopeer esm ok: ${created.Name}, ${page.Events?.length ?? 0} events`);
