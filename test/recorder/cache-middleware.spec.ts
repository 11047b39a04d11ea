// `cacheMiddleware: true` makes the SDK reuse one resolved handler, and with it one handler context, for every call
// of a command class: concurrent calls share that context. Records must still not mix their calls up.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

describe('a client with cacheMiddleware: true', () => {
  it('gives each concurrent call the request it really sent (host, size, request id)', async () => {
    const trail = createLocalTrail();
    // Each reply waits a different time, so calls overtake each other between the request and the response. The
    // request id names the body size, which is unique per call.
    const handler = stubHandler(async (request, attempt) => {
      await new Promise((r) => setTimeout(r, (attempt * 7) % 13));
      return { headers: { 'x-amz-request-id': `req-${request.headers['content-length']}` } };
    });
    const s3 = new S3Client({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: handler, cacheMiddleware: true });
    s3.middlewareStack.use(trail.plugin());
    const n = 60;
    await Promise.all(
      Array.from({ length: n }, (_, i) => s3.send(new PutObjectCommand({ Bucket: `bucket-${i}`, Key: 'k', Body: 'x'.repeat(i + 1) }))),
    );
    // The SDK itself shares its resolved endpoint between such calls (they can all go to one bucket's host), so the
    // record must show the request as sent, not as the input would suggest.
    const sentBySize = new Map(handler.requests.map((r) => [Number(r.headers['content-length']), r]));
    const events = trail.events();
    expect(events).toHaveLength(n);
    for (const e of events) {
      const size = (e.additionalEventData as { bytesTransferredIn: number }).bytesTransferredIn;
      const sent = sentBySize.get(size)!;
      expect(sent).toBeDefined();
      expect(e.requestID).toBe(`req-${size}`);
      expect(e.tlsDetails?.clientProvidedHostHeader).toBe(sent.headers['host']);
      expect(e.userAgent).toBe(`[${sent.headers['user-agent']}]`);
    }
    expect(new Set(events.map((e) => (e.additionalEventData as { bytesTransferredIn: number }).bytesTransferredIn)).size).toBe(n);
  });
});
