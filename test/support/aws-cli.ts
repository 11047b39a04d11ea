// Whether AWS's own CLI (aws-cli) is installed, for the tests that run `aws cloudtrail validate-logs`.
import { execFileSync } from 'node:child_process';

export function hasAwsCli(): boolean {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
