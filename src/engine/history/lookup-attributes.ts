// The eight LookupEvents attributes (cloudtrail-facts §9) as read from a record, and the Event shape LookupEvents returns.
import type { Event, LookupAttributeKey, Resource } from '../control-plane-shapes.js';
import type { CloudTrailRecord, CloudTrailResource } from '../../vocabulary/record.js';

export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const satisfies readonly LookupAttributeKey[];

/** Keys LookupEvents accepts with `EventCategory: 'insight'`. */
export const INSIGHT_LOOKUP_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set(['EventId', 'EventName', 'EventSource']);

function insightDetail(record: CloudTrailRecord, key: 'eventName' | 'eventSource'): string | undefined {
  const value = record.insightDetails?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** `Username` as event history shows it: the IAM user name, `root`, or the role session / federated user name. */
export function usernameOf(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  if (!identity) return undefined;
  if (identity.type === 'Root') return 'root';
  if (identity.userName) return identity.userName;
  const arn = identity.arn;
  if ((identity.type === 'AssumedRole' || identity.type === 'FederatedUser') && arn) return arn.slice(arn.lastIndexOf('/') + 1);
  return undefined;
}

const resourceNames = new Map<string, string>();

/** `ResourceName`: the resource part of the ARN after its type (`arn:aws:s3:::bucket` → `bucket`, `…:user/alice` → `alice`). */
export function resourceNameOf(resource: CloudTrailResource): string | undefined {
  const arn: unknown = resource.ARN ?? resource.ARNPrefix;
  if (typeof arn !== 'string') return undefined;
  let name = resourceNames.get(arn);
  if (name === undefined) {
    name = computeResourceName(arn);
    if (resourceNames.size >= 100_000) resourceNames.clear();
    resourceNames.set(arn, name);
  }
  return name;
}

function computeResourceName(arn: string): string {
  return arn.slice(resourceNameStart(arn));
}

/**
 * Where the resource name begins in an ARN: after the resource type (`…:user/alice` → `alice`), the whole resource part
 * for S3 (`arn:aws:s3:::bucket/key` → `bucket/key`), the whole string when it is not an ARN (fewer than six parts).
 * Allocation-free: the history takes a name's signature on the recording path from it.
 */
export function resourceNameStart(arn: string): number {
  const c1 = arn.indexOf(':');
  const c2 = c1 < 0 ? -1 : arn.indexOf(':', c1 + 1);
  const c3 = c2 < 0 ? -1 : arn.indexOf(':', c2 + 1);
  const c4 = c3 < 0 ? -1 : arn.indexOf(':', c3 + 1);
  const c5 = c4 < 0 ? -1 : arn.indexOf(':', c4 + 1);
  if (c5 < 0) return 0;
  // The service (third part) is `s3`.
  if (c3 - c2 === 3 && arn.charCodeAt(c2 + 1) === 115 && arn.charCodeAt(c2 + 2) === 51) return c5 + 1;
  const slash = arn.indexOf('/', c5 + 1);
  return slash >= 0 ? slash + 1 : c5 + 1;
}

/**
 * The value `record` has for a lookup attribute with one value a record (all but the resource attributes), or
 * undefined when the record lacks it or the key is another. Allocation-free.
 */
export function attributeValue(record: CloudTrailRecord, key: string): string | undefined {
  switch (key) {
    case 'EventId':
      return record.eventID;
    case 'EventName':
      return record.eventCategory === 'Insight' ? insightDetail(record, 'eventName') : record.eventName;
    case 'EventSource':
      return record.eventCategory === 'Insight' ? insightDetail(record, 'eventSource') : record.eventSource;
    case 'ReadOnly':
      // Booleans only, as the scan's matcher reads it.
      return record.readOnly === true ? 'true' : record.readOnly === false ? 'false' : undefined;
    case 'Username':
      return usernameOf(record);
    case 'AccessKeyId':
      return record.userIdentity?.accessKeyId;
    default:
      return undefined;
  }
}

/**
 * Calls `each` with every value `record` has for the lookup attribute `key`: one for most, several for the resource
 * attributes (a resource's name and its ARN), none when the record lacks it or the key is not an attribute.
 * The history's index reads the same values (`attributeValue`, and resources as here).
 */
export function forEachAttributeValue(record: CloudTrailRecord, key: string, each: (value: string) => void): void {
  if (key === 'ResourceType' || key === 'ResourceName') {
    const resources = record.resources;
    if (resources == null) return;
    for (let i = 0; i < resources.length; i++) {
      const resource = resources[i];
      if (resource == null) continue;
      if (key === 'ResourceType') each(resource.type);
      else {
        const name = resourceNameOf(resource);
        if (name !== undefined) each(name);
        const arn = resource.ARN ?? resource.ARNPrefix;
        if (arn !== undefined) each(arn);
      }
    }
    return;
  }
  const value = attributeValue(record, key);
  if (value !== undefined) each(value);
}

/** Every value a record has for one lookup attribute, each once (see {@link forEachAttributeValue}). */
export function attributeValues(record: CloudTrailRecord, key: string): string[] {
  const values: string[] = [];
  forEachAttributeValue(record, key, (value) => {
    if (value !== '' && !values.includes(value)) values.push(value);
  });
  return values;
}

/** The `Event` LookupEvents returns for a record; `json` is the record as a JSON string. */
export function toLookupEvent(record: CloudTrailRecord, timeMs: number, json: string): Event {
  const insight = record.eventCategory === 'Insight';
  const event: Event = {
    EventId: record.eventID,
    EventName: insight ? insightDetail(record, 'eventName') : record.eventName,
    EventTime: new Date(timeMs),
    EventSource: insight ? insightDetail(record, 'eventSource') : record.eventSource,
    CloudTrailEvent: json,
  };
  if (record.readOnly !== undefined) event.ReadOnly = record.readOnly ? 'true' : 'false';
  const accessKeyId = record.userIdentity?.accessKeyId;
  if (accessKeyId) event.AccessKeyId = accessKeyId;
  const username = usernameOf(record);
  if (username !== undefined) event.Username = username;
  const resources: Resource[] = [];
  for (const r of record.resources ?? []) resources.push({ ResourceType: r.type, ResourceName: resourceNameOf(r) });
  event.Resources = resources;
  return event;
}
