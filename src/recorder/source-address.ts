// The default sourceIPAddress: this host's primary address (the public one is unknowable in-process).
import { networkInterfaces } from 'node:os';

let cached: string | undefined;

/** First non-internal IPv4 address of this host, else `127.0.0.1`. Looked up once per process. */
export function primaryIpAddress(): string {
  if (cached !== undefined) return cached;
  cached = '127.0.0.1';
  try {
    for (const addresses of Object.values(networkInterfaces())) {
      const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
      if (found) {
        cached = found.address;
        break;
      }
    }
  } catch {
    // Sandboxes may forbid the lookup; loopback is an honest answer then.
  }
  return cached;
}
