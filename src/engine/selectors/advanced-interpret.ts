// A straightforward, uncompiled evaluation of advanced selectors: the benchmark baseline and a test oracle.
import type { AdvancedEventSelector, AdvancedFieldSelector } from '../control-plane-shapes.js';
import type { CloudTrailRecord } from '../../vocabulary/record.js';

function fieldValues(record: CloudTrailRecord, field: string, resourceType: string | undefined): Array<string | undefined> {
  switch (field) {
    case 'eventCategory':
      return [record.eventCategory];
    case 'eventSource':
      return [record.eventSource];
    case 'eventName':
      return [record.eventName];
    case 'errorCode':
      return [record.errorCode];
    case 'vpcEndpointId':
      return [record.vpcEndpointId];
    case 'readOnly':
      return [record.readOnly === undefined ? undefined : String(record.readOnly)];
    case 'resources.type':
      return (record.resources ?? []).map((r) => r.type);
    case 'resources.ARN':
      return (record.resources ?? []).filter((r) => resourceType === undefined || r.type === resourceType).map((r) => r.ARN ?? r.ARNPrefix);
    default:
      return [undefined];
  }
}

function valueMatches(value: string | undefined, field: AdvancedFieldSelector): boolean {
  if (field.Equals && !(value !== undefined && field.Equals.includes(value))) return false;
  if (field.StartsWith && !(value !== undefined && field.StartsWith.some((p) => value.startsWith(p)))) return false;
  if (field.EndsWith && !(value !== undefined && field.EndsWith.some((s) => value.endsWith(s)))) return false;
  if (field.NotEquals && value !== undefined && field.NotEquals.includes(value)) return false;
  if (field.NotStartsWith && value !== undefined && field.NotStartsWith.some((p) => value.startsWith(p))) return false;
  if (field.NotEndsWith && value !== undefined && field.NotEndsWith.some((s) => value.endsWith(s))) return false;
  return true;
}

/**
 * Evaluates the selectors' JSON directly for one record, re-reading every field and operator each time.
 * Same semantics as the compiled form (see advanced-compile.ts); used to measure it and to check it.
 */
export function interpretAdvancedEventSelectors(selectors: AdvancedEventSelector[], record: CloudTrailRecord): boolean {
  return selectors.some((selector) => {
    const fields = selector.FieldSelectors ?? [];
    const resourceType = fields.find((f) => f.Field === 'resources.type')?.Equals?.[0];
    return fields.every((field) => {
      if (field.Field === 'resources.ARN') return true; // evaluated together with resources.type below
      if (field.Field === 'resources.type') {
        const arnField = fields.find((f) => f.Field === 'resources.ARN');
        return (record.resources ?? []).some(
          (r) => r.type === resourceType && (arnField === undefined || valueMatches(r.ARN ?? r.ARNPrefix, arnField)),
        );
      }
      return fieldValues(record, field.Field ?? '', resourceType).some((value) => valueMatches(value, field));
    });
  });
}
