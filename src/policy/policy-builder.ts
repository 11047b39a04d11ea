// Collects the permissions recorded calls needed and writes them as a least-privilege policy: one statement per
// set of resources shared by its actions, wildcards only where the records give no resource.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { permissionsFor } from './action-table.js';
import { iamGlobMatches } from './iam-glob.js';
import type { PolicyDocument, PolicyStatement } from './policy-document.js';

/**
 * Calls of one eventName.
 * @example
 * for (const { eventSource, eventName, calls } of generatePolicy(trail).unmapped) console.warn(eventSource, eventName, calls);
 */
export interface CallCount {
  eventSource: string;
  eventName: string;
  calls: number;
}

/**
 * One action on one resource, and how many calls needed it.
 * @example
 * for (const p of generatePolicy(trail).permissions) console.log(p.action, p.resource, p.calls);
 */
export interface NeededPermission {
  action: string;
  resource: string;
  calls: number;
}

/**
 * What the generator found.
 * @example
 * const { policy, permissions, unmapped } = generatePolicy(trail);
 */
export interface GeneratedPolicy {
  policy: PolicyDocument;
  /** Every action × resource the calls needed, before grouping and wildcards (what `checkPolicy` tests). */
  permissions: NeededPermission[];
  /** Calls the curated mapping does not cover: not in the policy, listed here instead of being dropped. */
  unmapped: CallCount[];
  /** Actions granted on `*` although they support resource-level permissions: the records named no resource. */
  unresolved: Array<{ action: string; calls: number }>;
  /** Calls that need no permission (STS GetCallerIdentity …). */
  noPermissionNeeded: CallCount[];
  /** API calls looked at (service events and Insights records are not calls of the principal). */
  calls: number;
}

/** More distinct S3 objects than this for one action in one bucket are written as a key-prefix wildcard. */
const MAX_OBJECTS_PER_BUCKET = 5;

/**
 * Builds the least-privilege IAM policy record by record, for reads too large to hold (the CLI streams into it).
 * @example
 * const builder = new PolicyBuilder();
 * for (const record of trail.events()) builder.add(record);
 * console.log(JSON.stringify(builder.build().policy, null, 2));
 */
export class PolicyBuilder {
  private readonly needed = new Map<string, Map<string, number>>();
  private readonly unmapped = new Map<string, CallCount>();
  private readonly none = new Map<string, CallCount>();
  private readonly unresolved = new Map<string, number>();
  private calls = 0;

  add(record: CloudTrailRecord): void {
    // Only API calls by a principal need its permissions: not service events, Insights or calls AWS made itself.
    if (record.eventType !== 'AwsApiCall' || record.userIdentity?.type === 'AWSService') return;
    this.calls++;
    const result = permissionsFor(record);
    if (result.kind !== 'mapped') {
      const map = result.kind === 'none' ? this.none : this.unmapped;
      const key = `${record.eventSource}\n${record.eventName}`;
      const count = map.get(key) ?? { eventSource: record.eventSource ?? '', eventName: record.eventName ?? '', calls: 0 };
      count.calls++;
      map.set(key, count);
      return;
    }
    for (const p of result.permissions) {
      let resources = this.needed.get(p.action);
      if (!resources) this.needed.set(p.action, (resources = new Map()));
      for (const r of p.resources) resources.set(r, (resources.get(r) ?? 0) + 1);
      if (!p.resolved) this.unresolved.set(p.action, (this.unresolved.get(p.action) ?? 0) + 1);
    }
  }

  build(): GeneratedPolicy {
    const permissions: NeededPermission[] = [];
    const byResources = new Map<string, { actions: string[]; resources: string[] }>();
    for (const [action, resources] of [...this.needed].sort(([a], [b]) => compare(a, b))) {
      for (const [resource, calls] of resources) permissions.push({ action, resource, calls });
      const granted = grantedResources(action, [...resources.keys()]);
      const key = granted.join('\n');
      const group = byResources.get(key);
      if (group) group.actions.push(action);
      else byResources.set(key, { actions: [action], resources: granted });
    }
    const statements: PolicyStatement[] = [...byResources.values()].map((g) => ({
      Effect: 'Allow',
      Action: single(g.actions),
      Resource: single(g.resources),
    }));
    const counts = (map: Map<string, CallCount>): CallCount[] =>
      [...map.values()].sort((a, b) => compare(a.eventSource, b.eventSource) || compare(a.eventName, b.eventName));
    return {
      policy: { Version: '2012-10-17', Statement: statements },
      permissions,
      unmapped: counts(this.unmapped),
      unresolved: [...this.unresolved].sort(([a], [b]) => compare(a, b)).map(([action, calls]) => ({ action, calls })),
      noPermissionNeeded: counts(this.none),
      calls: this.calls,
    };
  }
}

/** The Resource list of one action: `*` alone if needed anywhere, many S3 objects as a prefix, nothing covered twice. */
function grantedResources(action: string, resources: string[]): string[] {
  if (resources.includes('*')) return ['*'];
  let list = action.startsWith('s3:') ? collapseObjects(resources) : resources;
  // Drop what a wildcard in the same list already grants (DeleteObject on b/k next to b/*).
  list = list.filter((r) => !list.some((other) => other !== r && /[*?]/.test(other) && iamGlobMatches(other, r)));
  return [...new Set(list)].sort(compare);
}

function collapseObjects(resources: string[]): string[] {
  const byBucket = new Map<string, string[]>();
  const out: string[] = [];
  for (const r of resources) {
    const m = /^(arn:[^:]+:s3:::[^/]+\/)(.*)$/.exec(r);
    if (!m) out.push(r);
    else (byBucket.get(m[1]!) ?? byBucket.set(m[1]!, []).get(m[1]!)!).push(m[2]!);
  }
  for (const [bucket, keys] of byBucket) {
    if (keys.length <= MAX_OBJECTS_PER_BUCKET) for (const k of keys) out.push(bucket + k);
    else out.push(`${bucket}${commonPrefix(keys.map((k) => k.replace(/\*$/, '')))}*`);
  }
  return out;
}

function commonPrefix(values: string[]): string {
  let prefix = values[0] ?? '';
  for (const v of values) while (!v.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // A key may hold `*` or `?` itself: the wildcard prefix stops before them.
  const cut = prefix.search(/[*?]/);
  return cut === -1 ? prefix : prefix.slice(0, cut);
}

function single(values: string[]): string | string[] {
  return values.length === 1 ? values[0]! : values;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
