// The LocalTrail: one object that records SDK calls, holds the trail engine and owns delivery.
import type { Pluggable } from '@smithy/types';
import type { CloudTrailRecord } from './event/record.js';
import type { LocalTrailOptions, ResolvedLocalTrailOptions } from './localtrail-options.js';
import { resolveLocalTrailOptions } from './localtrail-options.js';
import type { Actor } from './recorder/call-context.js';
import { runAsActor } from './recorder/call-context.js';
import { getLocalTrailPlugin } from './recorder/middleware.js';
import type { RecordSink } from './recorder/recorder.js';
import { Recorder } from './recorder/recorder.js';
import { EventRing } from './recorder/event-ring.js';

/** Counters of what happened inside a LocalTrail; nothing is ever dropped silently. */
export interface LocalTrailStats {
  /** Records built from SDK calls. */
  recorded: number;
  /** Records pushed out of the in-memory ring by `maxEvents`. */
  droppedFromMemory: number;
  /** Failures inside localtrail (each also went to `onError`). */
  errors: number;
  /** SDK calls not recorded because recording was suppressed (localtrail's own delivery). */
  suppressed: number;
}

/**
 * An in-process CloudTrail. Create one with {@link createLocalTrail}, add `trail.plugin()` to any SDK v3 client.
 * @example
 * const trail = createLocalTrail();
 * s3.middlewareStack.use(trail.plugin());
 * await s3.send(new ListBucketsCommand({}));
 * trail.events()[0].eventName; // 'ListBuckets'
 */
export class LocalTrail implements RecordSink {
  readonly options: ResolvedLocalTrailOptions;
  private readonly ring: EventRing;
  /** @internal The recorder behind `plugin()`; exposed for `localTrailMiddleware(trail)`. */
  readonly recorder: Recorder;
  private readonly counters = { recorded: 0, errors: 0, suppressed: 0 };

  constructor(options: LocalTrailOptions = {}) {
    this.options = resolveLocalTrailOptions(options);
    this.ring = new EventRing(this.options.maxEvents);
    this.recorder = new Recorder(this.options, this);
  }

  /** The account records fall back to when credentials carry none. */
  get accountId(): string {
    return this.options.accountId;
  }

  /** The middleware plugin for `client.middlewareStack.use(...)`. Using it twice on one client records once. */
  plugin(): Pluggable<any, any> {
    return getLocalTrailPlugin(this);
  }

  /** Every record still in memory, oldest first, as plain JSON-serialisable objects. */
  events(): CloudTrailRecord[] {
    return this.ring.toArray();
  }

  /** Runs `fn` with `actor` as the application's acting end user for every SDK call inside it. */
  runAs<T>(actor: Actor, fn: () => T): T {
    return runAsActor(actor, fn);
  }

  stats(): LocalTrailStats {
    return { ...this.counters, droppedFromMemory: this.ring.dropped };
  }

  /** Forgets the in-memory records and counters (one trail per test, or `reset()` in `beforeEach`). */
  reset(): void {
    this.ring.clear();
    this.counters.recorded = 0;
    this.counters.errors = 0;
    this.counters.suppressed = 0;
  }

  /** Delivers everything queued. */
  async flush(): Promise<void> {}

  /** Delivers everything queued and closes digest chains. Run-once. */
  async shutdown(): Promise<void> {}

  /** @internal Called by the recorder with each finished record. */
  accept(record: CloudTrailRecord): void {
    this.counters.recorded++;
    this.ring.push(record);
  }

  /** @internal Called by the recorder for failures inside localtrail. */
  reportError(error: unknown, where: string): void {
    this.counters.errors++;
    try {
      this.options.onError(error, where);
    } catch {
      // A throwing onError must not reach the application either.
    }
  }

  /** @internal */
  countSuppressed(): void {
    this.counters.suppressed++;
  }
}

/** Creates a LocalTrail. See {@link LocalTrailOptions} for the options and their defaults. */
export function createLocalTrail(options?: LocalTrailOptions): LocalTrail {
  return new LocalTrail(options);
}
