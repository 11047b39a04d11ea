// Compiles validated advanced event selectors into one predicate per trail (AND within a selector, OR across).
import type { AdvancedEventSelector, AdvancedFieldSelector } from '../control-plane-shapes.js';
import type { CompiledSelectors, EventFacts, FactsPredicate } from './types.js';
import { onRecords } from './types.js';

type StringTest = (value: string | undefined) => boolean;

const always = (): boolean => true;

function allOf<T>(tests: Array<(x: T) => boolean>): (x: T) => boolean {
  if (tests.length === 0) return always;
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [(x: T) => boolean, (x: T) => boolean];
    return (x) => a(x) && b(x);
  }
  return (x) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(x)) return false;
    return true;
  };
}

function anyOf(tests: FactsPredicate[]): FactsPredicate {
  if (tests.length === 0) return () => false;
  if (tests.length === 1) return tests[0]!;
  return (facts) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(facts)) return true;
    return false;
  };
}

function startsWithAny(prefixes: string[]): StringTest {
  return (v) => {
    if (v === undefined) return false;
    for (let i = 0; i < prefixes.length; i++) if (v.startsWith(prefixes[i]!)) return true;
    return false;
  };
}

function endsWithAny(suffixes: string[]): StringTest {
  return (v) => {
    if (v === undefined) return false;
    for (let i = 0; i < suffixes.length; i++) if (v.endsWith(suffixes[i]!)) return true;
    return false;
  };
}

function equalsAny(values: string[]): StringTest {
  if (values.length === 1) {
    const only = values[0]!;
    return (v) => v === only;
  }
  const set = new Set(values);
  return (v) => v !== undefined && set.has(v);
}

/** One field selector's operators on a string value, ANDed; a missing value fails positive and passes negative ones. */
export function compileStringTest(field: AdvancedFieldSelector): StringTest {
  const tests: StringTest[] = [];
  if (field.Equals) tests.push(equalsAny(field.Equals));
  if (field.StartsWith) tests.push(startsWithAny(field.StartsWith));
  if (field.EndsWith) tests.push(endsWithAny(field.EndsWith));
  if (field.NotEquals) {
    const eq = equalsAny(field.NotEquals);
    tests.push((v) => !eq(v));
  }
  if (field.NotStartsWith) {
    const sw = startsWithAny(field.NotStartsWith);
    tests.push((v) => !sw(v));
  }
  if (field.NotEndsWith) {
    const ew = endsWithAny(field.NotEndsWith);
    tests.push((v) => !ew(v));
  }
  return allOf(tests);
}

function compileReadOnly(field: AdvancedFieldSelector): FactsPredicate {
  const values = new Set(field.Equals ?? []);
  if (values.has('true') && values.has('false')) return (f) => f.readOnly !== undefined;
  if (values.has('true')) return (f) => f.readOnly === true;
  return (f) => f.readOnly === false;
}

/** `resources.type` and `resources.ARN` together: some resource of the type whose ARN (or ARNPrefix) passes. */
function compileResources(type: string, arnField: AdvancedFieldSelector | undefined): FactsPredicate {
  const arnTest: StringTest = arnField ? compileStringTest(arnField) : always;
  return (facts) => {
    const resources = facts.resources;
    if (resources === undefined) return false;
    for (let i = 0; i < resources.length; i++) {
      const resource = resources[i]!;
      if (resource.type === type && arnTest(resource.ARN ?? resource.ARNPrefix)) return true;
    }
    return false;
  };
}

function stringField(field: AdvancedFieldSelector, read: (f: EventFacts) => string | undefined): FactsPredicate {
  const test = compileStringTest(field);
  return (facts) => test(read(facts));
}

function compileSelector(selector: AdvancedEventSelector): { category: string; match: FactsPredicate } {
  const fields = selector.FieldSelectors ?? [];
  const byName = new Map(fields.map((f) => [f.Field!, f]));
  const category = byName.get('eventCategory')!.Equals![0]!;
  const tests: FactsPredicate[] = [];
  let resourceTest: FactsPredicate | undefined;
  for (const field of fields) {
    switch (field.Field) {
      case 'readOnly':
        tests.push(compileReadOnly(field));
        break;
      case 'eventSource':
        tests.push(stringField(field, (f) => f.eventSource));
        break;
      case 'eventName':
        tests.push(stringField(field, (f) => f.eventName));
        break;
      case 'errorCode':
        tests.push(stringField(field, (f) => f.errorCode));
        break;
      case 'vpcEndpointId':
        tests.push(stringField(field, (f) => f.vpcEndpointId));
        break;
      case 'resources.type':
        resourceTest = compileResources(field.Equals![0]!, byName.get('resources.ARN'));
        break;
    }
  }
  // Cheap scalar tests first, the resources scan last.
  if (resourceTest) tests.push(resourceTest);
  return { category, match: allOf(tests) };
}

/**
 * Compiles validated advanced selectors into one predicate, grouped by event category so an event is only tested
 * against the selectors of its own category.
 * @example
 * compileAdvancedEventSelectors([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }]).match(r);
 */
export function compileAdvancedEventSelectors(selectors: AdvancedEventSelector[]): CompiledSelectors {
  const groups: Record<string, FactsPredicate[]> = { Management: [], Data: [], NetworkActivity: [] };
  let logsManagementReads = false;
  let logsManagementWrites = false;
  for (const selector of selectors) {
    const { category, match } = compileSelector(selector);
    groups[category]!.push(match);
    if (category === 'Management') {
      const readOnly = selector.FieldSelectors?.find((f) => f.Field === 'readOnly')?.Equals ?? ['true', 'false'];
      if (readOnly.includes('true')) logsManagementReads = true;
      if (readOnly.includes('false')) logsManagementWrites = true;
    }
  }
  const management = anyOf(groups.Management!);
  const data = anyOf(groups.Data!);
  const network = anyOf(groups.NetworkActivity!);
  const matchFacts: FactsPredicate = (facts) => {
    const category = facts.category;
    if (category === 'Management') return management(facts);
    if (category === 'Data') return data(facts);
    if (category === 'NetworkActivity') return network(facts);
    return false;
  };
  return { matchFacts, match: onRecords(matchFacts), logsManagementReads, logsManagementWrites };
}
