// `localtrail policy <source>`: the least-privilege IAM policy for the calls in a trail's log files, on stdout.
import { PolicyBuilder } from '../../policy/policy-builder.js';
import type { GeneratedPolicy } from '../../policy/policy-builder.js';
import { policyFilter } from '../../policy/generate-policy.js';
import type { ArgSpec } from '../args.js';
import { lastValue, parseArgs, parseTime } from '../args.js';
import type { CliIo } from '../io.js';
import { SOURCE_HELP, cliReader, nothingToRead, sourceArg } from '../read-source.js';

export const policyUsage = `Usage: localtrail policy <folder | s3://bucket/prefix> [options]

Prints the least-privilege IAM policy ({"Version":"2012-10-17","Statement":[…]}) for the calls in a trail's log
files, data events included: eventNames mapped to IAM actions by curated tables, resources from the records' ARNs
where the action supports resource-level permissions, "*" where it does not. Calls that could not be mapped are
listed on stderr, and so are actions granted on "*" only because the records named no resource.

${SOURCE_HELP}

Options:
  --principal <who>          only calls by this principal: user/role/session ARN, a role's ARN (all its
                             sessions), user/role/session name or access key id (repeatable: any of them)
  --start-time <time>        only calls at or after this time (ISO 8601 or epoch ms)
  --end-time <time>          only calls at or before this time
  --include-failed           also calls that failed (an AccessDenied shows a permission the code needs)
  --region <region>          only calls in this region (repeatable)
  --account <id>             only this recipient account (repeatable)
  --endpoint-url <url>       S3-compatible endpoint for s3:// sources

Exit status: 0 the policy covers every call; 1 calls that could not be mapped, unreadable files, or no calls;
2 usage error or a source that cannot be read.`;

const spec: ArgSpec = {
  values: ['principal', 'start-time', 'end-time', 'region', 'account', 'endpoint-url'],
  flags: ['include-failed'],
};

export async function policyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec);
  const location = sourceArg(args, 'policy');
  const start = lastValue(args, 'start-time');
  const end = lastValue(args, 'end-time');
  const filter = {
    ...policyFilter({
      ...(args.values.get('principal') ? { principal: args.values.get('principal')! } : {}),
      ...(start !== undefined ? { startTime: parseTime(start, 'start-time') } : {}),
      ...(end !== undefined ? { endTime: parseTime(end, 'end-time') } : {}),
      includeFailed: args.flags.has('include-failed'),
    }),
    ...(args.values.get('region') ? { region: args.values.get('region')! } : {}),
    ...(args.values.get('account') ? { account: args.values.get('account')! } : {}),
  };
  const reader = cliReader('policy', location, filter, args, io);
  const builder = new PolicyBuilder();
  for await (const record of reader) builder.add(record);
  const result = builder.build();
  io.stdout(JSON.stringify(result.policy, null, 2));
  for (const line of notes(result)) io.stderr(`localtrail policy: ${line}`);
  if (reader.stats.filesListed === 0) {
    io.stderr(`localtrail policy: ${nothingToRead(reader)}`);
    return 1;
  }
  if (result.calls === 0) {
    io.stderr('localtrail policy: no calls matched: the policy is empty');
    return 1;
  }
  return result.unmapped.length > 0 || reader.skipped.length > 0 ? 1 : 0;
}

function notes(result: GeneratedPolicy): string[] {
  const lines: string[] = [];
  const calls = (n: number): string => `${n} call${n === 1 ? '' : 's'}`;
  for (const u of result.unmapped) lines.push(`not mapped to IAM actions, left out of the policy: ${u.eventSource} ${u.eventName} (${calls(u.calls)})`);
  for (const u of result.unresolved) lines.push(`granted on "*": ${u.action} supports resource-level permissions but the records name no resource (${calls(u.calls)})`);
  return lines;
}
