// Example: testing detections the way they run against real CloudTrail — an EventBridge rule on trail tampering,
// a CloudWatch Logs group, SNS notifications, an IAM policy on who may manage trails, and an Insights event from a
// burst of writes. Offline: real SDK clients, an in-process request handler, a manual clock.
// In your project: `import 'localtrail/vitest'` and `from 'localtrail'`.
import '../src/testing/vitest.js';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { createLocalTrail, EventBridgeDestination, ManualClock, MemoryCloudWatchLogs, policyAuthorizer, SnsDestination } from '../src/index.js';
import { offlineAws } from './support/offline-aws.js';

const ADMIN = { accessKeyId: 'AKIAADMINEXAMPLE0001', secretAccessKey: 'example-secret-admin' };
const INTRUDER = { accessKeyId: 'AKIAINTRUDEREXAMPLE1', secretAccessKey: 'example-secret-intruder' };
const LOG_GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:CloudTrail/audit:*';

function setup() {
  const clock = new ManualClock('2026-03-01T09:00:00Z');
  // What a detection pipeline listens to: an EventBridge rule, a log group, a topic.
  const bridge = new EventBridgeDestination({
    rules: [{ name: 'trail-tampering', pattern: { source: ['aws.cloudtrail'], detail: { eventName: ['StopLogging', 'DeleteTrail', 'UpdateTrail'] } } }],
  });
  const logs = new MemoryCloudWatchLogs();
  const notifications: string[] = [];
  const trail = createLocalTrail({
    accountId: '111122223333',
    clock,
    identities: [
      { accessKeyId: ADMIN.accessKeyId, userName: 'admin' },
      { accessKeyId: INTRUDER.accessKeyId, userName: 'intruder' },
    ],
    // Only admin may manage trails; nobody may stop or delete the audit trail.
    authorize: policyAuthorizer((caller) =>
      caller.userIdentity.userName === 'admin'
        ? [{ Statement: [{ Effect: 'Allow', Action: 'cloudtrail:*', Resource: '*' }, { Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: 'arn:aws:cloudtrail:*:*:trail/audit' }] }]
        : [{ Statement: [{ Effect: 'Allow', Action: ['cloudtrail:Describe*', 'cloudtrail:Get*'], Resource: '*' }] }],
    ),
    insights: { baselineMinutes: 5 },
    delivery: { destinations: [bridge, logs, new SnsDestination({ publish: ({ message }) => void notifications.push(message) })] },
  });
  return { clock, trail, bridge, logs, notifications };
}

describe('detections, tested locally', () => {
  it('a denied StopLogging is recorded, reaches the log group, and fires the tampering rule', async () => {
    const { trail, bridge, logs } = setup();
    await trail.createTrail(
      { Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: LOG_GROUP, CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/CloudTrailToLogs' },
      { accessKeyId: ADMIN.accessKeyId },
    );
    await trail.startLogging({ Name: 'audit' }, { accessKeyId: ADMIN.accessKeyId });

    await expect(trail.stopLogging({ Name: 'audit' }, { accessKeyId: INTRUDER.accessKeyId })).rejects.toThrow(/no identity-based policy allows/);
    await expect(trail.stopLogging({ Name: 'audit' }, { accessKeyId: ADMIN.accessKeyId })).rejects.toThrow(/with an explicit deny/);
    await trail.flush();

    expect(trail).toHaveRecorded({ eventName: 'StopLogging', errorCode: 'AccessDeniedException', userIdentity: { userName: 'intruder' } });
    expect(bridge.matched('trail-tampering').map((e) => [e.detail.userIdentity?.userName, e.detail.errorCode])).toEqual([
      ['intruder', 'AccessDeniedException'],
      ['admin', 'AccessDeniedException'],
    ]);
    expect(logs.records('CloudTrail/audit').map((r) => r.eventName)).toEqual(['StartLogging', 'StopLogging', 'StopLogging']);
    expect((await trail.getTrailStatus({ Name: 'audit' })).IsLogging).toBe(true);
  });

  it('a burst of CreateUser calls becomes an Insights event; delivered files notify the topic', async () => {
    const { clock, trail, notifications } = setup();
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', SnsTopicName: 'cloudtrail-notes' }, { accessKeyId: ADMIN.accessKeyId });
    await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] }, { accessKeyId: ADMIN.accessKeyId });
    await trail.startLogging({ Name: 'audit' }, { accessKeyId: ADMIN.accessKeyId });
    const iam = new IAMClient({ region: 'us-east-1', credentials: ADMIN, requestHandler: offlineAws });
    iam.middlewareStack.use(trail.plugin());

    for (let minute = 0; minute < 5; minute++) {
      await iam.send(new CreateUserCommand({ UserName: `user-${minute}` }));
      await clock.advance(60_000); // one new user a minute: the baseline
    }
    for (let i = 0; i < 25; i++) await iam.send(new CreateUserCommand({ UserName: `burst-${i}` }));
    await clock.advance(2 * 60_000); // the burst's minute ends, then a quiet one

    expect(trail).toHaveRecorded({
      eventType: 'AwsCloudTrailInsight',
      insightDetails: { state: 'Start', eventName: 'CreateUser', insightContext: { statistics: { insight: { average: 25 } } } },
    });
    await trail.shutdown();
    expect(notifications.map((m) => JSON.parse(m) as { s3ObjectKey: string[] }).flatMap((m) => m.s3ObjectKey).some((k) => k.includes('/CloudTrail-Insight/'))).toBe(true);
  });
});
