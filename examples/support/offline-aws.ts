// A request handler that answers like AWS without a network: enough for the demo's calls to succeed or fail for real
// inside the SDK (serialisation, signing, retries and parsing all run).
import { HttpResponse } from '@smithy/protocol-http';
import type { HttpRequest } from '@smithy/protocol-http';
import { Readable } from 'node:stream';

let counter = 0;

function reply(status: number, headers: Record<string, string>, body: string): { response: HttpResponse } {
  const bytes = Buffer.from(body);
  const requestId = `demo-${(++counter).toString().padStart(4, '0')}`;
  return {
    response: new HttpResponse({
      statusCode: status,
      headers: { 'x-amzn-requestid': requestId, 'x-amz-request-id': requestId, 'content-length': String(bytes.length), ...headers },
      body: Readable.from([bytes]),
    }),
  };
}

function bodyText(request: HttpRequest): string {
  const body = request.body as unknown;
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return typeof body === 'string' ? body : '';
}

/** Answers S3, JSON-protocol (DynamoDB, Secrets Manager …) and query-protocol (IAM, STS …) calls. */
export const offlineAws = {
  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const target = request.headers['x-amz-target'];
    if (target) {
      // JSON protocols: a missing table is the one failure the demo shows.
      const input = JSON.parse(bodyText(request) || '{}') as { TableName?: string; Name?: string };
      if (input.TableName === 'missing-table') {
        return reply(400, { 'content-type': 'application/x-amz-json-1.0' }, JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' }));
      }
      const name = input.Name ?? 'demo';
      return reply(200, { 'content-type': 'application/x-amz-json-1.1' }, JSON.stringify({ ARN: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}-AbCdEf`, Name: name }));
    }
    const action = /(?:^|&)Action=([A-Za-z]+)/.exec(bodyText(request))?.[1];
    if (action) {
      const result = action === 'GetCallerIdentity' ? '<Arn>arn:aws:iam::111122223333:user/alice</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account>' : '';
      return reply(200, { 'content-type': 'text/xml' }, `<${action}Response><${action}Result>${result}</${action}Result></${action}Response>`);
    }
    // S3: empty success, or a small object for GETs of a key.
    const isGetObject = request.method === 'GET' && request.path.split('/').filter(Boolean).length > 1;
    return isGetObject ? reply(200, { 'content-type': 'text/plain' }, 'hello from the demo') : reply(200, {}, '');
  },
};
