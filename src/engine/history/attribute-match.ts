// Whether a record has a value for one LookupEvents attribute, without building the attribute's value list: the test
// a lookup runs on each record while that attribute's index is still being built. Agrees with `attributeValues`.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import { resourceNameOf, usernameOf } from './lookup-attributes.js';

/** True when the record has `value` for one attribute. */
export type AttributeMatcher = (record: CloudTrailRecord, value: string) => boolean;

function insightDetail(record: CloudTrailRecord, key: 'eventName' | 'eventSource'): unknown {
  return record.insightDetails?.[key];
}

/** One matcher per lookup attribute, chosen once per lookup so the scan loop makes one monomorphic call a record. */
export const ATTRIBUTE_MATCHERS: Readonly<Record<string, AttributeMatcher>> = {
  EventId: (record, value) => record.eventID === value,
  EventName: (record, value) => (record.eventCategory === 'Insight' ? insightDetail(record, 'eventName') : record.eventName) === value,
  EventSource: (record, value) => (record.eventCategory === 'Insight' ? insightDetail(record, 'eventSource') : record.eventSource) === value,
  ReadOnly: (record, value) => (record.readOnly === true ? value === 'true' : record.readOnly === false && value === 'false'),
  AccessKeyId: (record, value) => record.userIdentity?.accessKeyId === value,
  Username: (record, value) => {
    const identity = record.userIdentity;
    if (identity == null) return false;
    // The common cases without building a string; role sessions (name after the ARN's last slash) through usernameOf.
    if (identity.type !== 'Root' && identity.userName) return identity.userName === value;
    return usernameOf(record) === value;
  },
  ResourceType: (record, value) => {
    const resources = record.resources;
    if (resources == null) return false;
    for (let i = 0; i < resources.length; i++) if (resources[i]?.type === value) return true;
    return false;
  },
  ResourceName: (record, value) => {
    const resources = record.resources;
    if (resources == null) return false;
    for (let i = 0; i < resources.length; i++) {
      const resource = resources[i];
      if (resource == null) continue;
      const arn = resource.ARN ?? resource.ARNPrefix;
      if (typeof arn !== 'string') continue;
      // A resource's name is a suffix of its ARN: only a matching suffix needs the name worked out.
      if (arn === value || (arn.endsWith(value) && resourceNameOf(resource) === value)) return true;
    }
    return false;
  },
};
