// CloudTrail's eventName for an SDK operation: usually the operation name, with a few services' own spellings.

/** Lambda logs most control-plane calls with the API version of its URL path, some with a `v2` suffix. */
const LAMBDA_V2 = new Set([
  'UpdateFunctionConfiguration', 'UpdateFunctionCode', 'GetFunction', 'GetFunctionConfiguration', 'AddPermission',
  'RemovePermission', 'GetPolicy', 'TagResource', 'UntagResource',
]);

/** Operations logged under another name. */
const RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  's3.amazonaws.com': { ListObjectsV2: 'ListObjects' },
};

/** Lambda operations CloudTrail logs without a version suffix (data events and newer APIs). */
const LAMBDA_UNVERSIONED = new Set(['Invoke', 'InvokeAsync', 'InvokeWithResponseStream']);

/**
 * @param requestPath the HTTP path the SDK sent, when known (Lambda's version comes from its first segment,
 *   e.g. `/2015-03-31/functions` → `20150331`).
 */
export function eventNameFor(eventSource: string, operation: string, requestPath: string | undefined): string {
  const renamed = RENAMES[eventSource]?.[operation];
  if (renamed) return renamed;
  if (eventSource === 'lambda.amazonaws.com' && !LAMBDA_UNVERSIONED.has(operation) && requestPath) {
    const match = /^\/(\d{4})-(\d{2})-(\d{2})\//.exec(requestPath);
    if (match) return `${operation}${match[1]}${match[2]}${match[3]}${LAMBDA_V2.has(operation) ? 'v2' : ''}`;
  }
  return operation;
}
