// Reads the service model the SDK carries (operation schemas) into parameter plans, once per operation.
import { NormalizedSchema } from '@smithy/core/schema';
import type { MemberPlan, ParameterPlan } from '../event/parameter-plan.js';
import { lowerCamel, PlanKind } from '../event/parameter-plan.js';

export interface OperationPlans {
  input: ParameterPlan;
  output: ParameterPlan;
}

const operationCache = new WeakMap<object, OperationPlans>();

/**
 * Plans for an operation from `context.__smithy_context.operationSchema` (`[9, ns, name, traits, input, output]`),
 * or undefined when the client carries no schema (older clients): the caller then walks values without a model.
 */
export function plansForOperation(operationSchema: unknown): OperationPlans | undefined {
  if (!Array.isArray(operationSchema) || operationSchema[0] !== 9) return undefined;
  let plans = operationCache.get(operationSchema);
  if (!plans) {
    plans = { input: planFor(NormalizedSchema.of(operationSchema[4])), output: planFor(NormalizedSchema.of(operationSchema[5])) };
    operationCache.set(operationSchema, plans);
  }
  return plans;
}

/** One plan per schema object, so recursive shapes (DynamoDB AttributeValue) resolve to the same plan. */
const schemaCache = new WeakMap<object, ParameterPlan>();

function planFor(ns: NormalizedSchema): ParameterPlan {
  const traits = ns.getMergedTraits();
  if (traits.sensitive) return { kind: PlanKind.Sensitive };
  if (ns.isBlobSchema() || ns.isStreaming()) return { kind: PlanKind.Binary };
  if (!ns.isStructSchema() && !ns.isListSchema() && !ns.isMapSchema() && !ns.isUnionSchema()) return { kind: PlanKind.Any };
  const schema = ns.getSchema() as object;
  const cached = typeof schema === 'object' && schema !== null ? schemaCache.get(schema) : undefined;
  if (cached) return cached;
  const plan = ns.isListSchema() || ns.isMapSchema() ? collectionPlan(ns) : structPlan(ns);
  if (typeof schema === 'object' && schema !== null) schemaCache.set(schema, plan);
  return plan;
}

function collectionPlan(ns: NormalizedSchema): ParameterPlan {
  const kind = ns.isListSchema() ? PlanKind.List : PlanKind.Map;
  if (kind === PlanKind.Map && ns.getKeySchema().getMergedTraits().sensitive) return { kind: PlanKind.Sensitive };
  let element: ParameterPlan | undefined;
  return { kind, value: () => (element ??= planFor(ns.getValueSchema())) };
}

function structPlan(ns: NormalizedSchema): ParameterPlan {
  // A union's member names are type tags (DynamoDB's S, N, M …): they keep their spelling.
  const keepNames = ns.isUnionSchema();
  let members: Map<string, NormalizedSchema> | undefined;
  const resolved = new Map<string, MemberPlan>();
  return {
    kind: PlanKind.Struct,
    member(name) {
      let member = resolved.get(name);
      if (member) return member;
      members ??= new Map(ns.structIterator());
      const schema = members.get(name);
      if (!schema) return undefined;
      member = { key: keepNames ? name : lowerCamel(name), lower: name.toLowerCase(), plan: planFor(schema) };
      resolved.set(name, member);
      return member;
    },
  };
}
