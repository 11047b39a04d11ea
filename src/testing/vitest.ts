// `localtrail/vitest`: registers the matchers and the record snapshot serializer with vitest, and types them.
import { expect } from 'vitest';
import { localtrailMatchers } from './runner-matchers.js';
import { recordSnapshotSerializer } from './snapshot.js';
import type { LocalTrailMatchers } from './types.js';

expect.extend(localtrailMatchers as unknown as Parameters<typeof expect.extend>[0]);
expect.addSnapshotSerializer(recordSnapshotSerializer as unknown as Parameters<typeof expect.addSnapshotSerializer>[0]);

declare module 'vitest' {
  // vitest's own declaration is `Matchers<T = any>`; merged declarations must repeat it exactly.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends LocalTrailMatchers<void> {}
}

export type { LocalTrailMatchers } from './types.js';
export { localtrailMatchers } from './runner-matchers.js';
