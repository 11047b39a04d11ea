// Parts many records hold in common, shared instead of repeated. The in-memory ring keeps up to maxEvents records
// alive, so every object a record owns is copied by the young-generation collector and marked by the old one; an
// object shared by thousands of records is paid for once. Shared parts are frozen: a change through one record
// must not show in another.
import type { CloudTrailRecord, CloudTrailResource } from '../vocabulary/record.js';

type TlsDetails = NonNullable<CloudTrailRecord['tlsDetails']>;

/** Distinct values kept per table; past it the table starts over (hosts, agents and ARNs are few in practice). */
const TABLE_LIMIT = 1000;

/**
 * A bounded key → value table that remembers the last hit: calls come in runs of the same client and operation, and
 * comparing with the last key (often the very same string) is cheaper than hashing a fresh string for the Map.
 */
class SharedTable<T> {
  private readonly values = new Map<string, T>();
  private lastKey: string | undefined;
  private lastValue: T | undefined;

  get(key: string): T | undefined {
    if (key === this.lastKey) return this.lastValue;
    const value = this.values.get(key);
    if (value !== undefined) {
      this.lastKey = key;
      this.lastValue = value;
    }
    return value;
  }

  set(key: string, value: T): T {
    if (this.values.size >= TABLE_LIMIT) this.values.clear();
    this.values.set(key, value);
    this.lastKey = key;
    this.lastValue = value;
    return value;
  }
}

const userAgents = new SharedTable<string>();
const bracketedAgents = new SharedTable<string>();
const tlsDetails = new SharedTable<TlsDetails>();
const resourceLists = new SharedTable<readonly CloudTrailResource[]>();

/** The SDK builds its user-agent header anew for every request; equal headers become one string. */
export function sharedUserAgent(userAgent: string): string {
  return userAgents.get(userAgent) ?? userAgents.set(userAgent, userAgent);
}

/** The same in brackets, as S3 records write it: one string per distinct header too. */
export function sharedBracketedUserAgent(userAgent: string): string {
  return bracketedAgents.get(userAgent) ?? bracketedAgents.set(userAgent, `[${userAgent}]`);
}

/** One frozen `tlsDetails` per host. */
export function sharedTlsDetails(host: string): TlsDetails {
  return tlsDetails.get(host) ?? tlsDetails.set(host, Object.freeze({ clientProvidedHostHeader: host }));
}

/** One frozen `resources[]` per distinct list (the same table or bucket, called again and again). */
export function sharedResources(resources: CloudTrailResource[]): CloudTrailResource[] {
  // Nearly every list has one resource: its ARN is the key, no new string needed; the comparison settles the rest.
  const key = resources.length === 1 ? (resources[0]!.ARN ?? resources[0]!.ARNPrefix ?? '') : listKey(resources);
  let shared = resourceLists.get(key);
  if (shared === undefined || !sameResources(shared, resources)) {
    shared = resourceLists.set(key, Object.freeze(resources.map((r) => Object.freeze(r))));
  }
  // Frozen at run time; typed as the record's mutable array so records stay one plain type.
  return shared as CloudTrailResource[];
}

function listKey(resources: readonly CloudTrailResource[]): string {
  let key = '';
  for (const r of resources) key += `${r.type}\n${r.ARN ?? ''}\n${r.ARNPrefix ?? ''}\n`;
  return key;
}

function sameResources(a: readonly CloudTrailResource[], b: readonly CloudTrailResource[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type || x.accountId !== y.accountId || x.ARN !== y.ARN || x.ARNPrefix !== y.ARNPrefix) return false;
  }
  return true;
}
