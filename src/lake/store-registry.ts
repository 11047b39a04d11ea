// The event data stores of every account and region: Create/Get/List/Update/DeleteEventDataStore with CloudTrail's
// rules (10 stores per region, unique names, termination protection, seven days in PENDING_DELETION).
import type { Clock } from '../clock/clock.js';
import { InvalidMaxResultsException, InvalidNextTokenException, InvalidParameterException, NotOrganizationMasterAccountException, OrganizationsNotInUseException } from '../engine/errors.js';
import type { OrganizationConfig } from '../engine/organization.js';
import { inOrganization } from '../engine/organization.js';
import type { Caller } from '../engine/trail-registry.js';
import type { StoreSettings } from './event-data-store.js';
import { DEFAULT_STORE_SELECTORS, EventDataStore, compileStoreSelectors, validateBillingMode, validateRetention, validateStoreName } from './event-data-store.js';
import {
  EventDataStoreAlreadyExistsException,
  EventDataStoreARNInvalidException,
  EventDataStoreMaxLimitExceededException,
  EventDataStoreNotFoundException,
  EventDataStoreTerminationProtectedException,
  InactiveEventDataStoreException,
} from './lake-errors.js';
import type * as L from './lake-shapes.js';

export const MAX_STORES_PER_REGION = 10;
/** A deleted store stays PENDING_DELETION (and counts against the quota) for seven days. */
export const DELETION_WAIT_MS = 7 * 86_400_000;

const STORE_ARN = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):eventdatastore\/([A-Za-z0-9-]+)$/;
const STORE_ID = /^[A-Za-z0-9-]{3,}$/;

export class StoreRegistry {
  private readonly stores = new Map<string, EventDataStore>();
  /** The stores that ingest, read on the hot path (no allocation, no clock). */
  readonly live: EventDataStore[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly organization: OrganizationConfig | undefined,
    /** Called when a deleted store's seven days are over and it is gone. */
    private readonly onGone: (store: EventDataStore) => void = () => {},
  ) {}

  /** Every store not yet gone, oldest first. */
  all(): EventDataStore[] {
    const now = this.clock.now();
    for (const [arn, store] of this.stores) {
      if (store.deletedAt !== undefined && store.deletedAt + DELETION_WAIT_MS <= now) {
        this.stores.delete(arn);
        this.onGone(store);
      }
    }
    return [...this.stores.values()];
  }

  inOrganization = (accountId: string): boolean => inOrganization(this.organization, accountId);

  private ofCaller(caller: Caller): EventDataStore[] {
    return this.all().filter((s) => s.accountId === caller.accountId && s.region === caller.region);
  }

  /** A store by ARN or ID, of the caller's account and region. */
  resolve(idOrArn: string | undefined, caller: Caller): EventDataStore {
    const input = idOrArn ?? '';
    let id = input;
    if (input.startsWith('arn:')) {
      const m = STORE_ARN.exec(input);
      if (!m || m[1] !== caller.region || m[2] !== caller.accountId) {
        throw new EventDataStoreARNInvalidException(`The specified event data store ARN ${input} is not valid or does not map to an event data store in your account.`);
      }
      id = m[3]!;
    } else if (!STORE_ID.test(input)) {
      throw new EventDataStoreARNInvalidException(`The specified event data store ARN ${input} is not valid or does not map to an event data store in your account.`);
    }
    const store = this.ofCaller(caller).find((s) => s.id === id);
    if (!store) throw new EventDataStoreNotFoundException(`The specified event data store ${input} was not found.`);
    return store;
  }

  /** A store that is not PENDING_DELETION. */
  resolveActive(idOrArn: string | undefined, caller: Caller): EventDataStore {
    const store = this.resolve(idOrArn, caller);
    if (store.deletedAt !== undefined) throw new InactiveEventDataStoreException(`The event data store ${store.arn} is inactive (status PENDING_DELETION).`);
    return store;
  }

  create(input: L.CreateEventDataStoreRequest, caller: Caller): L.CreateEventDataStoreResponse {
    const name = validateStoreName(input.Name);
    const mine = this.ofCaller(caller);
    if (mine.some((s) => s.settings.name === name)) throw new EventDataStoreAlreadyExistsException(`An event data store with the name ${name} already exists.`);
    if (mine.length >= MAX_STORES_PER_REGION) {
      throw new EventDataStoreMaxLimitExceededException(`Your account has used the maximum number of event data stores (${MAX_STORES_PER_REGION} per region).`);
    }
    const billingMode = validateBillingMode(input.BillingMode);
    const organization = input.OrganizationEnabled ?? false;
    if (organization) this.checkManagementAccount(caller);
    const settings: StoreSettings = {
      name,
      selectors: structuredClone(input.AdvancedEventSelectors ?? DEFAULT_STORE_SELECTORS),
      multiRegion: input.MultiRegionEnabled ?? true,
      organization,
      retentionDays: validateRetention(input.RetentionPeriod, billingMode),
      terminationProtection: input.TerminationProtectionEnabled ?? true,
      billingMode,
      ...(input.KmsKeyId ? { kmsKeyId: input.KmsKeyId } : {}),
      tags: structuredClone(input.TagsList ?? []),
      ingesting: input.StartIngestion ?? true,
    };
    const store = new EventDataStore(caller.accountId, caller.region, settings, this.clock.now());
    this.stores.set(store.arn, store);
    this.live.push(store);
    return { ...store.describe(), TagsList: structuredClone(settings.tags) };
  }

  get(input: L.GetEventDataStoreRequest, caller: Caller): L.GetEventDataStoreResponse {
    return this.resolve(input.EventDataStore, caller).describe();
  }

  list(input: L.ListEventDataStoresRequest, caller: Caller): L.ListEventDataStoresResponse {
    const max = input.MaxResults ?? 1000;
    if (!Number.isInteger(max) || max < 1 || max > 1000) throw new InvalidMaxResultsException('MaxResults must be between 1 and 1000.');
    const start = input.NextToken === undefined ? 0 : Number.parseInt(Buffer.from(input.NextToken, 'base64url').toString(), 10);
    const stores = this.ofCaller(caller);
    if (!Number.isInteger(start) || start < 0 || start > stores.length) throw new InvalidNextTokenException('The NextToken is not valid.');
    const page = stores.slice(start, start + max);
    const next = start + page.length;
    return {
      EventDataStores: page.map((s) => s.describe()),
      ...(next < stores.length ? { NextToken: Buffer.from(String(next)).toString('base64url') } : {}),
    };
  }

  update(input: L.UpdateEventDataStoreRequest, caller: Caller): L.UpdateEventDataStoreResponse {
    const store = this.resolveActive(input.EventDataStore, caller);
    const before = store.settings;
    const next: StoreSettings = { ...before };
    if (input.Name !== undefined && input.Name !== before.name) {
      next.name = validateStoreName(input.Name);
      if (this.ofCaller(caller).some((s) => s !== store && s.settings.name === next.name)) {
        throw new EventDataStoreAlreadyExistsException(`An event data store with the name ${next.name} already exists.`);
      }
    }
    if (input.BillingMode !== undefined) {
      next.billingMode = validateBillingMode(input.BillingMode);
      if (before.billingMode === 'EXTENDABLE_RETENTION_PRICING' && next.billingMode === 'FIXED_RETENTION_PRICING') {
        throw new InvalidParameterException('The billing mode of an event data store cannot be changed from EXTENDABLE_RETENTION_PRICING to FIXED_RETENTION_PRICING.');
      }
    }
    next.retentionDays = validateRetention(input.RetentionPeriod ?? before.retentionDays, next.billingMode);
    if (input.MultiRegionEnabled !== undefined) next.multiRegion = input.MultiRegionEnabled;
    if (input.OrganizationEnabled !== undefined) {
      if (input.OrganizationEnabled) this.checkManagementAccount(caller);
      next.organization = input.OrganizationEnabled;
    }
    if (input.TerminationProtectionEnabled !== undefined) next.terminationProtection = input.TerminationProtectionEnabled;
    if (input.KmsKeyId !== undefined) next.kmsKeyId = input.KmsKeyId;
    let matcher = store.matcher;
    if (input.AdvancedEventSelectors !== undefined) {
      next.selectors = structuredClone(input.AdvancedEventSelectors);
      matcher = compileStoreSelectors(next.selectors);
    }
    store.settings = next;
    store.matcher = matcher;
    store.updatedAt = this.clock.now();
    return store.describe();
  }

  delete(input: L.DeleteEventDataStoreRequest, caller: Caller): L.DeleteEventDataStoreResponse {
    const store = this.resolveActive(input.EventDataStore, caller);
    if (store.settings.terminationProtection) {
      throw new EventDataStoreTerminationProtectedException(
        `The event data store ${store.arn} cannot be deleted because termination protection is enabled for it.`,
      );
    }
    store.deletedAt = this.clock.now();
    store.pending = [];
    this.live.splice(this.live.indexOf(store), 1);
    return {};
  }

  private checkManagementAccount(caller: Caller): void {
    if (!this.organization) throw new OrganizationsNotInUseException('This account is not a member of an organization in AWS Organizations.');
    if (this.organization.managementAccountId !== caller.accountId) {
      throw new NotOrganizationMasterAccountException(`The account ${caller.accountId} is not the management account of organization ${this.organization.id}.`);
    }
  }
}
