// How the curated CloudTrail eventName → IAM action tables are written (src/policy/actions/*), and their helpers.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { unpacked } from '../vocabulary/packed-json.js';

/**
 * One permission a call needs: `Action` (the action has no resource-level permissions: Resource `*`),
 * `Action@kind` (resource-level: the ARNs of that kind the record names, see resource-kinds.ts), or
 * `prefix:Action@kind` for another service's action (`iam:PassRole@passRole`).
 */
export type PermissionSpec = string;

/**
 * What an eventName needs: one spec, several, `null` for a call that needs no permission (STS GetCallerIdentity),
 * or a function of the record for calls whose actions depend on their parameters (DynamoDB's TransactWriteItems);
 * the function returns undefined when the record does not say enough (the call is then reported as not mapped).
 */
export type EventMapping = PermissionSpec | readonly PermissionSpec[] | null | ((record: CloudTrailRecord) => readonly PermissionSpec[] | undefined);

/** The curated mapping of one service. */
export interface ServiceActions {
  eventSource: string;
  /** The IAM service prefix (`s3`, `lambda`). */
  prefix: string;
  events: Readonly<Record<string, EventMapping>>;
  /** CloudTrail eventName → the key in `events` (Lambda's `CreateFunction20150331` → `CreateFunction`). */
  normalize?: (eventName: string) => string;
}

/** `{ Name: 'Name@kind', … }`: operations whose IAM action has their own name. */
export function same(kind: string | undefined, ...names: string[]): Record<string, PermissionSpec> {
  return Object.fromEntries(names.map((n) => [n, kind ? `${n}@${kind}` : n]));
}

/** The string request parameter `name` of a record, if any. */
export function param(record: CloudTrailRecord, name: string): unknown {
  const params = unpacked(record.requestParameters);
  return params && typeof params === 'object' ? (params as Record<string, unknown>)[name] : undefined;
}
