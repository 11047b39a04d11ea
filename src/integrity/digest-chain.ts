// The digest chain of one (trail, region, account): collects delivered log files and cuts signed, linked digests.
import type { DeliveryTrail } from '../engine/delivery-port.js';
import { digestFileKey } from '../vocabulary/object-keys.js';
import { cloudTrailTime } from '../vocabulary/time.js';
import type { DigestLogFile, PreviousDigest, SignedDigest } from './digest-file.js';
import { signDigest } from './digest-file.js';
import type { SigningKeyRing } from './signing-keys.js';

/** A signed digest and where it goes. */
export interface CutDigest {
  bucket: string;
  key: string;
  endTime: number;
  signed: SignedDigest;
}

/**
 * One chain: the first digest has null `previousDigest*` fields, each later one points at the one before.
 * @example
 * const chain = new DigestChain(startedAt);
 * chain.add(logFileEntry);
 * const { bucket, key, signed } = await chain.cut(startedAt + 3600_000, trail, 'us-east-1', acct, keyRing);
 */
export class DigestChain {
  private logFiles: DigestLogFile[] = [];
  private previous: PreviousDigest | undefined;

  /** `lastEndSecond`: the end second of an earlier chain of the same channel, so keys never collide with it. */
  constructor(
    private start: number,
    private lastEndSecond?: number,
  ) {}

  /** End second of the newest digest cut (epoch seconds). */
  get latestEndSecond(): number | undefined {
    return this.lastEndSecond;
  }

  /** Start of the current window (epoch ms). */
  get windowStart(): number {
    return this.start;
  }

  /** The newest digest cut so far. */
  get latest(): PreviousDigest | undefined {
    return this.previous;
  }

  /** Log files delivered in the current window so far. */
  get pendingLogFiles(): number {
    return this.logFiles.length;
  }

  /** Records a log file delivered in the current window. */
  add(entry: DigestLogFile): void {
    this.logFiles.push(entry);
  }

  /**
   * Signs the digest of the window ending at `end` and starts the next window there. `afterSecond`: the end second of
   * the channel's newest digest from any chain (an earlier chain may have closed after this one was opened).
   */
  async cut(end: number, trail: DeliveryTrail, region: string, accountId: string, keys: SigningKeyRing, afterSecond?: number): Promise<CutDigest> {
    // Digest keys have second precision: two digests in one second would overwrite each other.
    let endTime = Math.max(end, this.start);
    const last = Math.max(this.lastEndSecond ?? -Infinity, afterSecond ?? -Infinity);
    if (Number.isFinite(last) && Math.floor(endTime / 1000) <= last) endTime = (last + 1) * 1000;
    const files = this.logFiles;
    this.logFiles = [];
    const bucket = trail.s3BucketName;
    const key = digestFileKey(
      {
        accountId,
        region,
        ...(trail.s3KeyPrefix ? { s3KeyPrefix: trail.s3KeyPrefix } : {}),
        ...(trail.organizationId ? { organizationId: trail.organizationId } : {}),
      },
      trail.name,
      trail.homeRegion,
      endTime,
    );
    let signed: SignedDigest;
    try {
      const signingKey = await keys.keyFor(region, endTime);
      signed = signDigest(
        { accountId, startTime: cloudTrailTime(this.start), endTime: cloudTrailTime(endTime), bucket, key, logFiles: files, previous: this.previous },
        signingKey,
      );
    } catch (error) {
      this.logFiles = files.concat(this.logFiles);
      throw error;
    }
    this.previous = { bucket, key, sha256: signed.sha256, signature: signed.signature };
    this.lastEndSecond = Math.floor(endTime / 1000);
    this.start = endTime;
    return { bucket, key, endTime, signed };
  }
}
