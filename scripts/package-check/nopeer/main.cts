// The same without the peer, as CommonJS: `require('localtrail')` and its CommonJS declarations.
import { createLocalTrail, LocalTrailConfigError } from 'localtrail';

async function main(): Promise<void> {
  const trail = createLocalTrail();
  await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
  const { trailList = [] } = await trail.describeTrails();
  try {
    createLocalTrail({ accountId: '42' });
    throw new Error('a bad accountId was accepted');
  } catch (error) {
    if (!(error instanceof LocalTrailConfigError) || error.code !== 'LOCALTRAIL_INVALID_OPTION') throw error;
  }
  console.log(`nopeer cjs ok: ${trailList.map((t) => t.Name).join(',')}`);
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
