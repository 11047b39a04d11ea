// An HTTP-level stub for SDK clients: the real middleware stack (serialise, sign, retry, parse) runs; only the wire is fake.
import { HttpResponse } from '@smithy/protocol-http';
import { Readable } from 'node:stream';
import type { HttpRequest } from '@smithy/protocol-http';

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Decides the reply for a request; may throw to simulate a network failure. */
export type StubResponder = (request: HttpRequest, attempt: number) => StubReply | Promise<StubReply>;

export interface StubHandler {
  handle(request: HttpRequest): Promise<{ response: HttpResponse }>;
  /** Every request the SDK sent, in order, as signed. */
  readonly requests: HttpRequest[];
}

/** A request handler that answers through `respond` and keeps every request it saw. */
export function stubHandler(respond: StubResponder = () => ({})): StubHandler {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async handle(request) {
      requests.push(request);
      const reply = await respond(request, requests.length);
      const body = Buffer.from(typeof reply.body === 'string' ? Buffer.from(reply.body) : (reply.body ?? new Uint8Array()));
      const given = reply.headers ?? {};
      // One request-id header, as a service sends: S3 uses x-amz-request-id, the others x-amzn-requestid.
      const idHeader: Record<string, string> = 'x-amz-request-id' in given || 'x-amzn-requestid' in given ? {} : { 'x-amzn-requestid': 'req-0001', 'x-amz-request-id': 'req-0001' };
      return {
        response: new HttpResponse({
          statusCode: reply.status ?? 200,
          headers: { ...idHeader, 'content-length': String(body.length), ...given },
          // A stream, as the Node handler gives: streaming outputs (GetObject) require one.
          body: Readable.from([body]),
        }),
      };
    },
  };
}

/** A JSON (awsJson1.0/1.1) error reply. */
export function jsonError(type: string, message: string, status = 400): StubReply {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'err-req-1' },
    body: JSON.stringify({ __type: type, message }),
  };
}

/** A query-protocol (IAM/STS/SNS/EC2-like) XML error reply. */
export function xmlError(code: string, message: string, status = 400): StubReply {
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'err-req-2' },
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>err-req-2</RequestId></ErrorResponse>`,
  };
}

/** An Error shaped like Node's for a refused connection. */
export function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
}
