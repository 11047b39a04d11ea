// Every export of the package root carries TSDoc with an example, and every public LocalTrail method a doc an editor
// shows on hover (its own, or the one it inherits from CloudTrailControlPlane).
import { describe, expect, it } from 'vitest';
import { analyse } from './public-surface.js';

describe('TSDoc on the public surface', () => {
  const result = analyse();

  it('has a doc and an @example on every root export', () => {
    expect(result.count).toBeGreaterThan(150);
    expect(result.missing).toEqual([]);
  });

  it('documents every public LocalTrail member, the 18 control-plane methods included', () => {
    expect(result.members).toEqual(expect.arrayContaining(['createTrail', 'lookupEvents', 'listPublicKeys', 'plugin', 'events']));
    expect(result.undocumented).toEqual([]);
  });
});
