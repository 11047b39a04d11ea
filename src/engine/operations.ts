// CloudTrail's control plane, declared once: one row per operation (its name, its request and response shapes from
// control-plane-shapes.ts, localtrail's own copy of CloudTrail's, the code that runs it). The rows give the TrailEngine and the LocalTrail their methods
// (`createTrail` …) and the awsJson wire handler its targets. A new operation is one row plus its implementation.
import type * as CT from './control-plane-shapes.js';
import type { HistoryControl } from './history/history-control.js';
import type { KeyControl } from './key-control.js';
import type { SelectorControl } from './selector-control.js';
import type { TrailControl } from './trail-control.js';
import type { Caller } from './trail-registry.js';

/**
 * The account and region a control-plane call is made as; each defaults to the engine's.
 * @example
 * await trail.createTrail({ Name: 'x', S3BucketName: 'logs' }, { accountId: '444455556666', region: 'eu-west-1' });
 */
export interface CallerOptions {
  accountId?: string;
  region?: string;
}

/** What the operations run on: the engine's control objects, each owning a group of operations. */
export interface Controls {
  readonly trails: TrailControl;
  readonly selectors: SelectorControl;
  readonly history: HistoryControl;
  readonly keys: KeyControl;
}

/** One operation. `Optional` says whether the request may be left out (its members are all optional). */
export interface Operation<In, Out, Optional extends boolean = boolean> {
  readonly run: (controls: Controls, input: In, caller: Caller) => Out;
  readonly inputOptional: Optional;
  /** Request members the awsJson wire carries as epoch seconds, to turn into Dates. */
  readonly timestamps: readonly string[];
}

interface RowOptions {
  inputOptional?: boolean;
  timestamps?: readonly string[];
}

function operation<In, Out>(run: Operation<In, Out>['run']): Operation<In, Out, false>;
function operation<In, Out>(run: Operation<In, Out>['run'], options: RowOptions & { inputOptional: true }): Operation<In, Out, true>;
function operation<In, Out>(run: Operation<In, Out>['run'], options: RowOptions = {}): Operation<In, Out> {
  return Object.freeze({ run, inputOptional: options.inputOptional === true, timestamps: options.timestamps ?? [] });
}

const TIME_RANGE = ['StartTime', 'EndTime'] as const;

export const OPERATIONS = {
  CreateTrail: operation<CT.CreateTrailRequest, CT.CreateTrailResponse>((c, input, caller) => c.trails.createTrail(input, caller)),
  UpdateTrail: operation<CT.UpdateTrailRequest, CT.UpdateTrailResponse>((c, input, caller) => c.trails.updateTrail(input, caller)),
  DeleteTrail: operation<CT.DeleteTrailRequest, CT.DeleteTrailResponse>((c, input, caller) => c.trails.deleteTrail(input, caller)),
  GetTrail: operation<CT.GetTrailRequest, CT.GetTrailResponse>((c, input, caller) => c.trails.getTrail(input, caller)),
  DescribeTrails: operation<CT.DescribeTrailsRequest, CT.DescribeTrailsResponse>((c, input, caller) => c.trails.describeTrails(input, caller), { inputOptional: true }),
  ListTrails: operation<CT.ListTrailsRequest, CT.ListTrailsResponse>((c, input, caller) => c.trails.listTrails(input, caller), { inputOptional: true }),
  GetTrailStatus: operation<CT.GetTrailStatusRequest, CT.GetTrailStatusResponse>((c, input, caller) => c.trails.getTrailStatus(input, caller)),
  StartLogging: operation<CT.StartLoggingRequest, CT.StartLoggingResponse>((c, input, caller) => c.trails.startLogging(input, caller)),
  StopLogging: operation<CT.StopLoggingRequest, CT.StopLoggingResponse>((c, input, caller) => c.trails.stopLogging(input, caller)),
  PutEventSelectors: operation<CT.PutEventSelectorsRequest, CT.PutEventSelectorsResponse>((c, input, caller) => c.selectors.putEventSelectors(input, caller)),
  GetEventSelectors: operation<CT.GetEventSelectorsRequest, CT.GetEventSelectorsResponse>((c, input, caller) => c.selectors.getEventSelectors(input, caller)),
  PutInsightSelectors: operation<CT.PutInsightSelectorsRequest, CT.PutInsightSelectorsResponse>((c, input, caller) => c.selectors.putInsightSelectors(input, caller)),
  GetInsightSelectors: operation<CT.GetInsightSelectorsRequest, CT.GetInsightSelectorsResponse>((c, input, caller) => c.selectors.getInsightSelectors(input, caller)),
  AddTags: operation<CT.AddTagsRequest, CT.AddTagsResponse>((c, input, caller) => c.selectors.addTags(input, caller)),
  RemoveTags: operation<CT.RemoveTagsRequest, CT.RemoveTagsResponse>((c, input, caller) => c.selectors.removeTags(input, caller)),
  ListTags: operation<CT.ListTagsRequest, CT.ListTagsResponse>((c, input, caller) => c.selectors.listTags(input, caller)),
  LookupEvents: operation<CT.LookupEventsRequest, CT.LookupEventsResponse>((c, input, caller) => c.history.lookupEvents(input, caller), { inputOptional: true, timestamps: TIME_RANGE }),
  ListPublicKeys: operation<CT.ListPublicKeysRequest, CT.ListPublicKeysResponse>((c, input, caller) => c.keys.listPublicKeys(input, caller), { inputOptional: true, timestamps: TIME_RANGE }),
};

export type OperationName = keyof typeof OPERATIONS;
type Row<N extends OperationName> = (typeof OPERATIONS)[N];
export type OperationInput<N extends OperationName> = Row<N> extends Operation<infer In, unknown> ? In : never;
export type OperationOutput<N extends OperationName> = Row<N> extends Operation<never, infer Out> ? Out : never;

/**
 * The method of each operation, named in lowerCamelCase (`CreateTrail` → `createTrail`): synchronous on the engine,
 * returning a Promise on the LocalTrail (the same `await` as `client.send`).
 */
export type ControlPlaneMethods<Result extends 'sync' | 'async', Who extends CallerOptions = CallerOptions> = {
  [N in OperationName as Uncapitalize<N>]: Row<N> extends Operation<infer In, infer Out, infer Optional>
    ? Optional extends true
      ? (input?: In, caller?: Who) => Result extends 'async' ? Promise<Out> : Out
      : (input: In, caller?: Who) => Result extends 'async' ? Promise<Out> : Out
    : never;
};

/** The operation a wire target names (`CreateTrail`), or undefined for one localtrail does not implement. */
export function operationNamed(name: string): OperationName | undefined {
  return Object.hasOwn(OPERATIONS, name) ? (name as OperationName) : undefined;
}

/**
 * Gives `prototype` one method per operation (`createTrail(input, caller)` …), each handing its operation to `call`.
 * The class declares the methods with {@link ControlPlaneMethods}.
 */
export function defineOperationMethods<Self>(
  prototype: Self,
  call: (self: Self, name: OperationName, input: unknown, caller: CallerOptions | undefined) => unknown,
): void {
  for (const name of Object.keys(OPERATIONS) as OperationName[]) {
    const methodName = name[0]!.toLowerCase() + name.slice(1);
    const method = function (this: Self, input?: unknown, caller?: CallerOptions): unknown {
      return call(this, name, input, caller);
    };
    Object.defineProperty(method, 'name', { value: methodName });
    Object.defineProperty(prototype, methodName, { value: method, writable: true, configurable: true });
  }
}

/** Runs operation `name` on `controls`: a left-out request is `{}` where CloudTrail allows leaving it out. */
export function runOperation<N extends OperationName>(controls: Controls, name: N, input: OperationInput<N> | undefined, caller: Caller): OperationOutput<N> {
  const row = OPERATIONS[name] as Operation<unknown, unknown>;
  return row.run(controls, input === undefined && row.inputOptional ? {} : input, caller) as OperationOutput<N>;
}
