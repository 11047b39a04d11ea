// `localtrail/jest`: registers the matchers and the record snapshot serializer with jest, and types them.
import { expect } from '@jest/globals';
import { localtrailMatchers } from './runner-matchers.js';
import { policyMatchers } from './policy-matchers.js';
import type { PolicyMatchers } from './policy-matchers.js';
import { recordSnapshotSerializer } from './snapshot.js';
import type { LocalTrailMatchers } from './types.js';

expect.extend(localtrailMatchers as unknown as Parameters<typeof expect.extend>[0]);
expect.extend(policyMatchers as unknown as Parameters<typeof expect.extend>[0]);
expect.addSnapshotSerializer(recordSnapshotSerializer as unknown as Parameters<typeof expect.addSnapshotSerializer>[0]);

declare module 'expect' {
  // Used by `import { expect } from '@jest/globals'`; merged declarations must repeat jest's type parameters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends LocalTrailMatchers<R> {}
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // Used by the global `expect` typed through @types/jest.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends LocalTrailMatchers<R> {}
  }
}

declare module 'expect' {
  // The policy matcher (toNeedOnly), merged the same way.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends PolicyMatchers<R> {}
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends PolicyMatchers<R> {}
  }
}

export type { LocalTrailMatchers } from './types.js';
export { localtrailMatchers } from './runner-matchers.js';
