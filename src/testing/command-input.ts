// Turns a partial command input (SDK member names) into the requestParameters the recorder writes for it.
import type { MemberPlan, ParameterPlan } from '../event/parameter-plan.js';
import { ANY_PLAN, lowerCamel, PlanKind } from '../event/parameter-plan.js';
import { toParameters } from '../event/parameters.js';
import { HIDDEN, WELL_KNOWN_SECRET_NAMES } from '../event/redaction.js';
import { plansForOperation } from '../recorder/schema-plan.js';
import type { CommandIdentity } from './command.js';
import { isAsymmetricMatcher, isPlainObject } from './partial-match.js';

const NO_SECRETS: ReadonlySet<string> = new Set();

/**
 * The partial `requestParameters` for a partial input, walking the operation's model as the recorder does: member
 * keys become the recorder's keys (`TableName` → `tableName`, map keys unchanged), leaves are converted the same way
 * (dates to ISO strings, bodies to their size markers, sensitive members to the hidden marker), and asymmetric
 * matchers are kept as they are. DocumentClient inputs stay native: the recorder sees them before lib-dynamodb
 * marshals them (its marshalling runs just before serialization).
 */
export function requestParametersFor(identity: CommandIdentity, input: Record<string, unknown>): Record<string, unknown> {
  const plans = identity.operationSchema ? plansForOperation(identity.operationSchema) : undefined;
  return convertStruct(input, plans?.input ?? ANY_PLAN, topLevelRenames(identity));
}

/** Top-level member renames the recorder applies per service (CloudTrail's S3 spelling). */
function topLevelRenames(identity: CommandIdentity): Readonly<Record<string, string>> | undefined {
  return identity.eventSource === 's3.amazonaws.com' ? { Bucket: 'bucketName' } : undefined;
}

function convert(value: unknown, plan: ParameterPlan): unknown {
  if (isAsymmetricMatcher(value)) return value;
  if (plan.kind === PlanKind.Sensitive) return HIDDEN;
  if (isPlainObject(value)) return convertStruct(value, plan, undefined);
  if (Array.isArray(value)) {
    const element = plan.kind === PlanKind.List && plan.value ? plan.value() : ANY_PLAN;
    return value.map((item) => convert(item, element));
  }
  return convertLeaf(value, plan);
}

function convertStruct(
  value: Record<string, unknown>,
  plan: ParameterPlan,
  renames: Readonly<Record<string, string>> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (plan.kind === PlanKind.Map) {
    const element = plan.value ? plan.value() : ANY_PLAN;
    for (const [key, v] of Object.entries(value)) out[key] = convert(v, element);
    return out;
  }
  for (const [name, v] of Object.entries(value)) {
    const member: MemberPlan | undefined = plan.kind === PlanKind.Struct && plan.member ? plan.member(name) : undefined;
    const key = renames?.[name] ?? member?.key ?? lowerCamel(name);
    const hidden = WELL_KNOWN_SECRET_NAMES.has(name.toLowerCase());
    out[key] = hidden && !isAsymmetricMatcher(v) ? HIDDEN : convert(v, member?.plan ?? ANY_PLAN);
  }
  return out;
}

/** A leaf goes through the recorder's own converter, so `Date`s, bodies and odd numbers read the same. */
function convertLeaf(value: unknown, plan: ParameterPlan): unknown {
  const wrapper: ParameterPlan = { kind: PlanKind.Struct, member: () => ({ key: 'v', lower: 'v', plan }) };
  const converted = toParameters({ v: value }, wrapper, { secretNames: NO_SECRETS });
  return converted && 'v' in converted ? converted['v'] : value;
}
