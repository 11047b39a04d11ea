// Instruction counts under valgrind's callgrind: unlike time, the same program and input give the same count however
// busy the machine is (with V8 made deterministic: --predictable, fixed seeds), so a few percent is measurable here.
import { execFileSync, spawn } from 'node:child_process';

/** True when `valgrind` can be run. */
export function hasValgrind(): boolean {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Instructions executed by `node <nodeArgs>` with `env` added, as callgrind counts them (V8's hash and random seeds: `seed`). */
export function countInstructions(nodeArgs: string[], env: Record<string, string>, seed = 1): Promise<number> {
  const args = [
    '--tool=callgrind',
    '--callgrind-out-file=/dev/null',
    process.execPath,
    // Deterministic V8: one thread (collection and compilation on the main thread, so counted), fixed hash and random seeds.
    '--predictable',
    `--hash-seed=${seed}`,
    `--random-seed=${seed}`,
    '--expose-gc',
    '--no-warnings',
    ...nodeArgs,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /Collected : ([\d,]+)/.exec(stderr);
      if (code !== 0 || !match) reject(new Error(`callgrind run failed (exit ${code}): ${stderr.slice(-2000)}`));
      else resolve(Number(match[1]!.replace(/,/g, '')));
    });
  });
}

/** Runs the tasks at most `limit` at a time (one per core), in order. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}
