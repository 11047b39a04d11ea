// What the event-history page is told about the server it talks to (`GET /localtrail/info`).

/**
 * One (account, region) event history: LookupEvents answers per caller account and signing region.
 * @example
 * const info = (await (await fetch(`${server.url}/localtrail/info`)).json()) as PageInfo;
 * info.scopes; // [{ accountId: '111122223333', region: 'us-east-1', events: 42, insights: 0 }]
 */
export interface HistoryScope {
  accountId: string;
  region: string;
  /** Management events held. */
  events: number;
  /** Insights events held. */
  insights: number;
}

/**
 * The integrity of delivered files as the page shows it.
 * @example
 * const server = await serveRecords(source);
 * if (server.integrity && !server.integrity.ok) console.log(`${server.integrity.logFilesValid}/${server.integrity.logFilesTotal} log files valid`);
 */
export interface IntegritySummary {
  ok: boolean;
  digestsValid: number;
  digestsTotal: number;
  logFilesValid: number;
  logFilesTotal: number;
}

/**
 * What the event-history page is told about the server (`GET /localtrail/info`).
 * @example
 * const info = (await (await fetch(`${server.url}/localtrail/info`)).json()) as PageInfo;
 * info.mode; // 'live' for trail.listen(), 'files' for serveRecords
 */
export interface PageInfo {
  /** `live`: a LocalTrail's engine, events arrive while the page is open; `files`: delivered log files, fixed. */
  mode: 'live' | 'files';
  /** What is served, e.g. the folder. */
  description: string;
  /** The scope the page opens with. */
  defaultScope: { accountId: string; region: string };
  scopes: HistoryScope[];
  integrity?: IntegritySummary;
}
