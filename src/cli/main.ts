#!/usr/bin/env node
// The `localtrail` command: dispatches to one file per command (validate; lookup, tail, report may follow).
import { UsageError } from './args.js';
import { validateCommand, validateUsage } from './commands/validate.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { LOCALTRAIL_VERSION } from './version.js';

interface Command {
  summary: string;
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  validate: { summary: 'validate log files and digest chains in a folder', usage: validateUsage, run: validateCommand },
};

function mainUsage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: localtrail <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "localtrail <command> --help" for a command's options, "localtrail --version" for the version.`;
}

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the exit status.
 * @example
 * const status = await runCli(['validate', './.localtrail']);
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainUsage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(LOCALTRAIL_VERSION);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`localtrail: unknown command "${name}"\n\n${mainUsage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`localtrail ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    io.stderr(`localtrail ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run when executed as the `localtrail` bin (ESM, CJS or tsx); importing this module has no side effects.
const entry = process.argv[1] ?? '';
if (/(?:[\\/]cli[\\/]main\.[cm]?[jt]s|[\\/]localtrail)$/.test(entry)) {
  runCli(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`localtrail: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
