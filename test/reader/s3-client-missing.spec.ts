// Without @aws-sdk/client-s3 installed, reading s3:// fails with one clear ReaderError instead of a module error.
import { describe, expect, it, vi } from 'vitest';

describe('an s3:// source without @aws-sdk/client-s3', () => {
  it('says which package to install', async () => {
    vi.resetModules();
    vi.doMock('@aws-sdk/client-s3', () => {
      throw Object.assign(new Error("Cannot find package '@aws-sdk/client-s3'"), { code: 'ERR_MODULE_NOT_FOUND' });
    });
    const { readTrail } = await import('../../src/reader/read-trail.js');
    const read = async () => {
      for await (const record of readTrail('s3://audit-logs/')) return record;
      return undefined;
    };
    await expect(read()).rejects.toMatchObject({
      name: 'ReaderError',
      code: 'S3_CLIENT_MISSING',
      message: 'reading from S3 needs the @aws-sdk/client-s3 package: npm install @aws-sdk/client-s3',
    });
    vi.doUnmock('@aws-sdk/client-s3');
  });
});
