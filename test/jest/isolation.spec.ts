// Under jest: one trail per test, or a shared trail reset in beforeEach.
import '../../src/testing/jest.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { createLocalTrail } from '../../src/localtrail.js';
import { CREDENTIALS, stubHandler } from '../testing/support.js';

const s3 = new S3Client({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: stubHandler });

describe('a long-lived client, a new trail per test', () => {
  let trail = createLocalTrail();
  beforeEach(() => {
    trail = createLocalTrail();
    s3.middlewareStack.use(trail.plugin()); // replaces the previous test's recorder
  });

  it('first test', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'first' }));
    expect(trail).toHaveRecordedOnly({ requestParameters: { key: 'first' } });
  });

  it('second test sees only its own call', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'second' }));
    expect(trail).toHaveRecordedOnly({ requestParameters: { key: 'second' } });
    expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 1);
  });
});

describe('a shared trail reset before each test', () => {
  const shared = createLocalTrail();
  const client = new S3Client({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: stubHandler });
  client.middlewareStack.use(shared.plugin());
  beforeEach(() => shared.reset());

  it('records', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }));
    expect(shared).toHaveRecordedCommand(PutObjectCommand);
  });

  it('starts empty', () => {
    expect(shared).not.toHaveRecorded({});
  });
});
