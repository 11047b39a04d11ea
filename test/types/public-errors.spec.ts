// Every error class localtrail can throw is exported from the entry a user imports, each with a stable `code`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as testing from '../../src/testing/index.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
// Caught inside runCli and turned into an exit status of 2: never reaches a caller.
const NEVER_ESCAPES = new Set(['UsageError']);

function errorClassNames(): string[] {
  const names: string[] = [];
  for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const source = readFileSync(join(SRC, file), 'utf8');
    for (const m of source.matchAll(/^export class (\w+) extends (\w+)/gm)) {
      if (/(?:Error|Exception|errorClass)$/.test(m[2]!)) names.push(m[1]!);
    }
  }
  return names.sort();
}

describe('public errors', () => {
  const exported: Record<string, unknown> = { ...root, ...testing };
  const names = errorClassNames().filter((n) => !NEVER_ESCAPES.has(n));

  it('finds the error classes (the scan itself works)', () => {
    expect(names).toContain('LocalTrailConfigError');
    expect(names).toContain('TrailNotFoundException');
    expect(names.length).toBeGreaterThan(30);
  });

  it.each(errorClassNames().filter((n) => !NEVER_ESCAPES.has(n)))('%s is exported, an Error with a string code', (name) => {
    const ErrorClass = exported[name] as (new (...args: string[]) => Error & { code: unknown }) | undefined;
    expect(ErrorClass, `${name} is not exported from localtrail or localtrail/testing`).toBeTypeOf('function');
    const error = ErrorClass!.length >= 2 ? new ErrorClass!('option', 'message') : new ErrorClass!('message');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toEqual(expect.any(String));
    expect(error.name).toBe(name === 'CloudTrailError' ? 'option' : name);
  });

  it('configuration errors name the option and keep TypeError as their base', () => {
    const thrown = (() => {
      try {
        root.createLocalTrail({ delivery: { gzip: 'brotli' as never } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(root.LocalTrailConfigError);
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).toMatchObject({ code: 'LOCALTRAIL_INVALID_OPTION', option: 'delivery.gzip' });
  });
});
