// errorCode / errorMessage / requestID from whatever an SDK call threw: service, throttling, network, credential errors.

export interface ErrorFacts {
  code: string;
  message?: string;
  requestId?: string;
}

/** Reads an error without touching `$response` (it holds the live body) and without ever throwing. */
export function errorFacts(error: unknown, signingName: string): ErrorFacts {
  if (error === null || typeof error !== 'object') return { code: 'UnknownError', message: safeString(error) };
  const e = error as Record<string, unknown>;
  const name = typeof e['name'] === 'string' ? e['name'] : '';
  const wireCode = typeof e['Code'] === 'string' ? e['Code'] : undefined;
  const nodeCode = typeof e['code'] === 'string' ? e['code'] : undefined;
  let code: string;
  if (signingName === 'ec2' && (wireCode || name) && e['$fault']) {
    // EC2 writes the fault side in front of the code: Client.InvalidInstanceID.NotFound.
    code = `${e['$fault'] === 'server' ? 'Server' : 'Client'}.${wireCode ?? name}`;
  } else if (name && name !== 'Error') {
    code = name;
  } else {
    code = wireCode ?? nodeCode ?? 'UnknownError';
  }
  const metadata = e['$metadata'] as { requestId?: unknown } | undefined;
  const requestId = typeof metadata?.requestId === 'string' ? metadata.requestId : typeof e['RequestId'] === 'string' ? e['RequestId'] : undefined;
  const facts: ErrorFacts = { code };
  const message = safeString(e['message']);
  if (message) facts.message = message;
  if (requestId) facts.requestId = requestId;
  return facts;
}

function safeString(value: unknown): string | undefined {
  try {
    return value === undefined || value === null ? undefined : String(value);
  } catch {
    return undefined;
  }
}
