// What every command shares: --help and --version (exit 0), unknown commands and options (one line, exit 2), colour
// only on a terminal without NO_COLOR, and — run as a real process — one-line errors, never a stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorAllowed } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { VERSION } from '../../src/cli/version.js';
import { getObject, logKey, tempDir, writeLogFile } from '../reader/support.js';
import { capture } from './support.js';

const COMMANDS = ['lookup', 'tail', 'policy', 'validate'];

describe('every command', () => {
  it('prints its usage with --help and the version with --version, exit 0', async () => {
    for (const command of COMMANDS) {
      const help = capture();
      expect(await runCli([command, '--help'], help.io)).toBe(0);
      expect(help.out.join('')).toMatch(new RegExp(`^Usage: localtrail ${command} `));
      expect(help.out.join('')).toMatch(/Exit status: 0 /);
      const version = capture();
      expect(await runCli([command, '--version'], version.io)).toBe(0);
      expect(version.out).toEqual([`localtrail ${VERSION}`]);
    }
    const main = capture();
    expect(await runCli(['--help'], main.io)).toBe(0);
    expect(main.out.join('')).toContain('  lookup     print the events in a trail folder or bucket, newest first');
    expect(await runCli([], capture().io)).toBe(2);
    const version = capture();
    expect(await runCli(['--version'], version.io)).toBe(0);
    expect(version.out).toEqual([`localtrail ${VERSION}`]);
  });

  it('answers an unknown command or option with one line and exit 2', async () => {
    const unknown = capture();
    expect(await runCli(['lokup', '.'], unknown.io)).toBe(2);
    expect(unknown.err).toEqual(['localtrail: unknown command "lokup" (run "localtrail --help" for the commands)']);
    for (const command of COMMANDS) {
      const c = capture();
      expect(await runCli([command, tempDir(), '--bogus'], c.io)).toBe(2);
      expect(c.err).toEqual([`localtrail ${command}: unknown option --bogus (run "localtrail ${command} --help" for usage)`]);
    }
  });

  it('allows colour only on a terminal, without NO_COLOR, and not for TERM=dumb', () => {
    expect(colorAllowed(true, {})).toBe(true);
    expect(colorAllowed(false, {})).toBe(false);
    expect(colorAllowed(undefined, {})).toBe(false);
    expect(colorAllowed(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorAllowed(true, { NO_COLOR: '' })).toBe(true);
    expect(colorAllowed(true, { TERM: 'dumb' })).toBe(false);
  });
});

/** Runs the real `localtrail` entry in a child process (stdout and stderr are pipes, not a terminal). */
function runProcess(args: string[], env: NodeJS.ProcessEnv = {}): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; child: ReturnType<typeof spawn> } {
  const root = join(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], { cwd: root, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { done, child };
}

const sdkNotice = (stderr: string) => stderr.split('\n').filter((l) => l && !/NodeVersionSupportWarning|versions published|require node|To continue|security updates|a\.co\/|trace-warnings/.test(l));

describe('the localtrail process', () => {
  it('fails with one line on stderr and exit 2, no stack trace; prints no colour into a pipe', async () => {
    const missing = join(tempDir(), 'nope');
    const { done } = runProcess(['lookup', missing, '--errors']);
    const result = await done;
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(sdkNotice(result.stderr)).toEqual([`localtrail lookup: no such folder: ${missing} (run "localtrail lookup --help" for usage)`]);

    const root = tempDir();
    writeLogFile(root, logKey('20260301T1010Z'), [getObject('2026-03-01T10:01:00Z', 'a', 'k', { errorCode: 'AccessDenied' })]);
    const table = await runProcess(['lookup', root], { FORCE_COLOR: '1' }).done;
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('AccessDenied');
    expect(table.stdout).not.toContain('\u001b[');
  }, 60_000);

  it('tail stops on SIGINT with exit 0', async () => {
    const root = tempDir();
    writeLogFile(root, logKey('20260301T1010Z'), [getObject('2026-03-01T10:01:00Z', 'a', 'k')]);
    const { done, child } = runProcess(['tail', root, '--json', '--interval', '0.05']);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('"eventID":"a"')) child.kill('SIGINT');
    });
    const result = await done;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ eventID: 'a' });
  }, 60_000);
});
