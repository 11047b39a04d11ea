// Serves the event-history page's three files, with a policy that lets it load nothing from anywhere else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAGE_HTML } from './page-html.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_CSS } from './page-style.js';

/** Everything from this server only; no inline script, no framing. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ASSETS: Record<string, { type: string; body: Buffer }> = {
  '/': { type: 'text/html; charset=utf-8', body: Buffer.from(PAGE_HTML, 'utf8') },
  '/localtrail/page.js': { type: 'text/javascript; charset=utf-8', body: Buffer.from(PAGE_SCRIPT, 'utf8') },
  '/localtrail/page.css': { type: 'text/css; charset=utf-8', body: Buffer.from(PAGE_CSS, 'utf8') },
};

/** Answers a GET or HEAD for `path`: one of the page's files, or 404. */
export function servePageAsset(path: string, req: IncomingMessage, res: ServerResponse): void {
  const asset = ASSETS[path === '/index.html' ? '/' : path];
  if (asset === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': '10' }).end(req.method === 'HEAD' ? undefined : 'Not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': String(asset.body.length),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}
