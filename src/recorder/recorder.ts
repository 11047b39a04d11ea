// The recorder: begins a capture before an SDK call, finishes it into a CloudTrail record after; never throws.
import type { CallFacts } from '../event/build-record.js';
import { buildRecord } from '../event/build-record.js';
import { newEventId } from '../event/event-id.js';
import { ANY_PLAN } from '../event/parameter-plan.js';
import type { ConvertOptions } from '../event/parameters.js';
import { describeBinary, toParameters } from '../event/parameters.js';
import { quote, toParametersText } from '../event/parameters-text.js';
import type { ParameterPlan } from '../event/parameter-plan.js';
import { PackedJson, unpackRecord } from '../vocabulary/packed-json.js';
import type { CloudTrailRecord, JsonObject } from '../vocabulary/record.js';
import type { CompiledRedaction } from '../event/redaction.js';
import { applyRedactionPaths, compileRedaction } from '../event/redaction.js';
import { signingNameForClient } from '../catalog/services.js';
import type { Clock } from '../clock/clock.js';
import type { Actor } from './call-context.js';
import type { CallCapture } from './call-capture.js';
import type { SelectedAuthScheme } from './call-capture.js';
import { errorFacts } from './error-facts.js';
import type { IdentityMapping } from './identity.js';
import { IdentityResolver } from './identity.js';
import { plansForOperation } from './schema-plan.js';
import { TableKeys } from './table-keys.js';

/** The recorder's slice of the LocalTrail's options, resolved and validated by the LocalTrail. */
export interface RecorderConfig {
  /** The account of calls whose credentials carry none. */
  readonly accountId: string;
  /** The region of calls that never learned their signing region (failed before auth). */
  readonly region: string;
  readonly sourceIpAddress: string;
  readonly clock: Clock;
  /** Member names and dotted record paths to hide (the `redact` option). */
  readonly redact: readonly string[];
  readonly identities: readonly IdentityMapping[];
  /** Key attribute names of DynamoDB tables the application named (the `dynamoDbTableKeys` option). */
  readonly dynamoDbTableKeys: Readonly<Record<string, readonly string[]>>;
}

/** Where finished records and internal failures go (the LocalTrail). */
export interface RecordSink {
  /** A finished record, and the command input as the SDK received it (kept beside the record for matchers only). */
  accept(record: CloudTrailRecord, input?: Readonly<Record<string, unknown>>): void;
  reportError(error: unknown, where: string): void;
  countSuppressed(): void;
}

/** The parts of the SDK handler context the recorder reads. */
export interface RecorderContext {
  clientName?: string;
  commandName?: string;
  __smithy_context?: Record<string, unknown>;
  [key: string]: unknown;
}

const S3_RENAMES: Readonly<Record<string, string>> = { Bucket: 'bucketName' };
/** A failed call has no response elements (CloudTrail writes null). */
const NO_RESPONSE_ELEMENTS = (): null => null;

export class Recorder {
  readonly identities: IdentityResolver;
  private readonly redaction: CompiledRedaction;
  /** DynamoDB tables' key attributes, learned from the calls recorded. */
  private readonly tableKeys: TableKeys;

  constructor(
    readonly config: RecorderConfig,
    readonly sink: RecordSink,
  ) {
    this.identities = new IdentityResolver(config.identities, config.accountId, 'aws', () => config.clock.now());
    this.redaction = compileRedaction(config.redact);
    this.tableKeys = new TableKeys(config.dynamoDbTableKeys);
  }

  /**
   * Called before `next`: snapshots the input (later middlewares change it). The caller then shows the capture to
   * whatever sees the call's request (`PassCapture` in record-call.ts).
   */
  begin(context: RecorderContext, input: unknown, actor: Actor | undefined): CallCapture {
    const smithy = context.__smithy_context;
    const operation = (smithy?.['operation'] as string | undefined) ?? context.commandName?.replace(/Command$/, '') ?? 'Unknown';
    const plans = plansForOperation(smithy?.['operationSchema']);
    const raw = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
    const capture: CallCapture = {
      operation,
      clientName: context.clientName,
      input: keptInput(raw, plans?.bodyMembers),
      requestParameters: null,
      plans,
      actor,
    };
    if (plans?.requestNull !== true) {
      capture.requestParameters = parameters(raw, plans?.input, {
        secretNames: this.redaction.names,
        userSecretNames: this.redaction.userNames,
        renames: plans === undefined && context.clientName === 'S3Client' ? S3_RENAMES : undefined,
        tableKeys: this.tableKeys.lookup,
      });
    }
    return capture;
  }

  /** Called after the call succeeded (after all retries): builds and hands over its record; never throws. */
  finishWithOutput(capture: CallCapture, context: RecorderContext, output: unknown, response: unknown): void {
    capture.settled = true;
    try {
      const facts = this.facts(capture, context, () => this.responseElements(capture, output));
      const metadata = (output as { $metadata?: { requestId?: string; extendedRequestId?: string } } | undefined)?.$metadata;
      if (metadata?.requestId) facts.requestId = metadata.requestId;
      if (metadata?.extendedRequestId) facts.extendedRequestId = metadata.extendedRequestId;
      const responseHeaders = (response as { headers?: Record<string, string> } | undefined)?.headers;
      facts.bytesOut = numberHeader(responseHeaders?.['content-length']);
      const learns = capture.plans?.learnsTableKeys;
      if (learns !== undefined) this.tableKeys.learn(learns === 'input' ? capture.input : output);
      this.handOver(facts, capture);
    } catch (e) {
      this.sink.reportError(e, 'record');
    }
  }

  /** Called after the call failed (after all retries): builds and hands over its record; never throws. */
  finishWithError(capture: CallCapture, context: RecorderContext, error: unknown): void {
    capture.settled = true;
    try {
      const facts = this.facts(capture, context, NO_RESPONSE_ELEMENTS);
      const e = errorFacts(error, facts.signingName);
      const plans = capture.plans;
      facts.errorCode = plans?.errorCodes?.[e.code] ?? e.code;
      if (plans?.deniedRequestNull === true && facts.errorCode === 'AccessDenied') facts.requestParameters = null;
      if (e.message !== undefined) facts.errorMessage = e.message;
      if (e.requestId !== undefined) facts.requestId = e.requestId;
      this.handOver(facts, capture);
    } catch (e) {
      this.sink.reportError(e, 'record');
    }
  }

  private handOver(facts: CallFacts, capture: CallCapture): void {
    const record = buildRecord(facts);
    if (this.redaction.paths.length > 0) applyRedactionPaths(unpackRecord(record), this.redaction.paths);
    this.sink.accept(record, capture.input);
  }

  /** What every record of the call needs, whatever its outcome. */
  private facts(capture: CallCapture, context: RecorderContext, responseElements: CallFacts['responseElements']): CallFacts {
    // Set by the SDK's httpAuthSchemeMiddleware during serialize; absent when the call failed before auth.
    const scheme = context.__smithy_context?.['selectedHttpAuthScheme'] as SelectedAuthScheme | undefined;
    const signing = scheme?.httpAuthOption?.signingProperties;
    const credentials = scheme?.identity;
    const signingName =
      (signing?.['signingName'] as string | undefined) ?? (signing?.['name'] as string | undefined) ?? signingNameForClient(capture.clientName);
    const request = capture.request;
    const headers = request?.headers;
    // An unsigned call (STS AssumeRoleWithWebIdentity, AssumeRoleWithSAML) has no signing region: its host names it.
    const region =
      (signing?.['signingRegion'] as string | undefined) ??
      (signing?.['region'] as string | undefined) ??
      regionOfHost(headers?.['host'] ?? request?.hostname) ??
      this.config.region;
    const time = this.config.clock.now();
    const actor = capture.actor;
    const facts: CallFacts = {
      time,
      eventId: newEventId(time),
      signingName,
      region,
      partition: 'aws',
      operation: capture.operation,
      host: headers?.['host'] ?? request?.hostname,
      path: request?.path,
      https: request?.protocol === 'https:',
      identity: this.identities.identityFor(credentials),
      accountId: this.identities.accountFor(credentials),
      sourceIpAddress: actor?.sourceIpAddress ?? this.config.sourceIpAddress,
      userAgent: headers?.['user-agent'],
      input: capture.input,
      requestParameters: capture.requestParameters,
      responseElements,
      bytesIn: numberHeader(headers?.['content-length']),
    };
    const plans = capture.plans;
    if (plans !== undefined) {
      if (plans.apiVersion !== undefined) facts.apiVersion = plans.apiVersion;
      if (plans.response === 'always') facts.responseOnRead = true;
    }
    if (actor) facts.actor = actorJson(actor);
    return facts;
  }

  private responseElements(capture: CallCapture, output: unknown): JsonObject | PackedJson | null {
    const plans = capture.plans;
    if (plans?.response === 'never') return null;
    const options: ConvertOptions = { secretNames: this.redaction.names, userSecretNames: this.redaction.userNames };
    const requestId = plans?.responseRequestId === true ? (output as { $metadata?: { requestId?: unknown } }).$metadata?.requestId : undefined;
    // EC2 writes the request id first; the text is made that way unless the output has a requestId of its own.
    if (plans?.output !== undefined && (typeof requestId !== 'string' || !plans.outputHasRequestId)) {
      const first = typeof requestId === 'string' ? `"requestId":${quote(requestId)}` : '';
      const text = toParametersText(output, plans.output, options, first);
      if (text !== undefined) return text === null || text === '{}' ? null : new PackedJson(text);
    }
    const elements = toParameters(output, plans?.output ?? ANY_PLAN, options);
    if (elements === null || Object.keys(elements).length === 0) return null;
    return typeof requestId === 'string' ? { requestId, ...elements } : elements;
  }
}

/**
 * requestParameters of a modelled input as JSON text (PackedJson) where parameters-text.ts can write it, which spares
 * a kept record its objects (docs/architecture.md, "Records kept as text"); as objects otherwise.
 */
function parameters(raw: Record<string, unknown>, plan: ParameterPlan | undefined, options: ConvertOptions): JsonObject | PackedJson | null {
  if (plan !== undefined && options.renames === undefined) {
    const text = toParametersText(raw, plan, options);
    if (text !== undefined) return text === null ? null : new PackedJson(text);
  }
  return toParameters(raw, plan ?? ANY_PLAN, options);
}

/**
 * The top level of the command input as the SDK received it (later middlewares may change the object), kept beside
 * the record for matchers. A body is kept as its size (as `[binary: N bytes]`), never itself: the input stays in
 * memory as long as the record does.
 */
function keptInput(raw: Record<string, unknown>, bodies: readonly string[] | undefined): Record<string, unknown> {
  const input = { ...raw };
  if (bodies !== undefined) {
    for (let i = 0; i < bodies.length; i++) {
      const name = bodies[i]!;
      if (input[name] !== undefined && input[name] !== null) input[name] = describeBinary(input[name]);
    }
  }
  return input;
}

const REGIONAL_HOST = /\.([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)\.amazonaws\.com(?:\.cn)?$/;

/** `sts.ap-southeast-2.amazonaws.com` → `ap-southeast-2`; undefined for a global or custom host. */
function regionOfHost(host: string | undefined): string | undefined {
  return host === undefined ? undefined : REGIONAL_HOST.exec(host)?.[1];
}

function numberHeader(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** The actor of `runAs` as `additionalEventData.actor`. */
export function actorJson(actor: NonNullable<CallCapture['actor']>): JsonObject {
  const out: JsonObject = { userId: String(actor.userId) };
  if (actor.sourceIpAddress !== undefined) out['sourceIpAddress'] = String(actor.sourceIpAddress);
  if (actor.userAgent !== undefined) out['userAgent'] = String(actor.userAgent);
  if (actor.attributes) {
    const attributes: JsonObject = {};
    for (const [k, v] of Object.entries(actor.attributes)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') attributes[k] = v;
    }
    out['attributes'] = attributes;
  }
  return out;
}
