// What a record's classification depends on only through the service and operation: computed once, then cached.
import { dataEventType } from '../catalog/data-events.js';
import { eventNameFor } from '../catalog/event-names.js';
import { isReadOnly } from '../catalog/read-only.js';
import { eventSourceFor, GLOBAL_SERVICE_REGION, isGlobalService } from '../catalog/services.js';

export interface OperationFacts {
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  /** resources.type of a data event; undefined for management events. */
  dataType: string | undefined;
  /** us-east-1 for global services; undefined when the call's own region applies. */
  fixedRegion: string | undefined;
  isS3: boolean;
  isSts: boolean;
}

const cache = new Map<string, OperationFacts>();
/** The last answer: calls come in runs of one operation, and these strings are usually the SDK's own constants. */
let last: { signingName: string; operation: string; variant: string; facts: OperationFacts } | undefined;

/**
 * Facts for `operation` of the service signed as `signingName`. Only STS (global vs regional endpoint, by host) and
 * Lambda (API version, by path) look at the request; everything else is keyed by service and operation alone.
 */
export function operationFacts(signingName: string, operation: string, host: string | undefined, path: string | undefined): OperationFacts {
  const variant = signingName === 'sts' ? (host === 'sts.amazonaws.com' ? 'global' : '') : signingName === 'lambda' ? (path?.slice(0, 12) ?? '') : '';
  if (last !== undefined && last.operation === operation && last.signingName === signingName && last.variant === variant) return last.facts;
  const key = `${signingName}\u0000${operation}\u0000${variant}`;
  let facts = cache.get(key);
  if (facts === undefined) {
    const eventSource = eventSourceFor(signingName);
    const global = isGlobalService(signingName) || variant === 'global';
    facts = {
      eventSource,
      eventName: eventNameFor(eventSource, operation, path),
      readOnly: isReadOnly(eventSource, operation),
      dataType: dataEventType(eventSource, operation),
      fixedRegion: global ? GLOBAL_SERVICE_REGION : undefined,
      isS3: eventSource === 's3.amazonaws.com',
      isSts: signingName === 'sts',
    };
    if (cache.size > 5000) cache.clear();
    cache.set(key, facts);
  }
  last = { signingName, operation, variant, facts };
  return facts;
}
