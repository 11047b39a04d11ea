// `localtrail/vitest`: registers the matchers and the record snapshot serializer with vitest, and types them.
import { expect } from 'vitest';
import { localtrailMatchers } from './runner-matchers.js';
import { policyMatchers } from './policy-matchers.js';
import type { PolicyMatchers } from './policy-matchers.js';
import { recordSnapshotSerializer } from './snapshot.js';
import type { LocalTrailMatchers } from './types.js';

expect.extend(localtrailMatchers as unknown as Parameters<typeof expect.extend>[0]);
expect.extend(policyMatchers as unknown as Parameters<typeof expect.extend>[0]);
expect.addSnapshotSerializer(recordSnapshotSerializer as unknown as Parameters<typeof expect.addSnapshotSerializer>[0]);

declare module 'vitest' {
  // vitest's own declarations are `Matchers<T = any>` (3.2+) and `Assertion<T = any>` (all versions, for 3.0/3.1);
  // merged declarations must repeat their type parameters exactly.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends LocalTrailMatchers<void> {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Assertion<T = any> extends LocalTrailMatchers<void> {}
}

declare module 'vitest' {
  // The policy matcher (toNeedOnly), merged the same way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends PolicyMatchers<void> {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Assertion<T = any> extends PolicyMatchers<void> {}
}

export type { LocalTrailMatchers } from './types.js';
export { localtrailMatchers } from './runner-matchers.js';
