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
  const arn = resource.ARN ?? resource.ARNPrefix;
  if (arn === undefined) return undefined;
  let name = resourceNames.get(arn);
  if (name === undefined) {
    name = computeResourceName(arn);
    if (resourceNames.size >= 100_000) resourceNames.clear();
    resourceNames.set(arn, name);
  }
  return name;
}

function computeResourceName(arn: string): string {
  const parts = arn.split(':');
  if (parts.length < 6) return arn;
  const rest = parts.slice(5).join(':');
  if (parts[2] === 's3') return rest;
  const slash = rest.indexOf('/');
  return slash >= 0 ? rest.slice(slash + 1) : rest;
}

/**
 * Calls `each` with every value `record` has for the lookup attribute `key`: one for most, several for the resource
 * attributes (a resource's name and its ARN), none when the record lacks it or the key is not an attribute. The
 * history indexes records with it; allocation-free, as it runs once per record for each attribute queried.
 */
export function forEachAttributeValue(record: CloudTrailRecord, key: string, each: (value: string) => void): void {
  const insight = record.eventCategory === 'Insight';
  let value: string | undefined;
  switch (key) {
    case 'EventId':
      value = record.eventID;
      break;
    case 'EventName':
      value = insight ? insightDetail(record, 'eventName') : record.eventName;
      break;
    case 'EventSource':
      value = insight ? insightDetail(record, 'eventSource') : record.eventSource;
      break;
    case 'ReadOnly':
      if (record.readOnly !== undefined) value = record.readOnly ? 'true' : 'false';
      break;
    case 'Username':
      value = usernameOf(record);
      break;
    case 'AccessKeyId':
      value = record.userIdentity?.accessKeyId;
      break;
    case 'ResourceType':
    case 'ResourceName': {
      const resources = record.resources;
      if (resources === undefined) return;
      for (let i = 0; i < resources.length; i++) {
        const resource = resources[i]!;
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
  }
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
