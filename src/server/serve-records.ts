// serveRecords: the CloudTrail API (read operations) and the event-history page over records read from a source.
import { ManualClock } from '../clock/manual-clock.js';
import { TrailEngine } from '../engine/trail-engine.js';
import type { CloudTrailRecord, EventCategory } from '../vocabulary/record.js';
import type { ListenOptions, LocalTrailServer } from './http-server.js';
import { startServer } from './http-server.js';
import type { IntegritySummary } from './page-info.js';
import type { TrailRecordSource } from './record-source.js';

export interface ServeRecordsOptions extends ListenOptions {
  /** Event history kept per (account, region); older events are left out. Default 1,000,000. */
  maxEvents?: number;
}

export interface RecordsServer extends LocalTrailServer {
  /** Records read from the source (data events included, though LookupEvents, like CloudTrail's, returns none). */
  readonly records: number;
  /** Records left out: not objects, or without eventTime, recipientAccountId or awsRegion. */
  readonly skipped: number;
  readonly integrity?: IntegritySummary;
}

/** Records before eventVersion 1.08 carry no eventCategory; the history keeps Management and Insight ones. */
function categoryOf(record: CloudTrailRecord): EventCategory {
  if (record.eventType === 'AwsCloudTrailInsight') return 'Insight';
  return record.managementEvent === false ? 'Data' : 'Management';
}

/**
 * Reads every record of `source` into an event history and serves it: LookupEvents, the read operations of the
 * control plane, and the event-history page. Time stands at the newest record, so a folder from last year shows
 * its events (the 90 days before its newest one, as CloudTrail's event history would have).
 * @example
 * const server = await serveRecords({ description: 'fixtures', records: () => records }, { port: 0 });
 * // aws cloudtrail lookup-events --endpoint-url <server.url>
 * await server.close();
 */
export async function serveRecords(source: TrailRecordSource, options: ServeRecordsOptions = {}): Promise<RecordsServer> {
  const held: CloudTrailRecord[] = [];
  let skipped = 0;
  for await (const record of source.records()) {
    // A record without the fields the history is keyed and ordered by cannot be looked up; it is counted instead.
    if (record === null || typeof record !== 'object' || typeof record.eventTime !== 'string' || typeof record.recipientAccountId !== 'string' || typeof record.awsRegion !== 'string') {
      skipped++;
      continue;
    }
    held.push(record.eventCategory ? record : { ...record, eventCategory: categoryOf(record) });
  }
  // CloudTrail's time format sorts as text; arrival order breaks ties, as in the live history.
  held.sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
  const newest = held.length > 0 ? Date.parse(held[held.length - 1]!.eventTime) : Number.NaN;
  const clock = new ManualClock(Number.isNaN(newest) ? Date.now() : newest + 1000);
  const scope = busiestScope(held);
  const engine = new TrailEngine({ clock, accountId: scope.accountId, region: scope.region, maxHistoryEvents: options.maxEvents ?? 1_000_000 });
  for (const record of held) engine.accept(record);
  const count = held.length;
  held.length = 0;
  const report = source.integrity ? await source.integrity() : undefined;
  const integrity: IntegritySummary | undefined = report ? { ok: report.ok, ...report.summary } : undefined;
  const server = await startServer(
    {
      engine,
      readOnly: true,
      info: () => ({ mode: 'files', description: source.description, defaultScope: scope, scopes: engine.historyScopes(), ...(integrity ? { integrity } : {}) }),
    },
    options,
  );
  return { ...server, records: count, skipped, ...(integrity ? { integrity } : {}) };
}

/** The (account, region) with the most records: where the page opens. */
function busiestScope(records: readonly CloudTrailRecord[]): { accountId: string; region: string } {
  const counts = new Map<string, number>();
  let best = '123456789012/us-east-1';
  let bestCount = 0;
  for (const r of records) {
    const key = `${r.recipientAccountId}/${r.awsRegion}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  const slash = best.indexOf('/');
  return { accountId: best.slice(0, slash), region: best.slice(slash + 1) };
}
