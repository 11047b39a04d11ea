// The fidelity harness: every corpus record replayed through a real SDK client and trail.plugin(), compared with the real record.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Difference } from './compare-records.js';
import { compareRecords, formatDifferences } from './compare-records.js';
import type { NamedEntry } from './corpus-entry.js';
import { loadCorpus } from './corpus-entry.js';
import { COMPARED_FIELDS, KNOWN_DIFFERENCES, uncomparedFields } from './known-differences.js';
import { loadPackage, replay } from './run-entry.js';

const corpus = loadCorpus();
/** Entries known not to match yet, each with the reason; the harness asserts they still differ, so a fix forces an update. */
const expectedGaps = JSON.parse(readFileSync(new URL('./expected-gaps.json', import.meta.url), 'utf8')) as Record<string, string>;
const devDependencies = Object.keys(
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies,
);

const packageNames = [...new Set(corpus.map((c) => c.entry.call.package))];
const packages = new Map(await Promise.all(packageNames.map(async (p) => [p, await loadPackage(p)] as const)));
const runnable = corpus.filter((c) => packages.get(c.entry.call.package) !== undefined);
const notRun = corpus.filter((c) => packages.get(c.entry.call.package) === undefined);

const outcomes = new Map<string, { matched: boolean; compared: number; agreed: number }>();

function sourceOf({ entry }: NamedEntry): string {
  const s = entry.source;
  return s.url ?? `${s.repo}/${s.path}${s.commit ? `@${s.commit.slice(0, 12)}` : ''}`;
}

async function differencesFor(named: NamedEntry): Promise<{ differences: Difference[]; compared: number; agreed: number }> {
  const { entry } = named;
  const run = await replay(entry, packages.get(entry.call.package)!);
  const differences: Difference[] = [];
  const errorCode = entry.record.errorCode;
  if (typeof errorCode === 'string' && !run.thrown) differences.push({ path: '(call)', kind: 'missing', expected: `the call fails with ${errorCode}` });
  if (typeof errorCode !== 'string' && run.thrown) differences.push({ path: '(call)', kind: 'extra', actual: `${run.thrown.name}: ${run.thrown.message}` });
  if (run.records.length !== 1) differences.push({ path: '(records)', kind: 'value', expected: 1, actual: run.records.length });
  const comparison = compareRecords(named.name, entry.record, run.records[0] ?? {}, entry.volatilePaths ?? []);
  differences.push(...comparison.differences);
  return { differences, compared: comparison.compared, agreed: comparison.matched };
}

describe('fidelity corpus: real CloudTrail records against localtrail', () => {
  afterAll(() => {
    const matched = [...outcomes.values()].filter((o) => o.matched).length;
    const compared = [...outcomes.values()].reduce((n, o) => n + o.compared, 0);
    const agreed = [...outcomes.values()].reduce((n, o) => n + o.agreed, 0);
    const skipped = notRun.length > 0 ? `; ${notRun.length} not run (client package not installed)` : '';
    console.log(`fidelity: ${matched}/${corpus.length} records match, ${agreed}/${compared} paths${skipped}`);
  });

  it('holds at least 36 records across at least 14 services, each naming its source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(36);
    expect(new Set(corpus.map((c) => c.entry.record.eventSource)).size).toBeGreaterThanOrEqual(14);
    for (const c of corpus) expect(sourceOf(c), c.name).toMatch(/^(https:\/\/|[\w.-]+\/[\w.-]+\/)/);
  });

  it('compares every top-level field of every record, or lists it in known-differences.ts with a reason', () => {
    const compared = new Set<string>(COMPARED_FIELDS);
    const unaccounted = corpus.flatMap((c) =>
      Object.keys(c.entry.record)
        .filter((k) => !compared.has(k) && !uncomparedFields(c.name).has(k))
        .map((k) => `${c.name}: ${k}`),
    );
    expect(unaccounted).toEqual([]);
  });

  it('scopes known differences only to corpus entries', () => {
    const names = new Set(corpus.map((c) => c.name));
    const strays = KNOWN_DIFFERENCES.flatMap((d) => (d.entry !== undefined && !names.has(d.entry) ? [d.entry] : []));
    expect(strays).toEqual([]);
  });

  it('lists only corpus entries in expected-gaps.json, each with a reason', () => {
    const names = new Set(corpus.map((c) => c.name));
    for (const [name, reason] of Object.entries(expectedGaps)) {
      expect(names.has(name), `expected-gaps.json names ${name}, which is not in the corpus`).toBe(true);
      expect(reason.length, `expected-gaps.json: ${name} needs a reason`).toBeGreaterThan(10);
    }
  });

  it('has every client package the corpus needs installed (under CI), or names the missing ones loudly', () => {
    const missing = [...new Set(notRun.map((c) => c.entry.call.package))];
    if (missing.length > 0) {
      console.warn(
        `\n!!! fidelity: ${notRun.length} corpus entries NOT RUN: client packages not installed: ${missing.join(', ')}\n` +
          `!!! entries: ${notRun.map((c) => c.name).join(', ')}\n!!! add them as devDependencies (test/fidelity/README.md lists them)\n`,
      );
    }
    // A declared devDependency that fails to load is a broken install or a misspelt name, never a skip.
    expect(missing.filter((p) => devDependencies.includes(p))).toEqual([]);
    for (const p of missing) expect(p).toMatch(/^@aws-sdk\/client-[a-z0-9-]+$/);
    if (process.env.CI === 'true') expect(missing, 'under CI every corpus entry must run').toEqual([]);
  });

  for (const named of runnable) {
    const gap = expectedGaps[named.name];
    it(`${named.name}${gap === undefined ? '' : ' (expected gap)'}`, async () => {
      const { differences, compared, agreed } = await differencesFor(named);
      outcomes.set(named.name, { matched: differences.length === 0, compared, agreed });
      const report = formatDifferences(differences);
      if (gap === undefined) {
        expect(report, `${named.name}: localtrail's record differs from the real one (${sourceOf(named)})`).toBe('');
      } else {
        expect(differences.length, `${named.name} now matches the real record: remove it from test/fidelity/expected-gaps.json`).toBeGreaterThan(0);
      }
    });
  }
});
