// Test isolation: one trail per test (works with concurrent tests), or one shared trail reset before each test.
import '../../src/testing/vitest.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/localtrail.js';
import { CREDENTIALS, stubHandler } from './support.js';

/** The recommended pattern: a factory that gives each test its own trail and its own clients. */
function fixture() {
  const trail = createLocalTrail();
  const s3 = new S3Client({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: stubHandler });
  s3.middlewareStack.use(trail.plugin());
  return { trail, s3 };
}

describe('one trail per test', () => {
  it.concurrent('test A sees only its own calls', async () => {
    const { trail, s3 } = fixture();
    await s3.send(new PutObjectCommand({ Bucket: 'a', Key: 'a1' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await s3.send(new PutObjectCommand({ Bucket: 'a', Key: 'a2' }));
    expect(trail).toHaveRecordedOnly({ requestParameters: { bucketName: 'a' } });
    expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 2);
  });

  it.concurrent('test B, running at the same time, sees only its own', async () => {
    const { trail, s3 } = fixture();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'b1' }));
    expect(trail).toHaveRecordedOnly({ requestParameters: { bucketName: 'b', key: 'b1' } });
  });
});

describe('one shared trail, reset before each test', () => {
  const shared = fixture();
  beforeEach(() => shared.trail.reset());

  it('first test records one call', async () => {
    await shared.s3.send(new PutObjectCommand({ Bucket: 'shared', Key: 'one' }));
    expect(shared.trail).toHaveRecordedCommandTimes(PutObjectCommand, 1);
  });

  it('second test starts empty', async () => {
    expect(shared.trail.events()).toEqual([]);
    expect(shared.trail.stats().recorded).toBe(0);
    await shared.s3.send(new PutObjectCommand({ Bucket: 'shared', Key: 'two' }));
    expect(shared.trail).toHaveRecordedOnly({ requestParameters: { key: 'two' } });
  });
});

describe('a long-lived client, a new trail per test', () => {
  it('re-pointing the client with use(trail.plugin()) moves recording to the new trail', async () => {
    const s3 = new S3Client({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: stubHandler });
    const before = createLocalTrail();
    s3.middlewareStack.use(before.plugin());
    await s3.send(new PutObjectCommand({ Bucket: 'x', Key: '1' }));

    const now = createLocalTrail();
    s3.middlewareStack.use(now.plugin()); // same middleware name: replaces, never records twice
    await s3.send(new PutObjectCommand({ Bucket: 'x', Key: '2' }));

    expect(before).toHaveRecordedOnly({ requestParameters: { key: '1' } });
    expect(now).toHaveRecordedOnly({ requestParameters: { key: '2' } });
  });
});
