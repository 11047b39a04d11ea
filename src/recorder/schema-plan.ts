// Reads the service model the SDK carries (operation schemas) into parameter plans, once per operation.
import { NormalizedSchema } from '@smithy/core/schema';
import { recordRulesFor } from '../catalog/record-rules/index.js';
import type { OperationRule } from '../catalog/record-rules/types.js';
import type { ParameterPlan } from '../event/parameter-plan.js';
import { PlanKind } from '../event/parameter-plan.js';
import type { JsonValue } from '../vocabulary/record.js';
import { PlanCompiler } from './plan-compiler.js';
import type { Direction, WireStyle } from './wire-names.js';
import { styleFor, uriConstants } from './wire-names.js';

/** What becomes of responseElements: the default (null for reads and failures), never, or for reads too. */
export type ResponsePolicy = 'writes' | 'never' | 'always';

export interface OperationPlans {
  input: ParameterPlan;
  output: ParameterPlan;
  /** requestParameters are null whatever the input (STS GetCallerIdentity). */
  requestNull: boolean;
  response: ResponsePolicy;
  /** Top-level `apiVersion` of the service's records. */
  apiVersion: string | undefined;
  /** errorCode spellings of the service where CloudTrail's differ from the SDK's. */
  errorCodes: Readonly<Record<string, string>> | undefined;
  /** Top-level input members that hold a body: the input kept for matchers holds their size, not the body. */
  bodyMembers: readonly string[];
  /** DynamoDB: the call shows a table's key schema (in its input or output). */
  learnsTableKeys: 'input' | 'output' | undefined;
  /** A call refused with AccessDenied is written with requestParameters null (Lambda). */
  deniedRequestNull: boolean;
  /** responseElements start with the request id (`requestId`, EC2). */
  responseRequestId: boolean;
  /**
   * With responseRequestId, the output has a `RequestId` member of its own: the request id written first would meet
   * it, which only objects can say (one entry, the member's value), so such responses are made as objects. False
   * without responseRequestId (the output's members are then not listed for it).
   */
  outputHasRequestId: boolean;
}

type SchemaRef = Parameters<typeof NormalizedSchema.of>[0];

const operationCache = new WeakMap<object, OperationPlans>();

/**
 * Plans for an operation from `context.__smithy_context.operationSchema` (`[9, ns, name, traits, input, output]`),
 * or undefined when the client carries no schema (older clients): the caller then walks values without a model.
 */
export function plansForOperation(operationSchema: unknown): OperationPlans | undefined {
  if (!Array.isArray(operationSchema) || operationSchema[0] !== 9) return undefined;
  let plans = operationCache.get(operationSchema);
  if (!plans) {
    plans = compileOperation(operationSchema);
    operationCache.set(operationSchema, plans);
  }
  return plans;
}

/** The service of a schema namespace: `com.amazonaws.dynamodb` → `dynamodb`. */
export function serviceOfNamespace(namespace: unknown): string {
  return typeof namespace === 'string' ? namespace.slice(namespace.lastIndexOf('.') + 1).toLowerCase() : '';
}

/** One compiler per service and direction, so shapes shared by operations get one plan. */
const compilers = new Map<string, PlanCompiler>();

function compilerFor(service: string, style: WireStyle, direction: Direction): PlanCompiler {
  const id = `${service}\u0000${direction}`;
  let compiler = compilers.get(id);
  if (!compiler) {
    compiler = new PlanCompiler(style, direction, recordRulesFor(service));
    compilers.set(id, compiler);
  }
  return compiler;
}

function compileOperation(schema: readonly unknown[]): OperationPlans {
  const service = serviceOfNamespace(schema[1]);
  const operation = typeof schema[2] === 'string' ? schema[2] : '';
  const rules = recordRulesFor(service);
  const rule: OperationRule | undefined = rules?.operations?.[operation];
  const style = styleFor(service);
  const inputNs = NormalizedSchema.of(schema[4] as SchemaRef);
  let input = compilerFor(service, style, 'request').plan(inputNs);
  const output = compilerFor(service, style, 'response').plan(NormalizedSchema.of(schema[5] as SchemaRef));
  const constants: (readonly [string, JsonValue])[] = [];
  if (style === 's3') constants.push(...uriConstants(httpUri(schema[3])));
  if (rule?.requestDefaults) constants.push(...Object.entries(rule.requestDefaults));
  // The top-level input shape belongs to this operation alone: its plan can carry the operation's constants.
  if (constants.length > 0 && input.kind === PlanKind.Struct) input = { ...input, constants: [...(input.constants ?? []), ...constants] };
  const responseRequestId = rules?.responseRequestId !== undefined;
  return {
    input,
    output,
    requestNull: rule?.requestParameters === 'null',
    response: rule?.responseElements === 'null' ? 'never' : rule?.responseElements === 'always' ? 'always' : 'writes',
    apiVersion: rules?.apiVersion?.value,
    errorCodes: rules?.errorCodes?.codes,
    bodyMembers: bodyMembersOf(inputNs),
    learnsTableKeys: rule?.learnsTableKeys,
    deniedRequestNull: rules?.deniedRequestParameters?.value === 'null',
    responseRequestId,
    outputHasRequestId: responseRequestId && output.member?.('RequestId') !== undefined,
  };
}

/** The URI template of the operation's `http` trait (`["PUT", "/{Bucket}?versioning", 200]`). */
function httpUri(traits: unknown): string | undefined {
  const http = typeof traits === 'object' && traits !== null ? (traits as { http?: unknown }).http : undefined;
  return Array.isArray(http) && typeof http[1] === 'string' ? http[1] : undefined;
}

function bodyMembersOf(ns: NormalizedSchema): string[] {
  if (!ns.isStructSchema()) return [];
  const out: string[] = [];
  for (const [name, member] of ns.structIterator()) if (member.isBlobSchema() || member.isStreaming()) out.push(name);
  return out;
}
