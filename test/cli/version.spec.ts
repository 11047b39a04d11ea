// `localtrail --version`, `-v` and `-V` print the version package.json declares; the constant stays equal to it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { VERSION } from '../../src/cli/version.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('localtrail --version', () => {
  it('keeps the version constant equal to package.json', () => {
    expect(VERSION).toBe(packageVersion);
  });

  it.each(['--version', '-v', '-V'])('%s prints the package version and exits 0', async (flag) => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await runCli([flag], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) })).toBe(0);
    expect(out).toEqual([`localtrail ${packageVersion}`]);
    expect(err).toEqual([]);
  });

  it('names --version in the usage', async () => {
    const out: string[] = [];
    await runCli(['--help'], { stdout: (t) => out.push(t), stderr: () => {} });
    expect(out.join('\n')).toContain('localtrail --version');
  });
});
