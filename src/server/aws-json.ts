// awsJson1.1 at the HTTP edge: the target prefix CloudTrail answers to, and the errors a request can get before dispatch.
import type { ServerResponse } from 'node:http';

/**
 * CloudTrail's awsJson target prefixes: the AWS CLI (botocore) sends the service's full Smithy name,
 * `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Operation>`; the JavaScript SDK v3 the short one,
 * `CloudTrail_20131101.<Operation>`.
 */
export const CLOUDTRAIL_TARGET_PREFIXES = ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.', 'CloudTrail_20131101.'] as const;

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** The operation named by an `X-Amz-Target` header, or undefined when the header is not CloudTrail's. */
export function operationOf(target: string | undefined): string | undefined {
  const prefix = target === undefined ? undefined : CLOUDTRAIL_TARGET_PREFIXES.find((p) => target.startsWith(p));
  if (prefix === undefined) return undefined;
  const name = target!.slice(prefix.length);
  return /^[A-Za-z]{1,64}$/.test(name) ? name : undefined;
}

/**
 * Checks that a request body is what awsJson allows: empty, or one JSON object. Returns the reason when it is not,
 * in the words AWS's JSON services use for a body they cannot read.
 */
export function malformedBody(body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'The request body is not valid JSON.';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'Start of structure or map found where not expected: the request body must be a JSON object.';
  return undefined;
}

let errorCounter = 0;

/**
 * Writes an awsJson error: `{"__type": name, "message": …}` with the request id header the SDKs read. The SDKs and
 * the AWS CLI turn `__type` into the exception name (`An error occurred (<name>) …`).
 */
export function sendAwsJsonError(res: ServerResponse, status: number, name: string, message: string): void {
  const body = Buffer.from(JSON.stringify({ __type: name, message }), 'utf8');
  const requestId = `localtrail-edge-${(++errorCounter).toString(16).padStart(8, '0')}`;
  res.writeHead(status, {
    'content-type': AWS_JSON_CONTENT_TYPE,
    'content-length': String(body.length),
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}
