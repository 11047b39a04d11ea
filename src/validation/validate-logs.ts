// validateLogs: proves delivered log files and digests were not modified, deleted, added, moved or forged.
// Walks each digest chain newest first like `aws cloudtrail validate-logs`, plus the checks it leaves out
// (previous digest hash/signature linkage, unlisted log files, a deleted newest digest when its key is known).
import { createPublicKey } from 'node:crypto';
import { parseDigestKey, parseLogFileKey } from '../vocabulary/object-keys.js';
import type { ParsedDigestKey } from '../vocabulary/object-keys.js';
import { publicKeyFingerprint } from '../integrity/signing-keys.js';
import type { CheckedDigest, TrustedKey } from './check-digest.js';
import { checkDigest } from './check-digest.js';
import type { FetchedObject, ObjectLocation, ObjectSource, ValidationPublicKey } from './object-source.js';
import { gunzipAndHash } from './read-gzip-json.js';
import { LocalTrailConfigError } from '../vocabulary/config-error.js';

/**
 * A file's verdict: `valid`, `invalid` (see `reason`) or `not-found`.
 * @example
 * const invalid = report.logFiles.filter((f) => f.status === 'invalid');
 */
export type VerdictStatus = 'valid' | 'invalid' | 'not-found';

/**
 * The verdict on one digest or log file.
 * @example
 * for (const f of report.digests) if (f.status !== 'valid') console.error(f.key, f.status, f.reason);
 */
export interface FileVerdict extends ObjectLocation {
  kind: 'digest' | 'log';
  status: VerdictStatus;
  /** Why it is not valid (`hash value doesn't match`, `signature verification failed`, …). */
  reason?: string;
}

/**
 * Two digests of a chain with no link between them (logging stopped, validation off): not a failure.
 * @example
 * for (const gap of report.gaps) console.log(`no digests between ${gap.olderEnd} and ${gap.newerStart}`);
 */
export interface ChainGap {
  olderEnd: string;
  newerStart: string;
}

/**
 * One digest chain (one trail's digests for one account, region and key prefix) over all its runs: a run starts
 * afresh (a first digest, or after logging stopped) and the gaps between runs are listed.
 */
export interface ChainReport {
  bucket: string;
  s3KeyPrefix?: string;
  organizationId?: string;
  accountId: string;
  /** The region the chain's events and digests are for. */
  region: string;
  trailName: string;
  homeRegion: string;
  /** Every digest and log file of the chain is valid. */
  ok: boolean;
  /** Segments of the chain: each process run (StartLogging … StopLogging or shutdown) is one. */
  runs: number;
  gaps: ChainGap[];
  digests: { valid: number; total: number };
  logFiles: { valid: number; total: number };
}

/** * What {@link validateLogs} found: a verdict per digest and log file, the chain gaps, and `ok` when all are valid.
 * @example
 * const report: ValidationReport = await validateLogs({ source: folderSource('./.localtrail') });
 * if (!report.ok) process.exitCode = 1;
 */
export interface ValidationReport {
  source: string;
  /** The trail the report is limited to, when one was given. */
  trailArn?: string;
  startTime?: number;
  endTime?: number;
  digests: FileVerdict[];
  logFiles: FileVerdict[];
  gaps: ChainGap[];
  /** One verdict per chain, in the order of their keys. */
  chains: ChainReport[];
  summary: { digestsValid: number; digestsTotal: number; logFilesValid: number; logFilesTotal: number; chainsValid: number; chainsTotal: number };
  /** True when every digest and log file is valid. */
  ok: boolean;
}

/**
 * Options of {@link validateLogs}: where the files are, which keys to trust, which trail and time range.
 * @example
 * await validateLogs({ source: folderSource('./.localtrail'), trailArn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/audit', startTime: Date.now() - 86_400_000 });
 */
export interface ValidateLogsOptions {
  source: ObjectSource;
  /** Trusted public keys (e.g. from `listPublicKeys`). Default: the keys stored with the objects. */
  publicKeys?: ValidationPublicKey[];
  /** Only chains of this trail (`arn:aws:cloudtrail:<home>:<acct>:trail/<name>`). */
  trailArn?: string;
  /** Only digests ending at or after this time (epoch ms or Date). */
  startTime?: number | Date;
  /** Only digests ending before this time + 1 hour. */
  endTime?: number | Date;
  /** The newest digest of each chain as delivery reported it (`delivery.chainEndsDelivered()`): a missing one is reported. */
  expectedChainEnds?: ObjectLocation[];
  /** Parallel reads. Default 4. */
  concurrency?: number;
}

const HOUR = 3600_000;

/**
 * Validates every digest chain and log file in `source`.
 * @example
 * const report = await validateLogs({ source: folderSource('./.localtrail') });
 * if (!report.ok) console.log(formatValidationReport(report));
 */
export async function validateLogs(options: ValidateLogsOptions): Promise<ValidationReport> {
  const source = safeSource(options.source);
  const start = toTime(options.startTime);
  const end = toTime(options.endTime);
  const keys = trustedKeys(options.publicKeys ?? (await source.publicKeys()));
  const trail = options.trailArn ? parseTrailArn(options.trailArn) : undefined;
  const listing = await source.list();

  const sharedScopes = new Set<string>();
  const digestLocations: Array<ObjectLocation & { parsed: ParsedDigestKey }> = [];
  const logLocations: Array<ObjectLocation & { minute: number; scope: string }> = [];
  for (const loc of listing) {
    const d = parseDigestKey(loc.key);
    if (d) {
      if (trail && (d.trailName !== trail.name || d.homeRegion !== trail.homeRegion)) {
        // Another trail's chain in the same folder (a fleet): its files are listed by digests not read here.
        sharedScopes.add(scopeId(loc.bucket, d));
        continue;
      }
      if (start !== undefined && d.endTime < start) continue;
      if (end !== undefined && d.endTime > end + HOUR) continue;
      digestLocations.push({ ...loc, parsed: d });
      continue;
    }
    const l = parseLogFileKey(loc.key);
    if (l) logLocations.push({ ...loc, minute: l.deliveredMinute, scope: scopeId(loc.bucket, l) });
  }

  const checked = await mapLimit(digestLocations, options.concurrency ?? 4, async (loc) =>
    checkDigest({ bucket: loc.bucket, key: loc.key }, loc.parsed, await source.get(loc), keys),
  );
  // Which chain each verdict and gap belongs to, for the per-chain report.
  const chainOf = new Map<FileVerdict | ChainGap, string>();
  const runs = new Map<string, number>();
  const digestVerdicts = new Map<string, FileVerdict>();
  for (const d of checked) {
    const verdict: FileVerdict = { kind: 'digest', bucket: d.bucket, key: d.key, status: d.valid ? 'valid' : 'invalid', ...(d.reason ? { reason: d.reason } : {}) };
    digestVerdicts.set(id(d), verdict);
    chainOf.set(verdict, chainKey(d.parsed));
  }
  const invalidate = (d: ObjectLocation, reason: string): void => {
    const v = digestVerdicts.get(id(d));
    if (v && v.status === 'valid') Object.assign(v, { status: 'invalid', reason });
  };
  const missing: FileVerdict[] = [];
  const gaps: ChainGap[] = [];
  const coverage: Array<{ scope: string; from: number; to: number; chain: string }> = [];

  // Chains: one per (prefix, org, account, source region, trail, home region), walked newest first.
  const groups = new Map<string, CheckedDigest[]>();
  for (const d of checked) {
    const g = chainKey(d.parsed);
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(d);
  }
  const byId = new Map(checked.map((d) => [id(d), d]));
  for (const [chainId, chain] of groups) {
    const missingOf = (loc: ObjectLocation, from: CheckedDigest): void => {
      const verdict = notFoundDigest(loc, from);
      chainOf.set(verdict, chainId);
      missing.push(verdict);
    };
    chain.sort((a, b) => b.parsed.endTime - a.parsed.endTime || (b.key < a.key ? -1 : 1));
    let expect: { loc: ObjectLocation; order: number; from: CheckedDigest } | undefined;
    let newerSegment: { start: string; oldest: CheckedDigest } | undefined;
    let segment: { newest: CheckedDigest; oldest: CheckedDigest } | undefined;
    const closeSegment = (): void => {
      if (!segment?.newest.body || !segment.oldest.body) return;
      const scope = scopeId(segment.newest.body.digestS3Bucket, segment.newest.parsed);
      coverage.push({ scope, from: Date.parse(segment.oldest.body.digestStartTime), to: Date.parse(segment.newest.body.digestEndTime), chain: chainId });
    };
    for (const d of chain) {
      if (expect && (expect.loc.bucket !== d.bucket || expect.loc.key !== d.key)) {
        if (d.parsed.endTime > expect.order || (d.parsed.endTime === expect.order && d.key > expect.loc.key)) {
          invalidate(d, `not part of the chain: s3://${expect.from.bucket}/${expect.from.key} names s3://${expect.loc.bucket}/${expect.loc.key} as its previous digest`);
          continue;
        }
        if (!byId.has(id(expect.loc))) missingOf(expect.loc, expect.from);
        expect = undefined;
      }
      if (expect) {
        linkCheck(expect.from, d, invalidate);
        segment!.oldest = d;
      } else {
        closeSegment();
        if (newerSegment && d.body) {
          const gap = { olderEnd: d.body.digestEndTime, newerStart: newerSegment.start };
          chainOf.set(gap, chainId);
          gaps.push(gap);
        }
        segment = { newest: d, oldest: d };
        runs.set(chainId, (runs.get(chainId) ?? 0) + 1);
      }
      const prevKey = d.valid ? d.body?.previousDigestS3Object : null;
      if (d.valid && prevKey && d.body?.previousDigestS3Bucket) {
        const loc = { bucket: d.body.previousDigestS3Bucket, key: prevKey };
        const parsed = parseDigestKey(prevKey);
        expect = { loc, order: parsed ? parsed.endTime : d.parsed.endTime, from: d };
      } else {
        expect = undefined;
        newerSegment = d.valid && d.body ? { start: d.body.digestStartTime, oldest: d } : undefined;
      }
    }
    closeSegment();
    if (expect) {
      const order = expect.order;
      const outOfRange = start !== undefined && order < start;
      if (!outOfRange && !byId.has(id(expect.loc)) && !(await source.get(expect.loc))) missingOf(expect.loc, expect.from);
    }
  }
  for (const e of options.expectedChainEnds ?? []) {
    if (!byId.has(id(e)) && !missing.some((m) => id(m) === id(e))) {
      const verdict: FileVerdict = { kind: 'digest', bucket: e.bucket, key: e.key, status: 'not-found', reason: 'not found (the newest digest of its chain was deleted)' };
      const parsed = parseDigestKey(e.key);
      if (parsed) chainOf.set(verdict, chainKey(parsed));
      missing.push(verdict);
    }
  }

  // Log files listed by valid digests.
  const referenced = new Set<string>();
  const toCheck: Array<{ loc: ObjectLocation; hash: string; chain: string }> = [];
  for (const d of checked) {
    for (const f of d.body?.logFiles ?? []) {
      const loc = { bucket: f.s3Bucket, key: f.s3Object };
      if (referenced.has(id(loc))) continue;
      referenced.add(id(loc));
      if (digestVerdicts.get(id(d))?.status === 'valid') toCheck.push({ loc, hash: f.hashValue, chain: chainKey(d.parsed) });
    }
  }
  const logVerdicts = await mapLimit(toCheck, options.concurrency ?? 4, ({ loc, hash }) => checkLogFile(loc, hash));
  toCheck.forEach((item, i) => chainOf.set(logVerdicts[i]!, item.chain));
  async function checkLogFile(loc: ObjectLocation, hash: string): Promise<FileVerdict> {
    const object = await source.get(loc);
    if (!object) return { kind: 'log', ...loc, status: 'not-found', reason: 'not found' };
    if (object.readError) return { kind: 'log', ...loc, status: 'invalid', reason: object.readError };
    const unzipped = await gunzipAndHash(object.body);
    if (!unzipped.ok) return { kind: 'log', ...loc, status: 'invalid', reason: unzipped.reason };
    if (unzipped.sha256 !== hash.toLowerCase()) return { kind: 'log', ...loc, status: 'invalid', reason: "hash value doesn't match" };
    return { kind: 'log', ...loc, status: 'valid' };
  }
  // Log files no digest lists, delivered while a chain was running for their folder: added after the fact.
  for (const l of logLocations) {
    if (referenced.has(id(l)) || sharedScopes.has(l.scope)) continue;
    if (start !== undefined && l.minute + 60_000 <= start) continue;
    if (end !== undefined && l.minute > end) continue;
    // Only minutes wholly inside a chain's windows: a file named in a boundary minute may belong to either side.
    const covered = coverage.find((c) => c.scope === l.scope && l.minute > c.from && l.minute + 60_000 <= c.to);
    if (covered) {
      const verdict: FileVerdict = { kind: 'log', bucket: l.bucket, key: l.key, status: 'invalid', reason: 'not listed in any digest (added after delivery)' };
      chainOf.set(verdict, covered.chain);
      logVerdicts.push(verdict);
    }
  }

  const digests = [...digestVerdicts.values(), ...missing];
  const chains = chainReports(groups, runs, chainOf, [...digests, ...logVerdicts], gaps);
  const summary = {
    digestsValid: digests.filter((v) => v.status === 'valid').length,
    digestsTotal: digests.length,
    logFilesValid: logVerdicts.filter((v) => v.status === 'valid').length,
    logFilesTotal: logVerdicts.length,
    chainsValid: chains.filter((c) => c.ok).length,
    chainsTotal: chains.length,
  };
  return {
    source: source.description,
    ...(options.trailArn ? { trailArn: options.trailArn } : {}),
    ...(start !== undefined ? { startTime: start } : {}),
    ...(end !== undefined ? { endTime: end } : {}),
    digests,
    logFiles: logVerdicts,
    gaps,
    chains,
    summary,
    ok: summary.digestsValid === summary.digestsTotal && summary.logFilesValid === summary.logFilesTotal,
  };
}

/** The chain a digest belongs to: one trail's digests for one key prefix, organization, account and region. */
function chainKey(p: ParsedDigestKey): string {
  return `${p.s3KeyPrefix ?? ''}|${p.organizationId ?? ''}|${p.accountId}|${p.region}|${p.trailName}|${p.homeRegion}`;
}

function chainReports(
  groups: Map<string, CheckedDigest[]>,
  runs: Map<string, number>,
  chainOf: Map<FileVerdict | ChainGap, string>,
  verdicts: FileVerdict[],
  gaps: ChainGap[],
): ChainReport[] {
  const reports = new Map<string, ChainReport>();
  for (const [key, digests] of groups) {
    const p = digests[0]!.parsed;
    reports.set(key, {
      bucket: digests[0]!.bucket,
      ...(p.s3KeyPrefix ? { s3KeyPrefix: p.s3KeyPrefix } : {}),
      ...(p.organizationId ? { organizationId: p.organizationId } : {}),
      accountId: p.accountId,
      region: p.region,
      trailName: p.trailName,
      homeRegion: p.homeRegion,
      ok: true,
      runs: runs.get(key) ?? 0,
      gaps: gaps.filter((g) => chainOf.get(g) === key),
      digests: { valid: 0, total: 0 },
      logFiles: { valid: 0, total: 0 },
    });
  }
  for (const v of verdicts) {
    const report = reports.get(chainOf.get(v) ?? '');
    if (!report) continue;
    const counts = v.kind === 'digest' ? report.digests : report.logFiles;
    counts.total++;
    if (v.status === 'valid') counts.valid++;
    else report.ok = false;
  }
  return [...reports.keys()].sort().map((k) => reports.get(k)!);
}

/** The newer digest `from` links to `older`: its recorded hash and signature of `older` must match. */
function linkCheck(from: CheckedDigest, older: CheckedDigest, invalidate: (d: ObjectLocation, reason: string) => void): void {
  // A modified or forged previous digest is already invalid on its own; do not blame the newer one too.
  if (!older.valid || !from.body) return;
  if (from.body.previousDigestSignature !== older.signature) {
    invalidate(from, `previousDigestSignature does not match the signature of the previous digest s3://${older.bucket}/${older.key}`);
  } else if (from.body.previousDigestHashValue?.toLowerCase() !== older.sha256) {
    invalidate(from, `previousDigestHashValue does not match the previous digest s3://${older.bucket}/${older.key}`);
  } else if (older.body && from.body.digestStartTime !== older.body.digestEndTime) {
    invalidate(from, `digestStartTime ${from.body.digestStartTime} does not follow the previous digest's end ${older.body.digestEndTime}`);
  }
}

function notFoundDigest(loc: ObjectLocation, from: CheckedDigest): FileVerdict {
  return { kind: 'digest', ...loc, status: 'not-found', reason: `not found (previous digest of s3://${from.bucket}/${from.key})` };
}

/** A source whose read failures (network, permissions) become a "could not read" verdict instead of a crash. */
function safeSource(source: ObjectSource): ObjectSource {
  return {
    description: source.description,
    list: () => source.list(),
    publicKeys: () => source.publicKeys(),
    async get(location) {
      try {
        return await source.get(location);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const failed: FetchedObject = { body: new Uint8Array(), metadata: undefined, readError: `could not read: ${message}` };
        return failed;
      }
    },
  };
}

function trustedKeys(list: ValidationPublicKey[]): Map<string, TrustedKey> {
  const map = new Map<string, TrustedKey>();
  for (const k of list) {
    try {
      const key = createPublicKey({ key: Buffer.from(k.value), format: 'der', type: 'pkcs1' });
      map.set(publicKeyFingerprint(k.value), { key, region: k.region });
    } catch {
      // Not a PKCS#1 key: digests naming it fail with "public key not found".
    }
  }
  return map;
}

function parseTrailArn(arn: string): { name: string; homeRegion: string } {
  const m = /^arn:[^:]+:cloudtrail:([^:]+):\d{12}:trail\/(.+)$/.exec(arn);
  if (!m) throw new LocalTrailConfigError('trailArn', `localtrail: not a trail ARN: ${arn}`);
  return { homeRegion: m[1]!, name: m[2]! };
}

function scopeId(bucket: string, p: { s3KeyPrefix?: string; organizationId?: string; accountId: string; region: string }): string {
  return `${bucket}|${p.s3KeyPrefix ?? ''}|${p.organizationId ?? ''}|${p.accountId}|${p.region}`;
}

function id(loc: ObjectLocation): string {
  return `${loc.bucket}/${loc.key}`;
}

function toTime(t: number | Date | undefined): number | undefined {
  return t === undefined ? undefined : typeof t === 'number' ? t : t.getTime();
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
