#!/usr/bin/env node
// The `localtrail` command: dispatches to one file per command; --help, --version, one-line errors, exit statuses.
import { VERSION } from './version.js';
import { UsageError } from './args.js';
import { lookupCommand, lookupUsage } from './commands/lookup.js';
import { policyCommand, policyUsage } from './commands/policy.js';
import { tailCommand, tailUsage } from './commands/tail.js';
import { validateCommand, validateUsage } from './commands/validate.js';
import { reportCommand, reportUsage } from './commands/report.js';
import { serveCommand, serveUsage } from './commands/serve.js';
import { queryCommand, queryUsage } from './commands/query.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';

interface Command {
  summary: string;
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  lookup: { summary: 'print the events in a trail folder or bucket, newest first', usage: lookupUsage, run: lookupCommand },
  tail: { summary: 'print events as new log files arrive', usage: tailUsage, run: tailCommand },
  policy: { summary: 'print the least-privilege IAM policy for the recorded calls', usage: policyUsage, run: policyCommand },
  validate: { summary: 'validate log files and digest chains in a folder', usage: validateUsage, run: validateCommand },
  serve: { summary: 'serve a folder as CloudTrail\'s API and an event-history page', usage: serveUsage, run: serveCommand },
  report: { summary: 'write an HTML activity report of a folder', usage: reportUsage, run: reportCommand },
  query: { summary: 'run a CloudTrail Lake SQL query over delivered log files', usage: queryUsage, run: queryCommand },
};

function mainUsage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return (
    `Usage: localtrail <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n` +
    `Run "localtrail <command> --help" for a command's options, "localtrail --version" for the version.\n` +
    `Exit status: 0 ok, 1 findings (invalid or unreadable files, unmapped calls …), 2 usage error.`
  );
}

/** The first line of an error's message: never a stack trace. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((l) => l.trim().length > 0)?.trim() ?? 'failed';
}

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the exit status: 0 ok, 1 findings, 2 usage
 * error (or a source that cannot be read at all).
 * @example
 * const status = await runCli(['lookup', './.localtrail', '--event-name', 'PutObject']);
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === '-v' || name === 'version') {
    io.stdout(`localtrail ${VERSION}`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainUsage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`localtrail: unknown command "${name}" (run "localtrail --help" for the commands)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  if (rest.includes('--version') || rest.includes('-V')) {
    io.stdout(`localtrail ${VERSION}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const hint = error instanceof UsageError ? ` (run "localtrail ${name} --help" for usage)` : '';
    io.stderr(`localtrail ${name}: ${oneLine(error)}${hint}`);
    return 2;
  }
}

// Run when executed as the `localtrail` bin (ESM, CJS or tsx); importing this module has no side effects.
const entry = process.argv[1] ?? '';
if (/(?:[\\/]cli[\\/]main\.[cm]?[jt]s|[\\/]localtrail)$/.test(entry)) {
  // `localtrail lookup … | head`: a closed pipe ends the command quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  runCli(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`localtrail: ${oneLine(error)}\n`);
      process.exitCode = 2;
    },
  );
}
