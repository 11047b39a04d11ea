// CloudTrailControlPlane (src/engine/control-plane-api.ts), the documented signatures editors show on
// `trail.createTrail` …, stays in step with the rows of operations.ts and with @aws-sdk/client-cloudtrail: one method
// per row, the row's input and output, an SDK CommandInput accepted and the result usable as the SDK's CommandOutput.
import type * as Sdk from '@aws-sdk/client-cloudtrail';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CloudTrailControlPlane } from '../../src/engine/control-plane-api.js';
import type { ControlPlaneCaller } from '../../src/engine/control-plane-gate.js';
import type { OperationInput, OperationName, OperationOutput } from '../../src/engine/operations.js';
import { OPERATIONS } from '../../src/engine/operations.js';
import { createLocalTrail, LocalTrail } from '../../src/localtrail.js';

/** `true` only when each type is assignable to the other (tuples keep unions from distributing). */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Method<N extends OperationName> = CloudTrailControlPlane[Uncapitalize<N>];
type InputOf<N extends OperationName> = NonNullable<Parameters<Method<N>>[0]>;
type OutputOf<N extends OperationName> = Awaited<ReturnType<Method<N>>>;

/** @aws-sdk/client-cloudtrail's command input and output of each row. */
interface SdkShapes {
  CreateTrail: [Sdk.CreateTrailCommandInput, Sdk.CreateTrailCommandOutput];
  UpdateTrail: [Sdk.UpdateTrailCommandInput, Sdk.UpdateTrailCommandOutput];
  DeleteTrail: [Sdk.DeleteTrailCommandInput, Sdk.DeleteTrailCommandOutput];
  GetTrail: [Sdk.GetTrailCommandInput, Sdk.GetTrailCommandOutput];
  DescribeTrails: [Sdk.DescribeTrailsCommandInput, Sdk.DescribeTrailsCommandOutput];
  ListTrails: [Sdk.ListTrailsCommandInput, Sdk.ListTrailsCommandOutput];
  GetTrailStatus: [Sdk.GetTrailStatusCommandInput, Sdk.GetTrailStatusCommandOutput];
  StartLogging: [Sdk.StartLoggingCommandInput, Sdk.StartLoggingCommandOutput];
  StopLogging: [Sdk.StopLoggingCommandInput, Sdk.StopLoggingCommandOutput];
  PutEventSelectors: [Sdk.PutEventSelectorsCommandInput, Sdk.PutEventSelectorsCommandOutput];
  GetEventSelectors: [Sdk.GetEventSelectorsCommandInput, Sdk.GetEventSelectorsCommandOutput];
  PutInsightSelectors: [Sdk.PutInsightSelectorsCommandInput, Sdk.PutInsightSelectorsCommandOutput];
  GetInsightSelectors: [Sdk.GetInsightSelectorsCommandInput, Sdk.GetInsightSelectorsCommandOutput];
  AddTags: [Sdk.AddTagsCommandInput, Sdk.AddTagsCommandOutput];
  RemoveTags: [Sdk.RemoveTagsCommandInput, Sdk.RemoveTagsCommandOutput];
  ListTags: [Sdk.ListTagsCommandInput, Sdk.ListTagsCommandOutput];
  LookupEvents: [Sdk.LookupEventsCommandInput, Sdk.LookupEventsCommandOutput];
  ListPublicKeys: [Sdk.ListPublicKeysCommandInput, Sdk.ListPublicKeysCommandOutput];
}

/** Per row: the method takes the row's input and resolves to its output, exactly. */
type MatchesRow<N extends OperationName> = Mutual<InputOf<N>, OperationInput<N>> extends true ? Mutual<OutputOf<N>, OperationOutput<N>> : false;
/** Per row: the SDK's CommandInput is accepted, and the result is the SDK's CommandOutput without `$metadata`. */
type FitsSdk<N extends OperationName> = [SdkShapes[N][0]] extends [InputOf<N>]
  ? [OutputOf<N>] extends [Omit<SdkShapes[N][1], '$metadata'>]
    ? true
    : false
  : false;
/** Per row: the caller is the gate's, optional. */
type TakesCaller<N extends OperationName> = Mutual<Parameters<Method<N>>[1], ControlPlaneCaller | undefined>;

// Compile-time: tsc fails on any `true` below that is not (the project type-checks test/).
const rows: { [N in OperationName]: MatchesRow<N> } = {
  CreateTrail: true, UpdateTrail: true, DeleteTrail: true, GetTrail: true, DescribeTrails: true, ListTrails: true,
  GetTrailStatus: true, StartLogging: true, StopLogging: true, PutEventSelectors: true, GetEventSelectors: true,
  PutInsightSelectors: true, GetInsightSelectors: true, AddTags: true, RemoveTags: true, ListTags: true,
  LookupEvents: true, ListPublicKeys: true,
};
const sdk: { [N in OperationName]: FitsSdk<N> } = { ...rows };
const callers: { [N in OperationName]: TakesCaller<N> } = { ...rows };

describe('CloudTrailControlPlane', () => {
  it('has exactly one method per row of operations.ts, and a LocalTrail is one', () => {
    expectTypeOf<keyof CloudTrailControlPlane>().toEqualTypeOf<Uncapitalize<OperationName>>();
    expectTypeOf<keyof SdkShapes>().toEqualTypeOf<OperationName>();
    expectTypeOf<LocalTrail>().toMatchTypeOf<CloudTrailControlPlane>();
    expect(Object.keys(rows).sort()).toEqual(Object.keys(OPERATIONS).sort());
    expect(Object.values({ ...rows, ...sdk, ...callers }).every((v) => v)).toBe(true);
  });

  it('takes the SDK request shapes and hands back what the SDK response types accept', async () => {
    const trail = createLocalTrail({ region: 'eu-west-1' });
    const create: Sdk.CreateTrailCommandInput = { Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true };
    const created: Omit<Sdk.CreateTrailCommandOutput, '$metadata'> = await trail.createTrail(create);
    expect(created.TrailARN).toBe('arn:aws:cloudtrail:eu-west-1:123456789012:trail/audit');
    const lookup: Sdk.LookupEventsCommandInput = { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTrail' }] };
    const found: Omit<Sdk.LookupEventsCommandOutput, '$metadata'> = await trail.lookupEvents(lookup, { region: 'eu-west-1' });
    expect(found.Events?.map((e) => e.EventName)).toEqual(['CreateTrail']);
  });
});
