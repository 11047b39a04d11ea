// The localtrail HTTP server: CloudTrail's API (awsJson1.1) over an engine, and the event-history page, on loopback.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudTrailApi } from '../engine/cloudtrail-handler.js';
import { cloudTrailRequestHandler } from '../engine/cloudtrail-handler.js';
import type { TrailEngine } from '../engine/trail-engine.js';
import { malformedBody, operationOf, sendAwsJsonError } from './aws-json.js';
import { isAllowedHost, isLoopbackHost } from './host-check.js';
import type { PageInfo } from './page-info.js';
import { servePageAsset } from './page/assets.js';
import { LocalTrailConfigError } from '../vocabulary/config-error.js';

/**
 * Where `trail.listen()` serves CloudTrail's API and the event-history page.
 * @example
 * const server = await trail.listen({ port: 4566, host: '127.0.0.1' });
 */
export interface ListenOptions {
  /** TCP port; 0 (the default) picks a free one (read it from the resolved `url`). */
  port?: number;
  /**
   * Interface to bind. Default `127.0.0.1`: only this machine can reach the trail. Any other address exposes the
   * trail, unauthenticated, to whoever can reach it.
   */
  host?: string;
  /** Largest request body accepted, in bytes; a larger one gets HTTP 413. Default 1 MiB (CloudTrail requests are a few KB). */
  maxRequestBytes?: number;
}

/**
 * A running server.
 * @example
 * const { url, close } = await trail.listen();
 * const client = new CloudTrailClient({ endpoint: url, region: 'us-east-1' });
 * await close();
 */
export interface LocalTrailServer {
  /** e.g. `http://127.0.0.1:41234`: the AWS CLI's `--endpoint-url`, an SDK client's `endpoint`, the page in a browser. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, closes open ones and resolves when the port is free. */
  close(): Promise<void>;
}

/** What a server serves: an engine answering CloudTrail's API, and what the page says about it. */
export interface ServedEngine {
  engine: TrailEngine;
  /** What answers CloudTrail's API when not the engine itself: a LocalTrail, whose gate authorizes and records calls. */
  api?: CloudTrailApi;
  /** Facts for the event-history page (`GET /localtrail/info`). */
  info(): PageInfo;
  /** Only read operations (Get*, Describe*, List*, LookupEvents): a server over delivered files changes nothing. */
  readOnly?: boolean;
}

const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
const READ_OPERATIONS: ReadonlySet<string> = new Set([
  'GetTrail', 'DescribeTrails', 'ListTrails', 'GetTrailStatus', 'GetEventSelectors', 'GetInsightSelectors', 'ListTags',
  'LookupEvents', 'ListPublicKeys',
]);

/** An access key id that is a 12-digit account id selects that account: how a tool without real keys picks one. */
function accountFor(accessKeyId: string | undefined): string | undefined {
  return accessKeyId !== undefined && /^\d{12}$/.test(accessKeyId) ? accessKeyId : undefined;
}

/**
 * Serves `served` over HTTP until `close()`.
 * @example
 * const server = await startServer({ engine, info: () => info }, { port: 0 });
 * // aws cloudtrail describe-trails --endpoint-url ${server.url}
 * await server.close();
 */
export async function startServer(served: ServedEngine, options: ListenOptions = {}): Promise<LocalTrailServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new LocalTrailConfigError('listen.maxRequestBytes', `localtrail: maxRequestBytes must be a positive integer; got ${String(maxBytes)}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LocalTrailConfigError('listen.port', `localtrail: port must be 0 to 65535; got ${String(port)}`);
  // The in-process handler is the one code path for every CloudTrail operation; this server only moves bytes to it.
  const handler = cloudTrailRequestHandler(served.api ?? served.engine, { accountFor });
  const loopbackOnly = isLoopbackHost(host);

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendAwsJsonError(res, 500, 'InternalFailure', 'localtrail failed to serve the request.');
      else res.destroy();
    });
  });
  // A request the HTTP parser cannot read gets a 400 and its connection closed; the server goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Loopback servers answer only to loopback host names, so a web page cannot reach them by DNS rebinding.
    if (loopbackOnly && !isAllowedHost(req.headers.host)) {
      sendAwsJsonError(res, 403, 'AccessDeniedException', 'This localtrail server answers only to localhost / 127.0.0.1 / [::1].');
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path === '/localtrail/info') sendJson(res, served.info());
      else servePageAsset(path, req, res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, HEAD, POST', 'content-length': '0' }).end();
      return;
    }
    const target = req.headers['x-amz-target'];
    const operation = operationOf(Array.isArray(target) ? target[0] : target);
    if (operation === undefined) {
      req.resume();
      sendAwsJsonError(res, 400, 'UnknownOperationException', 'X-Amz-Target must name a CloudTrail operation: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Operation>.');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      tooLarge(req, res, maxBytes);
      return;
    }
    const body = await readLimited(req, maxBytes);
    if (body === undefined) {
      tooLarge(req, res, maxBytes);
      return;
    }
    const malformed = malformedBody(body);
    if (malformed !== undefined) {
      sendAwsJsonError(res, 400, 'SerializationException', malformed);
      return;
    }
    if (served.readOnly && !READ_OPERATIONS.has(operation)) {
      sendAwsJsonError(res, 400, 'UnsupportedOperationException', `${operation} is not available: this localtrail server serves delivered files and changes nothing.`);
      return;
    }
    const { response } = await handler.handle({
      method: 'POST',
      protocol: 'http:',
      hostname: (req.headers.host ?? '').replace(/:\d+$/, ''),
      path,
      query: {},
      headers: flatHeaders(req),
      body,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    const bytes = Buffer.concat(chunks);
    res.writeHead(response.statusCode, { ...response.headers, 'content-length': String(bytes.length) });
    res.end(bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length), 'cache-control': 'no-store' });
  res.end(body);
}

function tooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  // Connection: close, so the rest of an oversized body is never read; the client still gets the 413.
  req.pause();
  res.shouldKeepAlive = false;
  sendAwsJsonError(res, 413, 'RequestEntityTooLargeException', `The request body is larger than ${maxBytes} bytes.`);
}

/** The body, or undefined as soon as it exceeds `maxBytes` (reading stops there). */
function readLimited(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks, size));
      done = true;
    });
    req.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
