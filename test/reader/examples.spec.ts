// Runs examples/local-audit.ts as a user would (a process), so the example cannot rot.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('examples/local-audit.ts', () => {
  it('records, delivers, looks up and prints the policy, exiting 0', () => {
    const root = join(import.meta.dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join('examples', 'local-audit.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/dynamodb\.amazonaws\.com GetItem: ResourceNotFoundException/);
    expect(run.stdout).toMatch(/^TIME +REGION +SOURCE/m);
    expect(run.stdout).toContain('"Action": "s3:ListBucket"');
    expect(run.stdout).toContain('Left out, needing no permission: GetCallerIdentity');
  }, 60_000);
});
