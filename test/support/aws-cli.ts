// Finds the real AWS CLI for compatibility tests: $AWS_CLI, else `aws` on PATH, preferring version 2 (Debian's
// /usr/bin/aws) when a version 1 shadows it on PATH.
import { execFileSync } from 'node:child_process';

export interface AwsCli {
  path: string;
  /** e.g. `aws-cli/2.9.19 Python/3.11.2 …` */
  version: string;
}

function probe(path: string): AwsCli | undefined {
  try {
    const version = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }).trim();
    return /^aws-cli\//.test(version) ? { path, version } : undefined;
  } catch {
    return undefined;
  }
}

export function findAwsCli(): AwsCli | undefined {
  const found = [process.env['AWS_CLI'], 'aws', '/usr/bin/aws'].filter((p): p is string => Boolean(p)).map(probe).filter((c): c is AwsCli => c !== undefined);
  return found.find((c) => c.version.startsWith('aws-cli/2')) ?? found[0];
}

/** True when a missing tool must fail the run instead of skipping (CI sets CI=true). */
export const REQUIRED = process.env['CI'] === 'true';

/** Whether AWS's own CLI is installed (`aws cloudtrail validate-logs` tests); under CI=true a missing one throws. */
export function hasAwsCli(): boolean {
  if (findAwsCli() !== undefined) return true;
  if (REQUIRED) throw new Error('the AWS CLI (Debian package awscli) is required under CI=true: apt-get install -y awscli');
  console.warn('!!! the AWS CLI is not installed: the aws-cli compatibility tests are SKIPPED (apt-get install -y awscli)');
  return false;
}
