// Basic event selectors (cloudtrail-facts §7.2): validation with CloudTrail's limits, and compilation into one predicate.
import type { DataResource, EventSelector } from '../control-plane-shapes.js';
import { InvalidEventSelectorsException } from '../errors.js';
import type { CompiledSelectors, EventFacts, FactsPredicate } from './types.js';
import { onRecords } from './types.js';

export const MAX_EVENT_SELECTORS = 5;
export const MAX_DATA_RESOURCE_VALUES = 250;
const READ_WRITE_TYPES = new Set(['ReadOnly', 'WriteOnly', 'All']);
const EXCLUDABLE_SOURCES = new Set(['kms.amazonaws.com', 'rdsdata.amazonaws.com']);
export const BASIC_DATA_RESOURCE_TYPES = ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'] as const;

const ALL_S3 = new Set(['arn:aws:s3', 'arn:aws:s3:::', 'arn:aws-cn:s3', 'arn:aws-us-gov:s3']);
const ALL_LAMBDA = new Set(['arn:aws:lambda', 'arn:aws-cn:lambda', 'arn:aws-us-gov:lambda']);
const ALL_DYNAMODB = new Set(['arn:aws:dynamodb', 'arn:aws-cn:dynamodb', 'arn:aws-us-gov:dynamodb']);
const S3_PREFIX = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;
const LAMBDA_FUNCTION = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$/;
const DYNAMODB_TABLE = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]{3,255}$/;

function invalid(message: string): never {
  throw new InvalidEventSelectorsException(message);
}

function isAllValue(type: string, value: string): boolean {
  if (type === 'AWS::S3::Object') return ALL_S3.has(value);
  if (type === 'AWS::Lambda::Function') return ALL_LAMBDA.has(value);
  return ALL_DYNAMODB.has(value);
}

function validValue(type: string, value: string): boolean {
  if (isAllValue(type, value)) return true;
  if (type === 'AWS::S3::Object') return S3_PREFIX.test(value);
  if (type === 'AWS::Lambda::Function') return LAMBDA_FUNCTION.test(value);
  return DYNAMODB_TABLE.test(value);
}

/**
 * Throws `InvalidEventSelectorsException` unless the selectors are valid for a trail: 1–5 selectors, known enums,
 * only KMS/RDS Data API sources excluded, known data resource types, values in a form §7.2 allows, and at most 250
 * data resource values per trail (values that select all resources of a type do not count).
 */
export function validateEventSelectors(selectors: EventSelector[]): void {
  if (!Array.isArray(selectors) || selectors.length === 0 || selectors.length > MAX_EVENT_SELECTORS) {
    invalid(`A trail can have between 1 and ${MAX_EVENT_SELECTORS} event selectors; ${Array.isArray(selectors) ? selectors.length : 0} were given.`);
  }
  let values = 0;
  for (const selector of selectors) {
    if (selector === null || typeof selector !== 'object') invalid('Each event selector must be an object.');
    for (const list of ['DataResources', 'ExcludeManagementEventSources'] as const) {
      if (selector[list] !== undefined && !Array.isArray(selector[list])) invalid(`${list} must be a list.`);
    }
    if (selector.ReadWriteType !== undefined && !READ_WRITE_TYPES.has(selector.ReadWriteType)) {
      invalid(`Value ${String(selector.ReadWriteType)} for ReadWriteType is invalid. Valid values are ReadOnly, WriteOnly and All.`);
    }
    for (const source of selector.ExcludeManagementEventSources ?? []) {
      if (!EXCLUDABLE_SOURCES.has(source)) {
        invalid(`Value ${source} for ExcludeManagementEventSources is invalid. Only kms.amazonaws.com and rdsdata.amazonaws.com can be excluded.`);
      }
    }
    for (const resource of selector.DataResources ?? []) {
      if (resource === null || typeof resource !== 'object') invalid('Each DataResources entry must be an object.');
      const type = resource.Type ?? '';
      if (!(BASIC_DATA_RESOURCE_TYPES as readonly string[]).includes(type)) {
        invalid(`Value ${type} for DataResources.Type is invalid. Basic event selectors support ${BASIC_DATA_RESOURCE_TYPES.join(', ')}; use advanced event selectors for other types.`);
      }
      if (!Array.isArray(resource.Values) || resource.Values.length === 0) invalid(`DataResources of type ${type} must list at least one value.`);
      for (const value of resource.Values) {
        if (typeof value !== 'string' || !validValue(type, value)) invalid(`Value ${String(value)} for DataResources.Values is invalid for type ${type}.`);
        if (!isAllValue(type, value)) values++;
      }
    }
  }
  if (values > MAX_DATA_RESOURCE_VALUES) {
    invalid(`A trail can have at most ${MAX_DATA_RESOURCE_VALUES} data resource values across all event selectors; ${values} were given.`);
  }
}

/** What one resource type selects: everything, ARN prefixes (S3) or exact ARNs (Lambda, DynamoDB). */
interface TypeSelection {
  all: boolean;
  prefixes: string[];
  exact: Set<string>;
}

/** The data part of the selectors for one access kind (reads or writes). */
type DataSelection = Map<string, TypeSelection>;

function addDataResource(selection: DataSelection, resource: DataResource): void {
  const type = resource.Type!;
  let entry = selection.get(type);
  if (!entry) selection.set(type, (entry = { all: false, prefixes: [], exact: new Set() }));
  for (const value of resource.Values ?? []) {
    if (isAllValue(type, value)) entry.all = true;
    else if (type === 'AWS::S3::Object') entry.prefixes.push(value);
    else entry.exact.add(value);
  }
}

function compileData(selection: DataSelection): FactsPredicate {
  if (selection.size === 0) return () => false;
  return (facts) => {
    const resources = facts.resources;
    if (resources === undefined) return false;
    for (let i = 0; i < resources.length; i++) {
      const resource = resources[i]!;
      const entry = selection.get(resource.type);
      if (entry === undefined) continue;
      if (entry.all) return true;
      const arn = resource.ARN ?? resource.ARNPrefix;
      if (arn === undefined) continue;
      if (entry.exact.has(arn)) return true;
      const prefixes = entry.prefixes;
      for (let p = 0; p < prefixes.length; p++) if (arn.startsWith(prefixes[p]!)) return true;
    }
    return false;
  };
}

/** Management selection for one access kind: one excluded-source set per selector that includes it; any may pass. */
function compileManagement(exclusions: Array<Set<string>>): FactsPredicate {
  if (exclusions.length === 0) return () => false;
  if (exclusions.some((set) => set.size === 0)) return () => true;
  return (facts) => {
    const source = facts.eventSource ?? '';
    for (let i = 0; i < exclusions.length; i++) if (!exclusions[i]!.has(source)) return true;
    return false;
  };
}

/**
 * Compiles validated basic selectors into one predicate: management events by read/write kind and excluded
 * sources; data events by resource type and value form (S3 prefixes, exact Lambda/DynamoDB ARNs, "all" forms).
 * @example
 * compileEventSelectors([{ ReadWriteType: 'WriteOnly' }]).match(record);
 */
export function compileEventSelectors(selectors: EventSelector[]): CompiledSelectors {
  const readManagement: Array<Set<string>> = [];
  const writeManagement: Array<Set<string>> = [];
  const readData: DataSelection = new Map();
  const writeData: DataSelection = new Map();
  for (const selector of selectors) {
    const rw = selector.ReadWriteType ?? 'All';
    const reads = rw !== 'WriteOnly';
    const writes = rw !== 'ReadOnly';
    if (selector.IncludeManagementEvents !== false) {
      const excluded = new Set(selector.ExcludeManagementEventSources ?? []);
      if (reads) readManagement.push(excluded);
      if (writes) writeManagement.push(excluded);
    }
    for (const resource of selector.DataResources ?? []) {
      if (reads) addDataResource(readData, resource);
      if (writes) addDataResource(writeData, resource);
    }
  }
  const managementRead = compileManagement(readManagement);
  const managementWrite = compileManagement(writeManagement);
  const dataRead = compileData(readData);
  const dataWrite = compileData(writeData);
  const matchFacts: FactsPredicate = (facts: EventFacts) => {
    const category = facts.category;
    if (category === 'Management') return facts.readOnly === true ? managementRead(facts) : managementWrite(facts);
    if (category === 'Data') return facts.readOnly === true ? dataRead(facts) : dataWrite(facts);
    return false;
  };
  return { matchFacts, match: onRecords(matchFacts), logsManagementReads: readManagement.length > 0, logsManagementWrites: writeManagement.length > 0 };
}

/** The selectors GetEventSelectors reports for a trail that never had custom ones. */
export function defaultEventSelectors(): EventSelector[] {
  return [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }];
}
