// The eight LookupEvents attributes (facts §9) as read from a record, and the Event shape LookupEvents returns.
import type { Event, LookupAttributeKey, Resource } from '../control-plane-shapes.js';
import type { CloudTrailRecord, CloudTrailResource } from '../../event/record.js';

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

/** Every value a record has for one lookup attribute (several for the resource attributes). */
export function attributeValues(record: CloudTrailRecord, key: string): string[] {
  const insight = record.eventCategory === 'Insight';
  switch (key) {
    case 'EventId':
      return [record.eventID];
    case 'EventName': {
      const v = insight ? insightDetail(record, 'eventName') : record.eventName;
      return v === undefined ? [] : [v];
    }
    case 'EventSource': {
      const v = insight ? insightDetail(record, 'eventSource') : record.eventSource;
      return v === undefined ? [] : [v];
    }
    case 'ReadOnly':
      return record.readOnly === undefined ? [] : [record.readOnly ? 'true' : 'false'];
    case 'Username': {
      const v = usernameOf(record);
      return v === undefined ? [] : [v];
    }
    case 'AccessKeyId': {
      const v = record.userIdentity?.accessKeyId;
      return v ? [v] : [];
    }
    case 'ResourceType':
      return unique((record.resources ?? []).map((r) => r.type));
    case 'ResourceName': {
      const values: string[] = [];
      for (const r of record.resources ?? []) {
        const name = resourceNameOf(r);
        if (name !== undefined) values.push(name);
        const arn = r.ARN ?? r.ARNPrefix;
        if (arn !== undefined) values.push(arn);
      }
      return unique(values);
    }
    default:
      return [];
  }
}

function unique(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)];
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
