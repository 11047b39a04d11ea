// Which Recorder records for a LocalTrail: attached under a registered symbol, so it stays off the LocalTrail's
// public type while localTrailMiddleware(trail), getLocalTrailPlugin(trail) and recordMockedCalls(trail) reach it.
import { LocalTrailConfigError } from '../vocabulary/config-error.js';
import type { Recorder } from './recorder.js';

// Symbol.for, not a module-private WeakMap: a LocalTrail made by the ESM build still works with the CommonJS build's
// entries (an application that both imports and requires localtrail).
const RECORDER = Symbol.for('localtrail.recorder');

/** Attaches `recorder` to `owner` (non-enumerable, read-only): done once, by the LocalTrail's constructor. */
export function attachRecorder(owner: object, recorder: Recorder): void {
  Object.defineProperty(owner, RECORDER, { value: recorder, enumerable: false, writable: false, configurable: false });
}

/** The recorder attached to `owner`; a LocalTrailConfigError when `owner` is not a LocalTrail. */
export function recorderOf(owner: object): Recorder {
  const recorder = (owner as { [RECORDER]?: Recorder })[RECORDER];
  if (recorder === undefined) throw new LocalTrailConfigError('trail', 'Expected a LocalTrail (from createLocalTrail()).');
  return recorder;
}
