// What the event-history page is told about the server it talks to (`GET /localtrail/info`).

/** One (account, region) event history: LookupEvents answers per caller account and signing region. */
export interface HistoryScope {
  accountId: string;
  region: string;
  /** Management events held. */
  events: number;
  /** Insights events held. */
  insights: number;
}

/** The integrity of delivered files as the page shows it. */
export interface IntegritySummary {
  ok: boolean;
  digestsValid: number;
  digestsTotal: number;
  logFilesValid: number;
  logFilesTotal: number;
}

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
