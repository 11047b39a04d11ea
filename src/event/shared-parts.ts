// Parts many records hold in common, shared instead of repeated. The in-memory ring keeps up to maxEvents records
// alive, so every object a record owns is copied by the young-generation collector and marked by the old one; an
// object shared by thousands of records is paid for once. Shared parts are frozen: a change through one record
// must not show in another.
import type { CloudTrailRecord, CloudTrailResource } from './record.js';

type TlsDetails = NonNullable<CloudTrailRecord['tlsDetails']>;

/** Distinct values kept per table; past it the table starts over (hosts, agents and ARNs are few in practice). */
const TABLE_LIMIT = 1000;

class SharedTable<T> {
  private readonly values = new Map<string, T>();

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  set(key: string, value: T): T {
    if (this.values.size >= TABLE_LIMIT) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}

const userAgents = new SharedTable<string>();
const tlsDetails = new SharedTable<TlsDetails>();
const resourceLists = new SharedTable<readonly CloudTrailResource[]>();

/** The SDK builds its user-agent header anew for every request; equal headers become one string. */
export function sharedUserAgent(userAgent: string): string {
  return userAgents.get(userAgent) ?? userAgents.set(userAgent, userAgent);
}

/** One frozen `tlsDetails` per host. */
export function sharedTlsDetails(host: string): TlsDetails {
  return tlsDetails.get(host) ?? tlsDetails.set(host, Object.freeze({ clientProvidedHostHeader: host }));
}

/** One frozen `resources[]` per distinct list (the same table or bucket, called again and again). */
export function sharedResources(resources: CloudTrailResource[]): CloudTrailResource[] {
  let key = '';
  for (const r of resources) key += `${r.type}\n${r.accountId ?? ''}\n${r.ARN ?? ''}\n${r.ARNPrefix ?? ''}\n`;
  const shared = resourceLists.get(key) ?? resourceLists.set(key, Object.freeze(resources.map((r) => Object.freeze(r))));
  // Frozen at run time; typed as the record's mutable array so records stay one plain type.
  return shared as CloudTrailResource[];
}
