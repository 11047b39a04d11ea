// Shared benchmark machinery: interleaved rounds, median ratios, machine description (see shared/BENCHMARKING.md).
import { cpus } from 'node:os';

/** What one benchmark file reports: one printed line and the JSON figures stored under `name`. */
export interface BenchResult {
  name: string;
  /** e.g. `record-overhead: 1.02x plain, 0.51x otel` */
  line: string;
  json: Record<string, number | string>;
}

/** A benchmark file's default export. */
export type Benchmark = () => Promise<BenchResult[]>;

export interface Variant {
  name: string;
  /** Runs the measured operation `n` times; resolves when done. */
  run(n: number): Promise<void> | void;
}

export interface InterleavedResult {
  /** Median time per operation for each variant, in microseconds. */
  usPerOp: Record<string, number>;
  /** ratio(variant / baseline) per round, summarised. */
  ratios: Record<string, { median: number; min: number; max: number }>;
}

/**
 * `wall`: elapsed time. `cpu`: CPU time of the whole process (every thread, so the garbage collector's helper threads
 * count too), which leaves out the time other programs on a shared machine take the cores away.
 */
export type Clock = 'wall' | 'cpu';

/** Microseconds on the given clock. */
export function now(clock: Clock): number {
  if (clock === 'wall') return Number(process.hrtime.bigint()) / 1000;
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Runs the variants A, B, C, A, B, C, … in `rounds` rounds of `opsPerRound` operations each after a warm-up,
 * computing each variant's ratio to the first one (the baseline) per round; reports medians and spread.
 */
export async function interleave(
  variants: Variant[],
  {
    rounds = 15,
    opsPerRound = 2000,
    warmupOps = 3000,
    clock = 'wall',
  }: { rounds?: number; opsPerRound?: number; warmupOps?: number; clock?: Clock } = {},
): Promise<InterleavedResult> {
  for (const v of variants) await v.run(warmupOps);
  const times: Record<string, number[]> = {};
  const ratios: Record<string, number[]> = {};
  for (const v of variants) {
    times[v.name] = [];
    ratios[v.name] = [];
  }
  for (let r = 0; r < rounds; r++) {
    const roundTimes: number[] = [];
    // Rotate the starting variant each round so none always runs first (GC/JIT order effects).
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(i + r) % variants.length]!;
      const t0 = now(clock);
      await v.run(opsPerRound);
      const us = (now(clock) - t0) / opsPerRound;
      times[v.name]!.push(us);
      roundTimes[(i + r) % variants.length] = us;
    }
    for (let i = 0; i < variants.length; i++) ratios[variants[i]!.name]!.push(roundTimes[i]! / roundTimes[0]!);
  }
  const usPerOp: Record<string, number> = {};
  const ratioSummary: InterleavedResult['ratios'] = {};
  for (const v of variants) {
    usPerOp[v.name] = median(times[v.name]!);
    const rs = ratios[v.name]!;
    ratioSummary[v.name] = { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
  }
  return { usPerOp, ratios: ratioSummary };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `nproc`, CPU model and Node version, printed with every run. */
export function machine(): string {
  const list = cpus();
  return `${list.length} cores, ${list[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
}
