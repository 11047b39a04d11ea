// One event data store: its settings as CloudTrail Lake reports them, the compiled selection of what it keeps, and
// the records accepted but not yet in its DuckDB table.
import type { AdvancedEventSelector } from '@aws-sdk/client-cloudtrail';
import { randomUUID } from 'node:crypto';
import { InvalidParameterException } from '../engine/errors.js';
import { compileAdvancedEventSelectors } from '../engine/selectors/advanced-compile.js';
import { validateAdvancedEventSelectors } from '../engine/selectors/advanced-validate.js';
import type { CompiledSelectors } from '../engine/selectors/types.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { BillingMode, EventDataStoreDescription, EventDataStoreStatus, LakeEventSelector, LakeTag } from './lake-shapes.js';

/** What a store keeps when created without selectors: every management event (CloudTrail's default). */
export const DEFAULT_STORE_SELECTORS: LakeEventSelector[] = [
  { Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
];

const NAME = /^[a-zA-Z0-9._-]{3,128}$/;
const RETENTION_LIMITS: Record<BillingMode, { max: number; default: number }> = {
  EXTENDABLE_RETENTION_PRICING: { max: 3653, default: 366 },
  FIXED_RETENTION_PRICING: { max: 2557, default: 2557 },
};
const DAY = 86_400_000;

export function validateStoreName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new InvalidParameterException('Event data store name must be 3 to 128 characters long and contain only letters, numbers, periods, underscores and hyphens.');
  }
  return name;
}

export function validateBillingMode(mode: unknown): BillingMode {
  if (mode === undefined) return 'EXTENDABLE_RETENTION_PRICING';
  if (mode !== 'EXTENDABLE_RETENTION_PRICING' && mode !== 'FIXED_RETENTION_PRICING') {
    throw new InvalidParameterException(`BillingMode ${String(mode)} is not valid. Valid values are EXTENDABLE_RETENTION_PRICING and FIXED_RETENTION_PRICING.`);
  }
  return mode;
}

/** Retention in days: at least 7, at most 3653 (extendable pricing) or 2557 (fixed pricing). */
export function validateRetention(days: unknown, mode: BillingMode): number {
  const limits = RETENTION_LIMITS[mode];
  if (days === undefined) return limits.default;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 7 || days > limits.max) {
    throw new InvalidParameterException(`RetentionPeriod must be a whole number of days between 7 and ${limits.max} for billing mode ${mode}.`);
  }
  return days;
}

/** Validates and compiles a store's selectors with the trail engine's rules (management, data, network events). */
export function compileStoreSelectors(selectors: LakeEventSelector[]): CompiledSelectors {
  const asSdk = selectors as AdvancedEventSelector[];
  validateAdvancedEventSelectors(asSdk);
  return compileAdvancedEventSelectors(asSdk);
}

export interface StoreSettings {
  name: string;
  selectors: LakeEventSelector[];
  multiRegion: boolean;
  organization: boolean;
  retentionDays: number;
  terminationProtection: boolean;
  billingMode: BillingMode;
  kmsKeyId?: string;
  tags: LakeTag[];
  ingesting: boolean;
}

export class EventDataStore {
  /** The UUID that is the store's table name in queries. */
  readonly id = randomUUID();
  readonly arn: string;
  readonly createdAt: number;
  updatedAt: number;
  /** Set by DeleteEventDataStore: the store is PENDING_DELETION until this time + 7 days. */
  deletedAt: number | undefined;
  matcher: CompiledSelectors;
  /** Records accepted since the last load into DuckDB (serialised at load time, off the hot path). */
  pending: CloudTrailRecord[] = [];
  /** Rows and bytes in the DuckDB table. */
  loadedRows = 0;
  loadedBytes = 0;
  /** The oldest eventTime loaded (or a bound below which nothing is left), to skip needless retention deletes. */
  oldestEventTime: string | undefined;

  constructor(
    readonly accountId: string,
    readonly region: string,
    public settings: StoreSettings,
    now: number,
  ) {
    this.arn = `arn:aws:cloudtrail:${region}:${accountId}:eventdatastore/${this.id}`;
    this.createdAt = this.updatedAt = now;
    this.matcher = compileStoreSelectors(settings.selectors);
  }

  get status(): EventDataStoreStatus {
    if (this.deletedAt !== undefined) return 'PENDING_DELETION';
    return this.settings.ingesting ? 'ENABLED' : 'STOPPED_INGESTION';
  }

  /** Oldest eventTime a query still sees (retention is judged by eventTime). */
  retainedFrom(now: number): number {
    return now - this.settings.retentionDays * DAY;
  }

  describe(): EventDataStoreDescription {
    const s = this.settings;
    return {
      EventDataStoreArn: this.arn,
      Name: s.name,
      Status: this.status,
      AdvancedEventSelectors: structuredClone(s.selectors),
      MultiRegionEnabled: s.multiRegion,
      OrganizationEnabled: s.organization,
      RetentionPeriod: s.retentionDays,
      TerminationProtectionEnabled: s.terminationProtection,
      CreatedTimestamp: new Date(this.createdAt),
      UpdatedTimestamp: new Date(this.updatedAt),
      ...(s.kmsKeyId ? { KmsKeyId: s.kmsKeyId } : {}),
      BillingMode: s.billingMode,
    };
  }

  /** Hot path: keeps `record` when the store ingests, covers its region and account, and its selectors select it. */
  offer(record: CloudTrailRecord, inOrganization: (accountId: string) => boolean): boolean {
    if (!this.settings.ingesting || this.deletedAt !== undefined) return false;
    if (!this.settings.multiRegion && record.awsRegion !== this.region) return false;
    const account = record.recipientAccountId;
    if (account !== this.accountId && !(this.settings.organization && inOrganization(account))) return false;
    if (!this.matcher.match(record)) return false;
    this.pending.push(record);
    return true;
  }
}
