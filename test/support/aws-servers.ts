// Local HTTP servers on 127.0.0.1 that speak AWS wire protocols, for real SDK clients in tests: awsJson1.1
// (CloudWatch Logs, EventBridge: `X-Amz-Target: <Service>.<Operation>`, JSON bodies) and the query protocol (SNS:
// form-encoded `Action=…`, XML answers). Each request is kept, as received.
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServerReply {
  status?: number;
  body?: unknown;
}

export interface ReceivedRequest {
  operation: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

export interface LocalAwsServer {
  endpoint: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Decides the answer to one request (by operation); throwing ends the connection (a network failure). */
export type Answer = (request: ReceivedRequest, nth: number) => ServerReply | Promise<ServerReply>;

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server): () => Promise<void> {
  return () => new Promise((resolve) => server.close(() => resolve()));
}

/** An awsJson1.1 error body as services send it. */
export function jsonFault(type: string, message: string, status = 400): ServerReply {
  return { status, body: { __type: type, message } };
}

/** A server for awsJson1.1 services. `answer` defaults to `{}`. */
export async function awsJsonServer(answer: Answer = () => ({ body: {} })): Promise<LocalAwsServer> {
  const requests: ReceivedRequest[] = [];
  let counter = 0;
  const server = createServer(async (req, res) => {
    const text = await readAll(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const request: ReceivedRequest = { operation: target.slice(target.lastIndexOf('.') + 1), body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: req.headers };
    requests.push(request);
    try {
      const reply = await answer(request, requests.length);
      const body = Buffer.from(JSON.stringify(reply.body ?? {}));
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${++counter}`, 'content-length': body.length });
      res.end(body);
    } catch {
      req.socket.destroy();
    }
  });
  return { endpoint: await listen(server), requests, close: closer(server) };
}

/** A server for query-protocol services (SNS): answers `<Action>Response` with `result` XML inside. */
export async function queryServer(answer: (request: ReceivedRequest, nth: number) => { status?: number; xml?: string; code?: string } | Promise<{ status?: number; xml?: string; code?: string }> = () => ({})): Promise<LocalAwsServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const params = Object.fromEntries(new URLSearchParams(await readAll(req)));
    const request: ReceivedRequest = { operation: params['Action'] ?? '', body: params, headers: req.headers };
    requests.push(request);
    const reply = await answer(request, requests.length);
    const action = request.operation;
    const xml =
      reply.code !== undefined
        ? `<ErrorResponse><Error><Type>Sender</Type><Code>${reply.code}</Code><Message>${reply.code}</Message></Error><RequestId>err-1</RequestId></ErrorResponse>`
        : `<${action}Response xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><${action}Result>${reply.xml ?? ''}</${action}Result><ResponseMetadata><RequestId>req-${requests.length}</RequestId></ResponseMetadata></${action}Response>`;
    const body = Buffer.from(xml);
    res.writeHead(reply.status ?? (reply.code !== undefined ? 400 : 200), { 'content-type': 'text/xml', 'content-length': body.length });
    res.end(body);
  });
  return { endpoint: await listen(server), requests, close: closer(server) };
}
