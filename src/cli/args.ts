// A small argument parser for the localtrail CLI: positionals, `--name value`, `--name=value`, boolean flags.

export interface ArgSpec {
  /** Options that take a value; repeated ones collect into a list. */
  values?: readonly string[];
  /** Options that are on when present. */
  flags?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

/** A command-line mistake: printed with the usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'USAGE';
}

/**
 * @example
 * parseArgs(['out', '--verbose', '--start-time=2026-01-01'], { values: ['start-time'], flags: ['verbose'] })
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags?.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positionals, values, flags };
}

/** The last value of an option. */
export function lastValue(args: ParsedArgs, name: string): string | undefined {
  const list = args.values.get(name);
  return list?.[list.length - 1];
}

/** Parses a time option: ISO 8601 (`2026-03-01T10:00:00Z`, `2026-03-01`) or epoch milliseconds. */
export function parseTime(value: string, name: string): number {
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`--${name}: not a time: ${value} (use e.g. 2026-03-01T10:00:00Z)`);
  return time;
}
