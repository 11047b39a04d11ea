// The event-history page and the HTML report in a real browser (Debian's Chromium, headless, driven over the DevTools
// pipe): they show the numbers the records give, page stably while events arrive, download what the filter matches,
// log no console errors and load nothing from elsewhere. Screenshots go to $LOCALTRAIL_SCREENSHOTS (default: a
// folder under the OS temp dir, printed). Skips loudly without Chromium; under CI=true that is a failure.
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredRecords } from '../../src/cli/delivered-records.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { folderSource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import type { LocalTrail } from '../../src/localtrail.js';
import { createReport } from '../../src/report/create-report.js';
import { identityLabel } from '../../src/report/report-data.js';
import type { LocalTrailServer } from '../../src/server/http-server.js';
import { serveRecords } from '../../src/server/serve-records.js';
import { REQUIRED } from '../support/aws-cli.js';
import { Browser, findChromium } from '../support/chromium.js';
import type { Page } from '../support/chromium.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';
import { ACCOUNT, scenario } from './scenario.js';

const chromium = findChromium();
if (!chromium && REQUIRED) {
  describe('Chromium under CI', () => {
    it('is installed', () => {
      expect.fail('Chromium must be installed on CI (.ci/run: apt-get install -y chromium)');
    });
  });
} else if (!chromium) {
  console.warn('\n*** SKIPPED test/server/browser.spec.ts: Chromium is not installed (apt-get install chromium); CI=true makes this a failure ***\n');
}

const shots = process.env['LOCALTRAIL_SCREENSHOTS'] ?? join(tmpdir(), 'localtrail-screenshots');
let dir: string;
let trail: LocalTrail;
let recorded: CloudTrailRecord[];
let browser: Browser;
let live: LocalTrailServer;

beforeAll(async () => {
  if (!chromium) return;
  mkdirSync(shots, { recursive: true });
  console.info(`screenshots: ${shots}`);
  dir = mkdtempSync(join(tmpdir(), 'localtrail-browser-'));
  const s = scenario(join(dir, 'trail'));
  trail = s.trail;
  recorded = await s.run();
  live = await trail.listen({ port: 0 });
  browser = await Browser.launch(chromium);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await live?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the default scope's event history holds, newest first: management events of us-east-1. */
function history(records: CloudTrailRecord[]): CloudTrailRecord[] {
  return records.filter((r) => r.eventCategory === 'Management' && r.awsRegion === 'us-east-1' && r.recipientAccountId === ACCOUNT).reverse();
}

async function open(url: string): Promise<Page> {
  const page = await browser.newPage(1280, 900);
  await page.goto(url);
  await page.waitFor(`document.body.dataset.ready === 'true' && !document.querySelector('#summary').textContent.startsWith('Loading')`);
  return page;
}

const rowIds = (page: Page) => page.evaluate<string[]>(`[...document.querySelectorAll('#rows tr')].map((tr) => tr.dataset.eventId)`);

describe.skipIf(!chromium)('the event-history page of a live trail', () => {
  it('opens newest first with read/write and error markers, and a record as formatted JSON', async () => {
    const page = await open(`${live.url}/`);
    const expected = history(recorded).slice(0, 50);
    expect(await rowIds(page)).toEqual(expected.map((r) => r.eventID));
    expect(await page.evaluate('document.querySelector("#summary").textContent')).toBe('Events 1–50 (more on the next page)');
    const markers = await page.evaluate<Array<[string, string]>>(`[...document.querySelectorAll('#rows tr')].map((tr) => [tr.cells[6].textContent, tr.cells[7].textContent])`);
    expect(markers).toEqual(expected.map((r) => [r.readOnly ? 'read' : 'write', r.errorCode ?? 'success']));
    expect(markers.some(([, outcome]) => outcome === 'EntityAlreadyExistsException')).toBe(true);
    const scopes = await page.evaluate<string[][]>(`[...document.querySelectorAll('#scope option')].map((o) => [o.textContent, o.title])`);
    expect(scopes.sort()).toEqual([
      [`eu-west-1 · ${ACCOUNT}`, `${recorded.filter((r) => r.eventCategory === 'Management' && r.awsRegion === 'eu-west-1').length} management events, 0 Insights events`],
      [`us-east-1 · ${ACCOUNT}`, `${history(recorded).length} management events, ${(await trail.lookupEvents({ EventCategory: 'insight' })).Events!.length} Insights events`],
    ]);
    await page.screenshot(join(shots, 'page-live.png'));

    const failed = expected.find((r) => r.errorCode)!;
    await page.evaluate(`document.querySelector('#rows tr[data-event-id="${failed.eventID}"]').click()`);
    await page.waitFor(`!document.querySelector('#detail').hidden`);
    expect(JSON.parse(await page.evaluate<string>(`document.querySelector('#detail-json').textContent`))).toEqual(failed);
    expect(await page.evaluate(`document.querySelector('#detail-json').textContent`)).toBe(JSON.stringify(failed, null, 2));
    expect(await page.evaluate<string>('location.search')).toContain(`event=${failed.eventID}`);
    await page.screenshot(join(shots, 'page-live-record.png'));
    expect(page.errors).toEqual([]);
    // Nothing but this server (data: URLs are the browser's own, e.g. the date picker's icon).
    expect(page.requests.filter((u) => !u.startsWith(live.url) && !u.startsWith('data:'))).toEqual([]);
  }, 60_000);

  it('filters by one attribute and a time range, and pages stay put while new events arrive', async () => {
    const page = await open(`${live.url}/`);
    await page.evaluate(`(() => {
      document.querySelector('#attribute').value = 'EventName';
      document.querySelector('#value').value = 'CreateUser';
      document.querySelector('#start').value = '2026-03-01T13:05:00';
      document.querySelector('#end').value = '2026-03-01T14:00:00';
      document.querySelector('#apply').click();
    })()`);
    await page.waitFor(`new URLSearchParams(location.search).get('value') === 'CreateUser' && !document.querySelector('#summary').textContent.startsWith('Loading')`);
    const from = Date.parse('2026-03-01T13:05:00Z');
    const to = Date.parse('2026-03-01T14:00:00Z');
    const matching = history(recorded).filter((r) => r.eventName === 'CreateUser' && Date.parse(r.eventTime) >= from && Date.parse(r.eventTime) <= to);
    expect(matching.length).toBeGreaterThan(50);
    expect(await rowIds(page)).toEqual(matching.slice(0, 50).map((r) => r.eventID));
    await page.evaluate(`document.querySelector('#next').click()`);
    await page.waitFor(`document.querySelector('#page-number').textContent === 'Page 2' && !document.querySelector('#summary').textContent.startsWith('Loading')`);
    expect(await rowIds(page)).toEqual(matching.slice(50, 100).map((r) => r.eventID));

    // Up to now, then page 2; a new CreateUser arrives: the page says so, and neither page moves.
    await page.evaluate(`(() => { document.querySelector('#end').value = ''; document.querySelector('#apply').click(); })()`);
    await page.waitFor(`!new URLSearchParams(location.search).has('end') && !document.querySelector('#summary').textContent.startsWith('Loading')`);
    const upToNow = history(trail.events()).filter((r) => r.eventName === 'CreateUser' && Date.parse(r.eventTime) >= from);
    const pageOne = await rowIds(page);
    expect(pageOne).toEqual(upToNow.slice(0, 50).map((r) => r.eventID));
    await page.evaluate(`document.querySelector('#next').click()`);
    await page.waitFor(`document.querySelector('#page-number').textContent === 'Page 2' && !document.querySelector('#summary').textContent.startsWith('Loading')`);
    const pageTwo = await rowIds(page);
    expect(pageTwo).toEqual(upToNow.slice(50, 100).map((r) => r.eventID));
    const iam = new IAMClient({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'text/xml' }, body: '<CreateUserResponse><CreateUserResult/></CreateUserResponse>' })) });
    iam.middlewareStack.use(trail.plugin());
    await iam.send(new CreateUserCommand({ UserName: 'late-arrival' }));
    await page.waitFor(`!document.querySelector('#new-events').hidden`, 15_000);
    expect(await rowIds(page)).toEqual(pageTwo);
    await page.evaluate(`document.querySelector('#prev').click()`);
    await page.waitFor(`document.querySelector('#page-number').textContent === 'Page 1'`);
    expect(await rowIds(page)).toEqual(pageOne);
    await page.screenshot(join(shots, 'page-new-events.png'));
    await page.evaluate(`document.querySelector('#show-newest').click()`);
    await page.waitFor(`document.querySelector('#new-events').hidden && !document.querySelector('#summary').textContent.startsWith('Loading')`);
    expect((await rowIds(page))[0]).toBe(trail.events().at(-1)!.eventID);
    expect(page.errors).toEqual([]);
  }, 60_000);

  it('downloads the filtered events as JSON and CSV, every page of them', async () => {
    const page = await open(`${live.url}/?account=${ACCOUNT}&region=us-east-1&attribute=Username&value=alice`);
    const downloads = join(dir, 'downloads');
    mkdirSync(downloads, { recursive: true });
    const next = await page.allowDownloads(downloads);
    const alice = history(trail.events()).filter((r) => r.userIdentity?.userName === 'alice');
    expect(alice.length).toBeGreaterThan(50);

    await page.evaluate(`document.querySelector('#download-json').click()`);
    const json = JSON.parse(readFileSync(await next(), 'utf8')) as { Records: CloudTrailRecord[] };
    expect(json.Records.map((r) => r.eventID)).toEqual(alice.map((r) => r.eventID));
    expect(json.Records[0]).toEqual(alice[0]);

    await page.evaluate(`document.querySelector('#download-csv').click()`);
    const csv = readFileSync(await next(), 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('"Event ID","Event time","User name","Event name","Resource type","Resource name","AWS access key","Event source","AWS region","Source IP address","Read-only","Error code"');
    expect(csv).toHaveLength(alice.length + 1);
    const failed = alice.find((r) => r.errorCode)!;
    expect(csv).toContain(
      [failed.eventID, failed.eventTime, 'alice', 'CreateUser', 'AWS::IAM::User', 'taken', failed.userIdentity!.accessKeyId, 'iam.amazonaws.com', 'us-east-1', failed.sourceIPAddress, 'false', 'EntityAlreadyExistsException']
        .map((v) => `"${v}"`)
        .join(','),
    );
    expect(page.errors).toEqual([]);
  }, 60_000);
});

describe.skipIf(!chromium)('the page over delivered files, and the report', () => {
  let files: Awaited<ReturnType<typeof serveRecords>>;
  let delivered: CloudTrailRecord[];

  beforeAll(async () => {
    await trail.shutdown();
    delivered = [];
    for await (const r of deliveredRecords(join(dir, 'trail')).records()) delivered.push(r);
    delivered.sort((a, b) => a.eventTime.localeCompare(b.eventTime));
    files = await serveRecords(deliveredRecords(join(dir, 'trail')), { port: 0 });
  }, 60_000);

  afterAll(() => files?.close());

  it('shows the folder, its integrity verdict and its events', async () => {
    const page = await open(`${files.url}/`);
    const { summary } = await validateLogs({ source: folderSource(join(dir, 'trail')) });
    expect(await page.evaluate('document.querySelector("#integrity").textContent')).toBe(
      `Integrity valid: ${summary.digestsValid}/${summary.digestsTotal} digests, ${summary.logFilesValid}/${summary.logFilesTotal} log files`,
    );
    expect(await page.evaluate('document.querySelector("#mode").textContent')).toBe('delivered files');
    const newest = history(delivered);
    expect((await rowIds(page)).slice(0, 3)).toEqual(newest.slice(0, 3).map((r) => r.eventID));
    await page.evaluate(`(() => { document.querySelector('#category').value = 'insight'; document.querySelector('#category').dispatchEvent(new Event('change')); document.querySelector('#apply').click(); })()`);
    await page.waitFor(`new URLSearchParams(location.search).get('category') === 'insight' && !document.querySelector('#summary').textContent.startsWith('Loading')`);
    expect(await page.evaluate<string[][]>(`[...document.querySelectorAll('#rows tr')].map((tr) => [...tr.cells].map((c) => c.textContent))`)).toEqual([
      ['CreateUser', '2026-03-01 14:01:00', '', 'iam.amazonaws.com', '', '', 'ApiCallRateInsight', 'End'],
      ['CreateUser', '2026-03-01 14:00:00', '', 'iam.amazonaws.com', '', '', 'ApiCallRateInsight', 'Start'],
    ]);
    await page.screenshot(join(shots, 'page-files-insights.png'));
    expect(page.errors).toEqual([]);
  }, 60_000);

  it('the report file shows the numbers the records give, draws its charts and loads nothing else', async () => {
    const { html } = await createReport(deliveredRecords(join(dir, 'trail')), { title: 'localtrail activity report' });
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const page = await browser.newPage(1280, 900);
    await page.goto(pathToFileURL(file).href);
    const stat = (name: string) => page.evaluate<string>(`document.querySelector('[data-stat="${name}"]').textContent`);
    const calls = delivered.filter((r) => r.eventCategory !== 'Insight');
    expect(await stat('records')).toBe(String(delivered.length));
    expect(await stat('calls')).toBe(String(calls.length));
    expect(await stat('errors')).toBe(String(calls.filter((r) => r.errorCode).length));
    expect(await stat('identities')).toBe(String(new Set(calls.map(identityLabel)).size));
    expect(await stat('services')).toBe(String(new Set(calls.map((r) => r.eventSource)).size));
    expect(await stat('insight-events')).toBe('2');
    expect(await stat('management')).toBe(String(calls.filter((r) => r.eventCategory === 'Management').length));
    expect(await stat('data')).toBe(String(calls.filter((r) => r.eventCategory === 'Data').length));
    expect(await stat('integrity')).toBe('valid');
    // Every call is in one column of the drawn timeline: the tooltips add up to the calls.
    const columns = await page.evaluate<string[]>(`[...document.querySelectorAll('svg[aria-label="Calls over time"] title')].map((t) => t.textContent)`);
    const sums = columns.map((t) => /: (\d+) management, (\d+) data, (\d+) failed/.exec(t)!.slice(1).map(Number));
    expect(sums.reduce((n, [m, d]) => n + m! + d!, 0)).toBe(calls.length);
    expect(sums.reduce((n, [, , f]) => n + f!, 0)).toBe(calls.filter((r) => r.errorCode).length);
    const aliceRow = await page.evaluate<string[]>(`[...document.querySelector('[data-identity="alice"]').cells].map((c) => c.textContent)`);
    expect(aliceRow).toEqual(['alice', String(calls.filter((r) => identityLabel(r) === 'alice').length), String(calls.filter((r) => identityLabel(r) === 'alice' && r.readOnly === false).length), String(calls.filter((r) => identityLabel(r) === 'alice' && r.errorCode).length)]);
    await page.screenshot(join(shots, 'report.png'), true);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(file).href]);
  }, 60_000);
});
