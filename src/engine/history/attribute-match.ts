// Whether a record has a value for one LookupEvents attribute, without building the attribute's value list: the test
// a lookup runs on each record while that attribute's index is still being built. Agrees with `attributeValues`.
import type { CloudTrailRecord } from '../../event/record.js';
import { resourceNameOf, usernameOf } from './lookup-attributes.js';

function insightDetail(record: CloudTrailRecord, key: 'eventName' | 'eventSource'): unknown {
  return record.insightDetails?.[key];
}

/** True when `record` has `value` for the lookup attribute `key` (one of the eight LookupEvents keys). */
export function hasAttributeValue(record: CloudTrailRecord, key: string, value: string): boolean {
  switch (key) {
    case 'EventId':
      return record.eventID === value;
    case 'EventName':
      return (record.eventCategory === 'Insight' ? insightDetail(record, 'eventName') : record.eventName) === value;
    case 'EventSource':
      return (record.eventCategory === 'Insight' ? insightDetail(record, 'eventSource') : record.eventSource) === value;
    case 'ReadOnly':
      return record.readOnly === true ? value === 'true' : record.readOnly === false && value === 'false';
    case 'AccessKeyId':
      return record.userIdentity?.accessKeyId === value;
    case 'Username': {
      const identity = record.userIdentity;
      if (identity === undefined) return false;
      // The common cases without building a string; role sessions (name after the ARN's last slash) through usernameOf.
      if (identity.type !== 'Root' && identity.userName) return identity.userName === value;
      return usernameOf(record) === value;
    }
    case 'ResourceType': {
      const resources = record.resources;
      if (resources === undefined) return false;
      for (let i = 0; i < resources.length; i++) if (resources[i]!.type === value) return true;
      return false;
    }
    case 'ResourceName': {
      const resources = record.resources;
      if (resources === undefined) return false;
      for (let i = 0; i < resources.length; i++) {
        const resource = resources[i]!;
        const arn = resource.ARN ?? resource.ARNPrefix;
        if (arn === undefined) continue;
        // A resource's name is a suffix of its ARN: only a matching suffix needs the name worked out.
        if (arn === value || (arn.endsWith(value) && resourceNameOf(resource) === value)) return true;
      }
      return false;
    }
    default:
      return false;
  }
}
