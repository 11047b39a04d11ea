// Drives Debian's Chromium headless over the DevTools protocol on a pipe (--remote-debugging-pipe): no npm driver.
// Messages are JSON, each ended by a NUL byte; we write commands to the browser's fd 3 and read replies from its fd 4.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The Chromium binary: $CHROMIUM, else the first of chromium / chromium-browser / google-chrome that runs. */
export function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM'], 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (probe.status === 0 && /Chrom/i.test(probe.stdout)) return candidate;
  }
  return undefined;
}

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export class Browser {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Listener[]>();
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) !== -1) {
        const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error.message));
          else waiter?.resolve(message.result ?? {});
        } else if (message.method) {
          for (const listener of this.listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
        }
      }
    });
  }

  static async launch(binary: string): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), 'localtrail-chromium-'));
    const child = spawn(
      binary,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--no-default-browser-check',
        '--hide-scrollbars',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const browser = new Browser(child, profile);
    await browser.send('Browser.getVersion');
    return browser;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    const input = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  on(method: string, listener: Listener): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /** A new tab of `width` × `height` CSS pixels, console and exceptions collected. */
  async newPage(width = 1280, height = 900): Promise<Page> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const page = new Page(this, sessionId);
    await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    await page.send('Log.enable');
    await page.send('Network.enable');
    return page;
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  /** Console errors, uncaught exceptions and error log entries (failed loads, CSP violations) of this tab. */
  readonly errors: string[] = [];
  /** Every URL the tab requested, in order. */
  readonly requests: string[] = [];
  private loaded: (() => void) | undefined;

  constructor(
    private readonly browser: Browser,
    private readonly sessionId: string,
  ) {
    browser.on('Runtime.consoleAPICalled', (params, session) => {
      if (session !== sessionId) return;
      if (params['type'] === 'error' || params['type'] === 'assert') {
        this.errors.push(`console.${String(params['type'])}: ${JSON.stringify((params['args'] as Array<{ value?: unknown; description?: string }>).map((a) => a.value ?? a.description))}`);
      }
    });
    browser.on('Runtime.exceptionThrown', (params, session) => {
      if (session !== sessionId) return;
      const details = params['exceptionDetails'] as { text?: string; exception?: { description?: string } };
      this.errors.push(`exception: ${details.exception?.description ?? details.text ?? 'unknown'}`);
    });
    browser.on('Log.entryAdded', (params, session) => {
      if (session !== sessionId) return;
      const entry = params['entry'] as { level: string; text: string; url?: string };
      if (entry.level === 'error') this.errors.push(`log: ${entry.text}${entry.url ? ` (${entry.url})` : ''}`);
    });
    browser.on('Network.requestWillBeSent', (params, session) => {
      if (session === sessionId) this.requests.push(String((params['request'] as { url: string }).url));
    });
    browser.on('Page.loadEventFired', (_params, session) => {
      if (session === sessionId) this.loaded?.();
    });
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.sessionId);
  }

  async goto(url: string): Promise<void> {
    const loaded = new Promise<void>((resolve) => (this.loaded = resolve));
    const result = (await this.send('Page.navigate', { url })) as { errorText?: string };
    if (result.errorText) throw new Error(`navigation to ${url} failed: ${result.errorText}`);
    await loaded;
  }

  /** Evaluates `expression` in the page (awaiting a promise) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const out = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: T };
      exceptionDetails?: { exception?: { description?: string }; text?: string };
    };
    if (out.exceptionDetails) throw new Error(`evaluate failed: ${out.exceptionDetails.exception?.description ?? out.exceptionDetails.text}`);
    return out.result.value as T;
  }

  /** Waits until `expression` is truthy in the page. */
  async waitFor(expression: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(`Boolean(${expression})`))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A PNG of the viewport, or of the whole page with `fullPage`. */
  async screenshot(path: string, fullPage = false): Promise<void> {
    const { data } = (await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: fullPage })) as { data: string };
    writeFileSync(path, Buffer.from(data, 'base64'));
  }

  /** Downloads go to `dir`; the returned function resolves with the path of the next finished download. */
  async allowDownloads(dir: string): Promise<() => Promise<string>> {
    const names = new Map<string, string>();
    const waiting: Array<(path: string) => void> = [];
    const finished: string[] = [];
    this.browser.on('Browser.downloadWillBegin', (params) => names.set(String(params['guid']), String(params['suggestedFilename'])));
    this.browser.on('Browser.downloadProgress', (params) => {
      if (params['state'] !== 'completed') return;
      const path = join(dir, names.get(String(params['guid'])) ?? '');
      const waiter = waiting.shift();
      if (waiter) waiter(path);
      else finished.push(path);
    });
    await this.browser.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
    return () => (finished.length > 0 ? Promise.resolve(finished.shift()!) : new Promise<string>((resolve) => waiting.push(resolve)));
  }
}
