// Runs examples/lake.ts (the documentation example) so it cannot rot: the Lake and the delivered files agree.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('examples/lake.ts', () => {
  it('prints the same rows from the Lake store and from the delivered files', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', join(root, 'examples', 'lake.ts')], { cwd: root, timeout: 60_000 }, (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
      ),
    );
    const [lake, files] = stdout.split('\n\n');
    const rows = (block: string | undefined): string[] => (block ?? '').split('\n').filter((l) => l.startsWith('  '));
    expect(rows(lake)).toEqual(['  dynamodb.amazonaws.com  GetItem  alice  3', '  dynamodb.amazonaws.com  PutItem  alice  3', '  s3.amazonaws.com  ListBuckets  alice  3']);
    expect(rows(files)).toEqual(rows(lake));
  }, 60_000);
});
