// Advanced event selectors for trails (cloudtrail-facts §7.3): which fields and operators a trail accepts, and the limits.
import type { AdvancedEventSelector, AdvancedFieldSelector } from '../control-plane-shapes.js';
import { InvalidEventSelectorsException } from '../errors.js';

export const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
export type Operator = (typeof OPERATORS)[number];
export const MAX_ADVANCED_VALUES = 500;
const MAX_VALUE_LENGTH = 2048;
const FIELD_PATTERN = /^[\w|\d|.|_]+$/;
const CATEGORIES = new Set(['Management', 'Data', 'NetworkActivity']);
const EXCLUDABLE_SOURCES = new Set(['kms.amazonaws.com', 'rdsdata.amazonaws.com']);
const NETWORK_SOURCES = new Set([
  'cloudtrail.amazonaws.com',
  'ec2.amazonaws.com',
  'kms.amazonaws.com',
  'secretsmanager.amazonaws.com',
]);
const FULL_ARN = /^arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;

/** Fields a trail's advanced selectors may use, per event category. */
const FIELDS_BY_CATEGORY: Record<string, ReadonlySet<string>> = {
  Management: new Set(['eventCategory', 'readOnly', 'eventSource']),
  Data: new Set(['eventCategory', 'resources.type', 'eventName', 'readOnly', 'resources.ARN']),
  NetworkActivity: new Set(['eventCategory', 'eventSource', 'eventName', 'errorCode', 'vpcEndpointId']),
};
const EQUALS_ONLY = new Set(['eventCategory', 'readOnly', 'resources.type']);

function invalid(message: string): never {
  throw new InvalidEventSelectorsException(message);
}

function operatorsOf(field: AdvancedFieldSelector): Array<[Operator, string[]]> {
  const present: Array<[Operator, string[]]> = [];
  for (const op of OPERATORS) {
    const values = field[op];
    if (values !== undefined) present.push([op, values]);
  }
  return present;
}

function validateField(field: AdvancedFieldSelector, category: string): number {
  const name = field.Field ?? '';
  const ops = operatorsOf(field);
  if (ops.length === 0) invalid(`Field ${name} must use at least one operator (${OPERATORS.join(', ')}).`);
  let count = 0;
  for (const [op, values] of ops) {
    if (!Array.isArray(values) || values.length === 0) invalid(`Operator ${op} of field ${name} must list at least one value.`);
    for (const value of values) {
      if (typeof value !== 'string' || value.length < 1 || value.length > MAX_VALUE_LENGTH) {
        invalid(`Values of field ${name} must be 1 to ${MAX_VALUE_LENGTH} characters long.`);
      }
      if (value.includes('*')) invalid(`Value ${value} of field ${name} is invalid: wildcards are not supported.`);
    }
    if (EQUALS_ONLY.has(name) && op !== 'Equals') invalid(`Field ${name} only supports the Equals operator.`);
    count += values.length;
  }
  const equals = field.Equals ?? [];
  switch (name) {
    case 'readOnly':
      if (equals.some((v) => v !== 'true' && v !== 'false')) invalid('Field readOnly only accepts the values "true" and "false".');
      break;
    case 'resources.type':
      if (equals.length !== 1) invalid('Field resources.type must have exactly one value for each advanced event selector.');
      break;
    case 'resources.ARN':
      for (const op of ['Equals', 'NotEquals'] as const) {
        for (const value of field[op] ?? []) {
          if (!FULL_ARN.test(value)) invalid(`Value ${value} of field resources.ARN is invalid: ${op} needs a complete ARN.`);
        }
      }
      break;
    case 'eventSource':
      if (category === 'Management') {
        if (ops.some(([op]) => op !== 'NotEquals')) invalid('For management events, field eventSource only supports the NotEquals operator.');
        for (const value of field.NotEquals ?? []) {
          if (!EXCLUDABLE_SOURCES.has(value)) invalid(`Value ${value} of field eventSource is invalid: only kms.amazonaws.com and rdsdata.amazonaws.com can be excluded.`);
        }
      } else {
        if (ops.some(([op]) => op !== 'Equals') || equals.length !== 1) {
          invalid('For network activity events, field eventSource must use Equals with exactly one event source.');
        }
        if (!NETWORK_SOURCES.has(equals[0]!)) invalid(`Value ${equals[0]} of field eventSource is not a supported network activity event source.`);
      }
      break;
    case 'errorCode':
      if (ops.some(([op]) => op !== 'Equals') || equals.some((v) => v !== 'VpceAccessDenied')) {
        invalid('Field errorCode only supports Equals with the value VpceAccessDenied.');
      }
      break;
  }
  return count;
}

/**
 * Throws `InvalidEventSelectorsException` unless the advanced selectors are valid for a trail: each selector names
 * exactly one `eventCategory` (Management, Data or NetworkActivity) with `Equals`, uses only that category's fields
 * and operators, data selectors name exactly one `resources.type`, network selectors exactly one `eventSource`,
 * and all conditions together hold at most 500 values.
 */
export function validateAdvancedEventSelectors(selectors: AdvancedEventSelector[]): void {
  if (!Array.isArray(selectors) || selectors.length === 0) invalid('At least one advanced event selector is required.');
  let values = 0;
  for (const selector of selectors) {
    if (selector === null || typeof selector !== 'object') invalid('Each advanced event selector must be an object.');
    if (selector.Name !== undefined && (typeof selector.Name !== 'string' || selector.Name.length > 1000)) {
      invalid('The Name of an advanced event selector can be at most 1000 characters long.');
    }
    const fields = selector.FieldSelectors;
    if (!Array.isArray(fields) || fields.length === 0) invalid('Each advanced event selector must have at least one field selector.');
    const seen = new Set<string>();
    for (const field of fields) {
      if (field === null || typeof field !== 'object') invalid('Each field selector must be an object.');
      const name = field.Field;
      if (typeof name !== 'string' || !FIELD_PATTERN.test(name)) invalid(`Field ${String(name)} is not a valid field name.`);
      if (seen.has(name)) invalid(`Field ${name} is used more than once in one advanced event selector.`);
      seen.add(name);
    }
    const categoryField = fields.find((f) => f.Field === 'eventCategory');
    if (!categoryField) invalid('Each advanced event selector must have a field selector for eventCategory.');
    const category = categoryField.Equals?.length === 1 ? categoryField.Equals[0]! : '';
    if (!CATEGORIES.has(category) || operatorsOf(categoryField).length !== 1) {
      invalid('Field eventCategory must use Equals with exactly one of Management, Data or NetworkActivity for trails.');
    }
    const allowed = FIELDS_BY_CATEGORY[category]!;
    for (const field of fields) {
      if (!allowed.has(field.Field!)) invalid(`Field ${field.Field} is not supported for ${category} events on a trail.`);
      values += validateField(field, category);
    }
    if (category === 'Data' && !seen.has('resources.type')) invalid('Advanced event selectors for data events must have a field selector for resources.type.');
    if (category === 'NetworkActivity' && !seen.has('eventSource')) invalid('Advanced event selectors for network activity events must have a field selector for eventSource.');
  }
  if (values > MAX_ADVANCED_VALUES) {
    invalid(`A trail's advanced event selectors can have at most ${MAX_ADVANCED_VALUES} values across all conditions; ${values} were given.`);
  }
}
