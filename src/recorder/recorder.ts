// The recorder: begins a capture before an SDK call, finishes it into a CloudTrail record after; never throws.
import type { CallFacts } from '../event/build-record.js';
import { buildRecord } from '../event/build-record.js';
import { newEventId } from '../event/event-id.js';
import { ANY_PLAN } from '../event/parameter-plan.js';
import { toParameters } from '../event/parameters.js';
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
}

/** Where finished records and internal failures go (the LocalTrail). */
export interface RecordSink {
  accept(record: CloudTrailRecord): void;
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

  constructor(
    readonly config: RecorderConfig,
    readonly sink: RecordSink,
  ) {
    this.identities = new IdentityResolver(config.identities, config.accountId, 'aws', () => config.clock.now());
    this.redaction = compileRedaction(config.redact);
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
      input: { ...raw },
      requestParameters: null,
      plans,
      actor,
    };
    capture.requestParameters = toParameters(raw, plans?.input ?? ANY_PLAN, {
      secretNames: this.redaction.names,
      renames: context.clientName === 'S3Client' ? S3_RENAMES : undefined,
    });
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
      this.handOver(facts);
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
      facts.errorCode = e.code;
      if (e.message !== undefined) facts.errorMessage = e.message;
      if (e.requestId !== undefined) facts.requestId = e.requestId;
      this.handOver(facts);
    } catch (e) {
      this.sink.reportError(e, 'record');
    }
  }

  private handOver(facts: CallFacts): void {
    const record = buildRecord(facts);
    if (this.redaction.paths.length > 0) applyRedactionPaths(record, this.redaction.paths);
    this.sink.accept(record);
  }

  /** What every record of the call needs, whatever its outcome. */
  private facts(capture: CallCapture, context: RecorderContext, responseElements: CallFacts['responseElements']): CallFacts {
    // Set by the SDK's httpAuthSchemeMiddleware during serialize; absent when the call failed before auth.
    const scheme = context.__smithy_context?.['selectedHttpAuthScheme'] as SelectedAuthScheme | undefined;
    const signing = scheme?.httpAuthOption?.signingProperties;
    const credentials = scheme?.identity;
    const signingName =
      (signing?.['signingName'] as string | undefined) ?? (signing?.['name'] as string | undefined) ?? signingNameForClient(capture.clientName);
    const region = (signing?.['signingRegion'] as string | undefined) ?? (signing?.['region'] as string | undefined) ?? this.config.region;
    const request = capture.request;
    const headers = request?.headers;
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
    if (actor) facts.actor = actorJson(actor);
    return facts;
  }

  private responseElements(capture: CallCapture, output: unknown): JsonObject | null {
    const elements = toParameters(output, capture.plans?.output ?? ANY_PLAN, { secretNames: this.redaction.names });
    return elements && Object.keys(elements).length > 0 ? elements : null;
  }
}

function numberHeader(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function actorJson(actor: NonNullable<CallCapture['actor']>): JsonObject {
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
