// Delivery options (OpenTelemetry BatchSpanProcessor names and semantics where they apply), defaults, validation.
import type { SigningKeyInput } from '../integrity/signing-keys.js';
import { MAX_LOG_FILE_BYTES } from '../vocabulary/defaults.js';
import type { GzipEngine } from './gzip-stream.js';
import { DEFAULT_GZIP_LEVEL } from './gzip-stream.js';
import type { DeliverySink } from './sink.js';
import { LocalTrailConfigError } from '../vocabulary/config-error.js';
import type { DeliveryDestination } from './destinations/destination.js';
import { validateDestinations } from './destinations/destination-set.js';

/**
 * The `delivery` option: sinks, batching (OpenTelemetry's names), retries, signing keys and gzip. All optional.
 * @example
 * createLocalTrail({
 *   delivery: { sinks: [new FilesystemSink({ root: './.localtrail' })], scheduledDelayMillis: 60_000, gzip: 'zlib' },
 * });
 */
export interface DeliveryOptions {
  /** Where log files and digests go. Every object goes to every sink. Default: none (records stay in memory). */
  sinks?: DeliverySink[];
  /** Records waiting per (trail, region, account), including those in undelivered files; beyond it new records are dropped and counted. Default 100,000. */
  maxQueueSize?: number;
  /** A queue this long is cut into a file at once, without waiting for the timer; also the most records per file. Default 10,000. */
  maxExportBatchSize?: number;
  /** Delay between a record's arrival and its file's delivery. Default 300,000 (5 minutes, as CloudTrail). */
  scheduledDelayMillis?: number;
  /** How long (real time) one sink may take to store one object before the attempt counts as failed. Default 30,000. */
  exportTimeoutMillis?: number;
  /** Largest compressed file. Default 50 MB (CloudTrail's bound). */
  maxFileBytes?: number;
  /** First retry delay after a failed delivery; doubles up to `retryMaxDelayMillis`. Default 1,000. */
  retryInitialDelayMillis?: number;
  /** Default 60,000. */
  retryMaxDelayMillis?: number;
  /** Delivery attempts per undelivered object during `shutdown()`. Default 3. */
  shutdownAttempts?: number;
  /** Digest window. Default 3,600,000 (hourly, as CloudTrail). */
  digestIntervalMillis?: number;
  /** Signing keys per region (PKCS#8 PEM, private JWK or KeyObject); other regions get generated keys. */
  signingKeys?: Record<string, SigningKeyInput>;
  /** Gzip implementation: `'zlib'` (Node's, in the thread pool; default) or `'fflate'` (pure JS, chunked). */
  gzip?: GzipEngine;
  /** Gzip level 1–9. Default 6. */
  gzipLevel?: number;
  /** Beside the sinks: CloudWatch Logs, EventBridge and SNS destinations, each with its own queue and retries. */
  destinations?: DeliveryDestination[];
}

export interface ResolvedDeliveryOptions {
  sinks: DeliverySink[];
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduledDelayMillis: number;
  exportTimeoutMillis: number;
  maxFileBytes: number;
  retryInitialDelayMillis: number;
  retryMaxDelayMillis: number;
  shutdownAttempts: number;
  digestIntervalMillis: number;
  signingKeys: Record<string, SigningKeyInput>;
  gzip: GzipEngine;
  gzipLevel: number;
  destinations: DeliveryDestination[];
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0) throw new LocalTrailConfigError(`delivery.${name}`, `localtrail: delivery.${name} must be a number > 0, got ${String(value)}`);
  return v;
}

export function resolveDeliveryOptions(options: DeliveryOptions = {}): ResolvedDeliveryOptions {
  const maxQueueSize = positive('maxQueueSize', options.maxQueueSize, 100_000);
  const maxExportBatchSize = positive('maxExportBatchSize', options.maxExportBatchSize, Math.min(10_000, maxQueueSize));
  if (maxExportBatchSize > maxQueueSize) {
    throw new LocalTrailConfigError('delivery.maxExportBatchSize', 'localtrail: delivery.maxExportBatchSize must not be greater than delivery.maxQueueSize');
  }
  const gzip = options.gzip ?? 'zlib';
  if (gzip !== 'zlib' && gzip !== 'fflate') throw new LocalTrailConfigError('delivery.gzip', `localtrail: delivery.gzip must be 'zlib' or 'fflate', got ${String(gzip)}`);
  const gzipLevel = options.gzipLevel ?? DEFAULT_GZIP_LEVEL;
  if (!Number.isInteger(gzipLevel) || gzipLevel < 1 || gzipLevel > 9) throw new LocalTrailConfigError('delivery.gzipLevel', 'localtrail: delivery.gzipLevel must be 1–9');
  const sinks = options.sinks ?? [];
  for (const s of sinks) {
    if (!s || typeof s.put !== 'function') throw new LocalTrailConfigError('delivery.sinks', 'localtrail: every delivery sink needs a put(object) method');
  }
  return {
    sinks,
    maxQueueSize,
    maxExportBatchSize,
    scheduledDelayMillis: positive('scheduledDelayMillis', options.scheduledDelayMillis, 300_000),
    exportTimeoutMillis: positive('exportTimeoutMillis', options.exportTimeoutMillis, 30_000),
    maxFileBytes: positive('maxFileBytes', options.maxFileBytes, MAX_LOG_FILE_BYTES),
    retryInitialDelayMillis: positive('retryInitialDelayMillis', options.retryInitialDelayMillis, 1_000),
    retryMaxDelayMillis: positive('retryMaxDelayMillis', options.retryMaxDelayMillis, 60_000),
    shutdownAttempts: positive('shutdownAttempts', options.shutdownAttempts, 3),
    digestIntervalMillis: positive('digestIntervalMillis', options.digestIntervalMillis, 3_600_000),
    signingKeys: options.signingKeys ?? {},
    gzip,
    gzipLevel,
    destinations: validateDestinations(options.destinations),
  };
}
