// The digest chains of one channel over time: a chain opens with logging (validation on), a digest is due every
// `digestIntervalMillis` on the injectable clock, a closing chain ends with a final digest. Remembers the newest digest
// cut, which a later chain's keys must follow and which the validator is told to expect.
import type { Clock, TimerHandle } from '../clock/clock.js';
import { DigestChain } from '../integrity/digest-chain.js';
import type { PreviousDigest } from '../integrity/digest-file.js';
import type { SigningKeyRing } from '../integrity/signing-keys.js';
import type { ChannelPlace } from './channel-host.js';
import type { DeliveryObject } from './sink.js';

export class DigestSchedule {
  private timer: TimerHandle | undefined;
  private open: DigestChain | undefined;
  private latestDigest: PreviousDigest | undefined;
  private latestSecond: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMillis: number,
    /** A digest of `chain` ending at `end` is due. */
    private readonly digestDue: (chain: DigestChain, end: number) => void,
  ) {}

  /** The chain open now, if any. */
  get chain(): DigestChain | undefined {
    return this.open;
  }

  /** The newest digest cut, over all chains. */
  get latest(): PreviousDigest | undefined {
    return this.latestDigest;
  }

  /** Opens a chain at `at` (its first digest is a starting digest: previous fields null). */
  start(at: number): void {
    this.open = new DigestChain(at, this.latestSecond);
    this.schedule(at + this.intervalMillis);
  }

  /** Takes the open chain out and stops its timer: it is about to end with a final digest. */
  detach(): DigestChain | undefined {
    this.stopTimer();
    const chain = this.open;
    this.open = undefined;
    return chain;
  }

  /** Signs the digest of `chain` ending at `end`, as the object to deliver. */
  async cut(chain: DigestChain, end: number, place: ChannelPlace, keys: SigningKeyRing): Promise<DeliveryObject> {
    const { trail, region, accountId } = place;
    const { bucket, key, signed } = await chain.cut(end, trail, region, accountId, keys, this.latestSecond);
    this.latestDigest = { bucket, key, sha256: signed.sha256, signature: signed.signature };
    this.latestSecond = chain.latestEndSecond;
    return {
      kind: 'digest',
      bucket,
      key,
      body: signed.gzip,
      metadata: signed.metadata,
      ...(trail.kmsKeyId ? { kmsKeyId: trail.kmsKeyId } : {}),
      trailArn: trail.arn,
    };
  }

  private schedule(due: number): void {
    this.stopTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      const chain = this.open;
      if (!chain) return;
      this.schedule(due + this.intervalMillis);
      this.digestDue(chain, due);
    }, Math.max(0, due - this.clock.now()));
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
