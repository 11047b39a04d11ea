// Which Host headers a loopback-only server answers to: the defence against DNS rebinding from a web page.

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A browser that a hostile page re-pointed at 127.0.0.1 still sends that page's host name, so a loopback server
 * answers only to loopback names. A request without a Host header (HTTP/1.0 tools) is not from a browser.
 */
export function isAllowedHost(header: string | undefined): boolean {
  if (header === undefined || header === '') return true;
  const name = header.startsWith('[') ? header.slice(1, header.indexOf(']')) : header.replace(/:\d*$/, '');
  return isLoopbackHost(name.toLowerCase()) || name.toLowerCase().endsWith('.localhost');
}
