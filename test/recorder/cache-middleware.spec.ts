// `cacheMiddleware: true` makes the SDK reuse one resolved handler, and with it one handler context, for every call
// of a command class: concurrent calls share that context. Records must still not mix their calls up.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { LocalTrail } from '../../src/index.js';
import {
  createLocalTrail,
  localTrailMiddleware,
  localTrailMiddlewareOptions,
  localTrailRequestMiddleware,
  localTrailRequestMiddlewareOptions,
} from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

/** Each reply waits a different time, so concurrent calls overtake each other; the request id names the body size. */
function s3WithCachedMiddleware() {
  const handler = stubHandler(async (request, attempt) => {
    await new Promise((r) => setTimeout(r, (attempt * 7) % 13));
    return { headers: { 'x-amz-request-id': `req-${request.headers['content-length']}` } };
  });
  return { handler, s3: new S3Client({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: handler, cacheMiddleware: true }) };
}

const put = (i: number) => new PutObjectCommand({ Bucket: `bucket-${i}`, Key: 'k', Body: 'x'.repeat(i + 1) });
const sizeOf = (e: { additionalEventData?: unknown }) => (e.additionalEventData as { bytesTransferredIn: number }).bytesTransferredIn;

describe('a client with cacheMiddleware: true', () => {
  it('plugin(): sequential calls each get their own request', async () => {
    const trail = createLocalTrail();
    const { handler, s3 } = s3WithCachedMiddleware();
    s3.middlewareStack.use(trail.plugin());
    for (let i = 0; i < 5; i++) await s3.send(put(i));
    const events = trail.events();
    expect(events).toHaveLength(5);
    events.forEach((e, i) => {
      expect(e.tlsDetails?.clientProvidedHostHeader).toBe(`bucket-${i}.s3.eu-west-1.amazonaws.com`);
      expect(e.tlsDetails?.clientProvidedHostHeader).toBe(handler.requests[i]!.headers['host']);
      expect(sizeOf(e)).toBe(i + 1);
    });
  });

  it('plugin(): concurrent calls are each recorded once with their own input and response', async () => {
    const trail = createLocalTrail();
    const { s3 } = s3WithCachedMiddleware();
    s3.middlewareStack.use(trail.plugin());
    await Promise.all(Array.from({ length: 30 }, (_, i) => s3.send(put(i))));
    const events = trail.events();
    expect(new Set(events.map((e) => (e.requestParameters as { bucketName: string }).bucketName)).size).toBe(30);
    expect(new Set(events.map((e) => e.requestID)).size).toBe(30);
  });

  it.each([
    ['plugin()', (s3: S3Client, trail: LocalTrail) => s3.middlewareStack.use(trail.plugin())],
    [
      'the middleware entry with the request middleware',
      (s3: S3Client, trail: LocalTrail) => {
        s3.middlewareStack.add(localTrailMiddleware(trail, { withRequestMiddleware: true }), localTrailMiddlewareOptions);
        s3.middlewareStack.add(localTrailRequestMiddleware(), localTrailRequestMiddlewareOptions);
      },
    ],
  ])('%s: concurrent calls get the request each really sent (host, size, request id)', async (_, addTo) => {
    const trail = createLocalTrail();
    const { handler, s3 } = s3WithCachedMiddleware();
    addTo(s3, trail);
    const n = 60;
    await Promise.all(
      Array.from({ length: n }, (_, i) => s3.send(put(i))),
    );
    // The SDK itself shares its resolved endpoint between such calls (they can all go to one bucket's host), so the
    // record must show the request as sent, not as the input would suggest.
    const sentBySize = new Map(handler.requests.map((r) => [Number(r.headers['content-length']), r]));
    const events = trail.events();
    expect(events).toHaveLength(n);
    for (const e of events) {
      const size = sizeOf(e);
      const sent = sentBySize.get(size)!;
      expect(sent).toBeDefined();
      expect(e.requestID).toBe(`req-${size}`);
      expect(e.tlsDetails?.clientProvidedHostHeader).toBe(sent.headers['host']);
      expect(e.userAgent).toBe(`[${sent.headers['user-agent']}]`);
    }
    expect(new Set(events.map(sizeOf)).size).toBe(n);
  });
});
