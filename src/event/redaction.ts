// What never reaches a record: the marker, the member names hidden whatever the model says, and user paths.
import type { CloudTrailRecord, JsonValue } from '../vocabulary/record.js';
import { LocalTrailConfigError } from '../vocabulary/config-error.js';

/**
 * The marker CloudTrail writes in place of values it hides (sensitive parameters).
 * @example
 * expect(trail).toHaveRecorded({ requestParameters: { secretString: HIDDEN } });
 */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/**
 * Member names (compared lower-cased) hidden in every service, even where a model forgets the sensitive trait.
 * Names only: `NextToken`, `ContinuationToken` and the like are pagination, not secrets, and stay visible.
 */
export const WELL_KNOWN_SECRET_NAMES: ReadonlySet<string> = new Set([
  'secretstring', 'secretbinary', 'plaintext', 'password', 'newpassword', 'oldpassword', 'masteruserpassword',
  'secretaccesskey', 'sessiontoken', 'privatekey', 'keymaterial', 'clientsecret', 'authtoken', 'ssecustomerkey',
  'copysourcessecustomerkey', 'credentials',
]);

/** A compiled user redaction: bare names hide a member anywhere; dotted paths hide one place in the record. */
export interface CompiledRedaction {
  /** The well-known secret names and the bare names of the option, lower-cased. */
  names: ReadonlySet<string>;
  /** The bare names of the option alone, lower-cased. */
  userNames: ReadonlySet<string>;
  paths: readonly string[][];
}

/** Compiles the `redact` option once (e.g. `['password', 'requestParameters.key.ssn']`). */
export function compileRedaction(paths: readonly string[]): CompiledRedaction {
  const names = new Set(WELL_KNOWN_SECRET_NAMES);
  const userNames = new Set<string>();
  const dotted: string[][] = [];
  for (const path of paths) {
    if (typeof path !== 'string' || path.length === 0) throw new LocalTrailConfigError('redact', `localtrail: invalid redact path ${JSON.stringify(path)}`);
    if (path.includes('.')) dotted.push(path.split('.'));
    else {
      names.add(path.toLowerCase());
      userNames.add(path.toLowerCase());
    }
  }
  return { names, userNames, paths: dotted };
}

/**
 * Applies the dotted redaction paths to a finished record (names were applied while converting). Records share
 * frozen parts (userIdentity, resources, tlsDetails; see shared-parts.ts): a path through one gives this record its
 * own copy of that part, so the other records sharing it keep their values.
 */
export function applyRedactionPaths(record: CloudTrailRecord, paths: readonly string[][]): void {
  for (const path of paths) {
    let node: unknown = record;
    for (let i = 0; i < path.length - 1 && node; i++) node = ownChild(node as Record<string, unknown>, path[i]!);
    const last = path[path.length - 1]!;
    if (node && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, last)) {
      (node as Record<string, JsonValue>)[last] = HIDDEN;
    }
  }
}

/** `parent[key]`, replaced first by a writable copy when it is a frozen shared part (the parent is writable). */
function ownChild(parent: Record<string, unknown>, key: string): unknown {
  const child = parent[key];
  if (child === null || typeof child !== 'object' || !Object.isFrozen(child)) return child;
  const copy = Array.isArray(child) ? [...(child as unknown[])] : { ...(child as Record<string, unknown>) };
  parent[key] = copy;
  return copy;
}
