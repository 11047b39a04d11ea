// What command matchers compare: the input each call's SDK command received, kept beside its record in memory.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { describeBinary } from '../event/parameters.js';
import { keptInputOf } from '../recorder/event-ring.js';
import { plansForOperation } from '../recorder/schema-plan.js';
import type { CommandIdentity } from './command.js';
import { isAsymmetricMatcher } from './partial-match.js';

/**
 * The records as command matchers see them: each with `input`, the command input as the SDK received it (SDK member
 * names, values included, DocumentClient inputs native), when the trail that recorded it still holds it in memory.
 * A record read back from a log file, or dropped from the ring by `maxEvents`, has none and matches no input.
 * The views exist only inside the matcher: records, files, snapshots and event history never carry the input.
 */
export function withCommandInputs(records: readonly CloudTrailRecord[]): CloudTrailRecord[] {
  return records.map((record) => {
    const input = keptInputOf(record);
    return input === undefined ? record : ({ ...record, input } as CloudTrailRecord);
  });
}

/**
 * The partial input to compare: as written, except bodies, which the recorder keeps as their size only
 * (`Body: 'hello'` matches a call whose body had 5 bytes).
 */
export function expectedCommandInput(identity: CommandIdentity, input: Record<string, unknown>): Record<string, unknown> {
  const bodies = identity.operationSchema ? plansForOperation(identity.operationSchema)?.bodyMembers : undefined;
  if (bodies === undefined || bodies.length === 0) return input;
  const out = { ...input };
  for (const name of bodies) {
    const value = out[name];
    if (value !== undefined && value !== null && !isAsymmetricMatcher(value)) out[name] = describeBinary(value);
  }
  return out;
}
