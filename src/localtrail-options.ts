// The options a LocalTrail takes, their defaults, and their validation (done once, at construction).
import type { Clock } from './clock/clock.js';
import { systemClock } from './clock/clock.js';
import type { IdentityMapping } from './recorder/identity.js';
import type { OrganizationConfig } from './engine/organization.js';
import type { DeliveryOptions } from './delivery/delivery-options.js';
import type { InsightsOptions } from './engine/insights/insights-options.js';
import type { Authorize } from './engine/authorize.js';
import { validateOrganization } from './engine/organization.js';
import { DEFAULT_MAX_HISTORY_EVENTS } from './engine/trail-engine.js';
import { primaryIpAddress } from './recorder/source-address.js';
import { LocalTrailConfigError } from './vocabulary/config-error.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from './vocabulary/defaults.js';

/**
 * Called with every failure inside localtrail; never with the application's own errors.
 * @example
 * createLocalTrail({ onError: (error, where) => console.warn(`localtrail (${where}):`, error) });
 */
export type ErrorHandler = (error: unknown, where: string) => void;

/**
 * Options of {@link createLocalTrail}; every one is optional.
 * @example
 * const trail = createLocalTrail({
 *   identities: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice' }],
 *   redact: ['requestParameters.item.ssn'],
 *   maxEvents: 1000,
 * });
 */
export interface LocalTrailOptions {
  /** Account used when the credentials carry no `accountId`. Default `123456789012`. */
  accountId?: string;
  /** Region the control plane (createTrail, lookupEvents …) acts in by default. Default `us-east-1`. */
  region?: string;
  /** `sourceIPAddress` of every record. Default: this host's primary IPv4 address. */
  sourceIpAddress?: string;
  /** Time source for every time rule. Default: the system clock. */
  clock?: Clock;
  /** Failures inside localtrail go here (and to `stats().errors`). Default: ignore. */
  onError?: ErrorHandler;
  /** Extra input/output member paths to redact, e.g. `['requestParameters.key.ssn', 'password']`. */
  redact?: string[];
  /** Size of the in-memory ring behind `events()`. Older records are dropped and counted. Default 10,000. */
  maxEvents?: number;
  /**
   * Event history (LookupEvents) kept per (account, region); older events are dropped and counted. Default 10,000:
   * an in-process history is memory the application pays for (a retained record is about 420 bytes, see
   * docs/architecture.md).
   */
  maxHistoryEvents?: number;
  /** Maps access key ids to the IAM user or role they belong to, for `userIdentity`. */
  identities?: IdentityMapping[];
  /** An AWS Organization to simulate, for organization trails (`createTrail({ IsOrganizationTrail: true })`). */
  organization?: OrganizationConfig;
  /**
   * Log file and digest delivery: sinks (`MemorySink`, `FilesystemSink`, `S3Sink`, `callbackSink`), batching
   * (OpenTelemetry names: `maxQueueSize`, `maxExportBatchSize`, `scheduledDelayMillis`, `exportTimeoutMillis`),
   * retries, signing keys. Default: no sinks (nothing leaves memory).
   */
  delivery?: DeliveryOptions;
  /** How Insights events are detected: baseline window, minimum count, factor (docs/insights.md). */
  insights?: InsightsOptions;
  /**
   * Who may manage trails: called before every control-plane call with the caller, `cloudtrail:<Operation>` and the
   * trail ARN (or `*`); a denial throws `AccessDeniedException` and is recorded. `policyAuthorizer(...)` evaluates
   * IAM policy documents. Default: everyone may.
   */
  authorize?: Authorize;
  /** Record CloudTrail's own API calls (createTrail, stopLogging …) as cloudtrail.amazonaws.com events. Default true. */
  controlPlaneEvents?: boolean;
  /**
   * The key attribute names of DynamoDB tables (`{ Music: ['Artist', 'SongTitle'] }`), so PutItem records carry
   * `key` as CloudTrail's do. Tables this trail sees created or described (CreateTable, DescribeTable) are learned
   * without it. Default: none.
   */
  dynamoDbTableKeys?: Readonly<Record<string, readonly string[]>>;
}

export interface ResolvedLocalTrailOptions {
  accountId: string;
  region: string;
  sourceIpAddress: string;
  clock: Clock;
  onError: ErrorHandler;
  redact: string[];
  maxEvents: number;
  maxHistoryEvents: number;
  identities: IdentityMapping[];
  organization?: OrganizationConfig;
  /** Validated by the DeliveryService when the LocalTrail is built. */
  delivery?: DeliveryOptions;
  /** Validated by the engine when the LocalTrail is built. */
  insights?: InsightsOptions;
  authorize?: Authorize;
  controlPlaneEvents: boolean;
  dynamoDbTableKeys: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_MAX_EVENTS = 10_000;

export function resolveLocalTrailOptions(options: LocalTrailOptions = {}): ResolvedLocalTrailOptions {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) throw new LocalTrailConfigError('accountId', `localtrail: accountId must be 12 digits, got "${accountId}"`);
  const maxEvents = wholeNumber('maxEvents', options.maxEvents ?? DEFAULT_MAX_EVENTS);
  if (options.redact !== undefined && !Array.isArray(options.redact)) {
    throw new LocalTrailConfigError('redact', 'localtrail: redact must be an array of member paths');
  }
  if (options.organization !== undefined) validateOrganization(options.organization);
  return {
    ...(options.organization !== undefined ? { organization: options.organization } : {}),
    ...(options.delivery !== undefined ? { delivery: options.delivery } : {}),
    ...(options.insights !== undefined ? { insights: options.insights } : {}),
    ...(options.authorize !== undefined ? { authorize: checkAuthorize(options.authorize) } : {}),
    controlPlaneEvents: options.controlPlaneEvents ?? true,
    accountId,
    region: options.region ?? DEFAULT_REGION,
    sourceIpAddress: options.sourceIpAddress ?? primaryIpAddress(),
    clock: options.clock ?? systemClock,
    onError: options.onError ?? (() => {}),
    redact: options.redact ?? [],
    maxEvents,
    maxHistoryEvents: wholeNumber('maxHistoryEvents', options.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS),
    identities: options.identities ?? [],
    dynamoDbTableKeys: tableKeysOption(options.dynamoDbTableKeys),
  };
}

function checkAuthorize(authorize: Authorize): Authorize {
  if (typeof authorize !== 'function') throw new TypeError('localtrail: authorize must be a function (caller, action, resource) => boolean');
  return authorize;
}

function tableKeysOption(value: unknown): Readonly<Record<string, readonly string[]>> {
  if (value === undefined) return {};
  const valid =
    typeof value === 'object' && value !== null && Object.values(value).every((names) => Array.isArray(names) && names.every((n) => typeof n === 'string'));
  if (!valid) throw new TypeError('localtrail: dynamoDbTableKeys must map table names to arrays of key attribute names');
  return value as Readonly<Record<string, readonly string[]>>;
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new LocalTrailConfigError(name, `localtrail: ${name} must be a whole number >= 0, got ${String(value)}`);
  return value;
}
