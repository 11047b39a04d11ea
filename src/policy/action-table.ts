// The curated tables together: which IAM permissions (action + resources) one recorded call needed.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { PermissionSpec, ServiceActions } from './action-spec.js';
import { cloudTrailActions, cloudWatchActions, logsActions, ssmActions } from './actions/operations.js';
import { ec2Actions, stepFunctionsActions } from './actions/compute.js';
import { dynamodbActions } from './actions/dynamodb.js';
import { lambdaActions } from './actions/lambda.js';
import { eventBridgeActions, kinesisActions, snsActions, sqsActions } from './actions/messaging.js';
import { s3Actions } from './actions/s3.js';
import { iamActions, kmsActions, secretsManagerActions, stsActions } from './actions/security.js';
import { RESOURCE_KINDS } from './resource-kinds.js';

/** Every service the generator knows, one table each. */
export const SERVICE_ACTIONS: readonly ServiceActions[] = [
  s3Actions, dynamodbActions, lambdaActions, snsActions, sqsActions, kinesisActions, eventBridgeActions, kmsActions,
  secretsManagerActions, iamActions, stsActions, ec2Actions, stepFunctionsActions, cloudTrailActions, logsActions,
  cloudWatchActions, ssmActions,
];

const BY_SOURCE = new Map(SERVICE_ACTIONS.map((s) => [s.eventSource, s]));

/**
 * One permission a call needed: an action on resources (`*` when the action has no resource-level permissions).
 * @example
 * const found = permissionsFor(record);
 * if (found.kind === 'mapped') for (const p of found.permissions) console.log(p.action, p.resources);
 */
export interface CallPermission {
  action: string;
  resources: string[];
  /** False when the action supports resource-level permissions but the record named no resource: granted on `*`. */
  resolved: boolean;
}

/**
 * The permissions one recorded call needed: mapped, none needed, or a call the table does not know.
 * @example
 * if (permissionsFor(record).kind === 'unmapped') console.warn(`no mapping for ${record.eventName}`);
 */
export type CallPermissions = { kind: 'mapped'; permissions: CallPermission[] } | { kind: 'none' } | { kind: 'unmapped' };

/** `Action@kind` or `prefix:Action@kind` → the full action name and the kind. */
export function parseSpec(spec: PermissionSpec, prefix: string): { action: string; kind: string | undefined } {
  const at = spec.indexOf('@');
  const name = at === -1 ? spec : spec.slice(0, at);
  return { action: name.includes(':') ? name : `${prefix}:${name}`, kind: at === -1 ? undefined : spec.slice(at + 1) };
}

/**
 * The permissions a recorded call needed, from the curated tables: `none` for calls that need no permission,
 * `unmapped` for services or eventNames the tables do not hold (never guessed).
 * @example
 * permissionsFor(record) // { kind: 'mapped', permissions: [{ action: 's3:ListBucket', resources: ['arn:aws:s3:::b'], resolved: true }] }
 */
export function permissionsFor(record: CloudTrailRecord): CallPermissions {
  const service = record.eventSource ? BY_SOURCE.get(record.eventSource) : undefined;
  if (!service || !record.eventName) return { kind: 'unmapped' };
  const name = service.normalize ? service.normalize(record.eventName) : record.eventName;
  if (!Object.hasOwn(service.events, name)) return { kind: 'unmapped' };
  const mapping = service.events[name]!;
  if (mapping === null) return { kind: 'none' };
  const specs = typeof mapping === 'function' ? mapping(record) : typeof mapping === 'string' ? [mapping] : mapping;
  if (!specs) return { kind: 'unmapped' };
  const permissions: CallPermission[] = [];
  for (const spec of specs) {
    const { action, kind } = parseSpec(spec, service.prefix);
    if (kind === undefined) {
      permissions.push({ action, resources: ['*'], resolved: true });
      continue;
    }
    const resolver = RESOURCE_KINDS[kind];
    if (!resolver) throw new Error(`localtrail: unknown resource kind @${kind} in the ${service.prefix} action table`);
    const resources = resolver(record);
    if (resources === undefined) permissions.push({ action, resources: ['*'], resolved: false });
    else if (resources.length > 0) permissions.push({ action, resources, resolved: true });
  }
  return permissions.length > 0 ? { kind: 'mapped', permissions } : { kind: 'none' };
}
