// Instruction counts under valgrind's callgrind: unlike time, the same program and input give nearly the same count
// however busy the machine is (with V8 made deterministic: --predictable, fixed seeds), so a few percent is measurable
// here. Nearly: V8 still sizes its heap from speeds it measures in wall time, so collections can land elsewhere.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

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
export async function countInstructions(nodeArgs: string[], env: Record<string, string>, seed = 1): Promise<number> {
  const { code, stderr } = await runCallgrind(['--callgrind-out-file=/dev/null'], nodeArgs, env, seed);
  const match = /Collected : ([\d,]+)/.exec(stderr);
  if (code !== 0 || !match) throw new Error(`callgrind run failed (exit ${code}): ${stderr.slice(-2000)}`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** Runs `node <nodeArgs>` (deterministic V8, `env` added) under callgrind with `callgrindArgs`; its exit code and stderr. */
function runCallgrind(callgrindArgs: string[], nodeArgs: string[], env: Record<string, string>, seed: number): Promise<{ code: number | null; stderr: string }> {
  const args = ['--tool=callgrind', ...callgrindArgs, process.execPath, ...deterministicV8(seed), ...nodeArgs];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * The two native functions that bracket a measured window (see countWindow): Node never calls either by itself, so
 * callgrind's `--zero-before` and `--dump-before` on them fire only where a worker calls markWindowStart() and
 * markWindowEnd().
 */
const WINDOW_START = 'uv_os_getpriority';
const WINDOW_END = 'uv_os_gethostname';

/** Called by a worker just before its measured window: callgrind zeroes its counts here (countWindow). */
export function markWindowStart(): void {
  getPriority();
}

/** Called by a worker just after its measured window: callgrind writes the window's count here (countWindow). */
export function markWindowEnd(): void {
  hostname();
}

/**
 * Instructions executed between a worker's markWindowStart() and markWindowEnd() (`node <nodeArgs>` with `env`
 * added, deterministic V8 as in countInstructions). Counting the window itself, rather than subtracting a run with
 * an empty window from a run with a full one, leaves out start-up, module loading and warm-up, which vary between
 * runs by more than a recording's cost: two empty-window plain RunInstances runs (--predictable-gc-schedule) counted
 * 17.77G and 17.95G instructions (12k a call over 15,000 calls), where two windows of one localtrail build counted
 * 2.7800M and 2.7813M a call.
 */
export async function countWindow(nodeArgs: string[], env: Record<string, string>, seed = 1): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'localtrail-callgrind-'));
  try {
    const marks = [`--zero-before=${WINDOW_START}`, `--dump-before=${WINDOW_END}`, `--callgrind-out-file=${join(dir, 'window.%p')}`];
    const { code, stderr } = await runCallgrind(marks, nodeArgs, env, seed);
    // The dump at WINDOW_END is `window.<pid>.1`; the one at exit is `window.<pid>`. A `.2` would mean a second
    // mark, so the window would not be the one the worker measured.
    const dumps = readdirSync(dir).filter((name) => /^window\.\d+\.\d+$/.test(name));
    if (code !== 0 || dumps.length !== 1 || !dumps[0]!.endsWith('.1')) {
      throw new Error(`callgrind window count failed (exit ${code}, dumps ${dumps.join(', ') || 'none'}): ${stderr.slice(-2000)}`);
    }
    const totals = /^totals: (\d+)/m.exec(readFileSync(join(dir, dumps[0]!), 'utf8'));
    if (!totals) throw new Error(`callgrind window dump without totals: ${dumps[0]}`);
    return Number(totals[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Deterministic V8: one thread (collection and compilation on the main thread, so counted), fixed hash and random seeds. */
function deterministicV8(seed: number): string[] {
  return ['--predictable', `--hash-seed=${seed}`, `--random-seed=${seed}`, '--expose-gc', '--no-warnings'];
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
