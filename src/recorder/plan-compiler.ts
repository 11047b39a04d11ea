// Compiles one service's shapes into parameter plans for one direction: wire vocabulary first, then the rules.
import type { NormalizedSchema } from '@smithy/core/schema';
import type { MemberRule, MemberTreatment, ServiceRules } from '../catalog/record-rules/types.js';
import type { MemberPlan, ParameterPlan } from '../event/parameter-plan.js';
import { ANY_PLAN, makePlan, PlanKind } from '../event/parameter-plan.js';
import { WELL_KNOWN_SECRET_NAMES } from '../event/redaction.js';
import type { Direction, WireStyle, WireTraits } from './wire-names.js';
import { isRecordedS3Header, listShape, memberKey, timeFormatFor } from './wire-names.js';

/** Where a shape sits: S3's top level reads its HTTP bindings, an S3 payload its XML names; elsewhere one vocabulary. */
const enum Mode {
  Plain = 0,
  Top = 1,
  Xml = 2,
}

const SENSITIVE = makePlan(PlanKind.Sensitive);
const BINARY = makePlan(PlanKind.Binary);
const OMIT = makePlan(PlanKind.Omit);

/** The XML namespace CloudTrail writes in an S3 payload (`xmlns`), as S3's own requests carry it. */
const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export class PlanCompiler {
  /** One plan per struct/map schema object and mode, so recursive shapes (DynamoDB AttributeValue) resolve to it. */
  private readonly plans = [new WeakMap<object, ParameterPlan>(), new WeakMap<object, ParameterPlan>(), new WeakMap<object, ParameterPlan>()];
  private readonly timestamp: ParameterPlan;
  private readonly members: Readonly<Record<string, MemberRule>> | undefined;

  constructor(
    private readonly style: WireStyle,
    private readonly direction: Direction,
    private readonly rules: ServiceRules | undefined,
  ) {
    this.timestamp = makePlan(PlanKind.Timestamp, { time: timeFormatFor(style) });
    this.members = direction === 'request' ? rules?.request : rules?.response;
  }

  /** The plan of an operation's input or output structure. */
  plan(ns: NormalizedSchema): ParameterPlan {
    return this.planFor(ns, this.style === 's3' ? Mode.Top : Mode.Plain);
  }

  private planFor(ns: NormalizedSchema, mode: Mode): ParameterPlan {
    // A body is left out even when the model marks it sensitive (Lambda's ZipFile, KMS Plaintext): no entry at all.
    if (ns.isBlobSchema() || ns.isStreaming()) return BINARY;
    if (ns.getMergedTraits().sensitive) return SENSITIVE;
    if (ns.isTimestampSchema()) return this.timestamp;
    if (!ns.isStructSchema() && !ns.isListSchema() && !ns.isMapSchema()) return ANY_PLAN;
    const schema = ns.getSchema() as object;
    const cacheable = typeof schema === 'object' && schema !== null;
    const cached = cacheable ? this.plans[mode]!.get(schema) : undefined;
    if (cached) return cached;
    const plan = ns.isListSchema() ? this.listPlan(ns, mode) : ns.isMapSchema() ? this.mapPlan(ns, mode) : this.structPlan(ns, mode);
    if (cacheable) this.plans[mode]!.set(schema, plan);
    return plan;
  }

  private listPlan(ns: NormalizedSchema, mode: Mode): ParameterPlan {
    let element: ParameterPlan | undefined;
    return makePlan(PlanKind.List, { value: () => (element ??= this.planFor(ns.getValueSchema(), mode)) });
  }

  private mapPlan(ns: NormalizedSchema, mode: Mode): ParameterPlan {
    if (ns.getKeySchema().getMergedTraits().sensitive) return SENSITIVE;
    let element: ParameterPlan | undefined;
    return makePlan(PlanKind.Map, { value: () => (element ??= this.planFor(ns.getValueSchema(), mode)) });
  }

  private structPlan(ns: NormalizedSchema, mode: Mode): ParameterPlan {
    const shape = ns.getName() ?? '';
    // A union's member names are type tags (DynamoDB's S, N, M …): they keep their spelling.
    const keepNames = ns.isUnionSchema();
    let members: Map<string, NormalizedSchema> | undefined;
    const resolved = new Map<string, MemberPlan | null>();
    const member = (name: string): MemberPlan | undefined => {
      let plan = resolved.get(name);
      if (plan !== undefined) return plan ?? undefined;
      members ??= new Map(ns.structIterator());
      const schema = members.get(name);
      plan = schema ? this.memberPlan(shape, name, schema, mode, keepNames) : null;
      resolved.set(name, plan);
      return plan ?? undefined;
    };
    const tagged = this.rules?.request?.[shape]?.as === 'tagged' && this.direction === 'request';
    const itemKey = this.direction === 'request' ? this.rules?.itemKeys?.[shape] : undefined;
    const all = (): (readonly [string, MemberPlan])[] => {
      members ??= new Map(ns.structIterator());
      const entries = [...members.keys()].map((name) => [name, member(name)!] as const);
      return entries.some(([, m]) => m.into !== undefined) ? this.groupedFirst(shape, entries) : entries;
    };
    return makePlan(tagged ? PlanKind.Tagged : PlanKind.Struct, {
      member,
      members: all,
      tag: tagged ? 'operation' : undefined,
      keyFrom: itemKey?.item,
      tableFrom: itemKey?.table,
    });
  }

  /**
   * A structure's members with those written in an EC2 group first, in the order of their rules: CloudTrail's
   * RunInstances records start with `instancesSet` and list `imageId`, `minCount`, `maxCount` in that order
   * (record-rules/ec2.ts). The writers put a group where its first member is, so this places it first.
   */
  private groupedFirst(shape: string, entries: (readonly [string, MemberPlan])[]): (readonly [string, MemberPlan])[] {
    const ruleNames = Object.keys(this.members ?? {});
    const rank = ([name, m]: readonly [string, MemberPlan]): number => {
      if (m.into === undefined) return Infinity;
      const i = ruleNames.indexOf(`${shape}.${name}`);
      return i >= 0 ? i : ruleNames.indexOf(name);
    };
    // Array sort is stable: the other members keep the model's order.
    return entries.map((entry) => [rank(entry), entry] as const).sort((a, b) => (a[0] === b[0] ? 0 : a[0] < b[0] ? -1 : 1)).map(([, entry]) => entry);
  }

  private memberPlan(shape: string, name: string, schema: NormalizedSchema, mode: Mode, keepNames: boolean): MemberPlan {
    const rule = this.members?.[`${shape}.${name}`] ?? this.members?.[name];
    const traits = schema.getMergedTraits() as WireTraits;
    const inXml = mode === Mode.Xml;
    const childMode = mode === Mode.Plain ? Mode.Plain : Mode.Xml;
    // A member a rule keeps, leaves out or hides is exempt from the secret-name check (which would hide it instead).
    const exempt = rule?.as === 'keep' || rule?.as === 'omit' || rule?.as === 'hidden';
    const lower = exempt ? undefined : name.toLowerCase();
    let plan: ParameterPlan;
    if (rule?.as !== undefined && rule.as !== 'keep') plan = this.treatment(rule.as, schema, childMode, rule.marker);
    else if (mode === Mode.Top && !this.recordsS3Binding(traits)) plan = OMIT;
    else plan = this.planFor(schema, childMode);
    let key = rule?.key ?? (keepNames ? name : memberKey(this.style, name, traits, inXml));
    if (plan.kind === PlanKind.List && schema.isListSchema()) {
      const value = schema.getValueSchema();
      const list = listShape(this.style, this.direction, name, traits, value.getMergedTraits() as WireTraits, value.isStructSchema(), inXml);
      key = rule?.key ?? list.key;
      const wrap = rule?.wrap === null ? undefined : (rule?.wrap ?? list.wrap);
      const itemKey = rule?.itemKey ?? list.itemKey;
      if (wrap !== undefined || itemKey !== undefined || list.single) plan = makePlan(plan.kind, { ...plan, wrap, itemKey, single: list.single });
    } else if (mode === Mode.Top && traits.httpPayload && plan.kind === PlanKind.Struct) {
      plan = makePlan(plan.kind, { ...plan, constants: [['xmlns', S3_XMLNS]] });
    }
    const secret = lower !== undefined && WELL_KNOWN_SECRET_NAMES.has(lower);
    return { key, lower, secret, plan, into: rule?.into };
  }

  /** S3's top level: headers CloudTrail writes, never user metadata (application data). */
  private recordsS3Binding(traits: WireTraits): boolean {
    if (traits.httpPrefixHeaders !== undefined) return false;
    return typeof traits.httpHeader !== 'string' || isRecordedS3Header(traits.httpHeader);
  }

  private treatment(as: Exclude<MemberTreatment, 'keep'>, schema: NormalizedSchema, mode: Mode, marker?: string): ParameterPlan {
    if (as === 'omit') return OMIT;
    if (as === 'hidden') return marker === undefined ? SENSITIVE : makePlan(PlanKind.Sensitive, { marker });
    if (as === 'tagged') return this.planFor(schema, mode);
    const kind =
      as === 'names' ? PlanKind.Names : as === 'plain-attributes' ? PlanKind.PlainAttributes : as === 'json' ? PlanKind.JsonText : PlanKind.Statement;
    const plan = makePlan(kind);
    // A list of keys (BatchGetItem's Keys) gets the treatment per element.
    return schema.isListSchema() && kind !== PlanKind.Names ? makePlan(PlanKind.List, { value: () => plan }) : plan;
  }
}
