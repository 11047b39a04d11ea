// localtrail's own control-plane shapes and @aws-sdk/client-cloudtrail's are assignable both ways, name by name, and a
// LocalTrail method takes an SDK input and hands back what the SDK's output type accepts.
import type * as Sdk from '@aws-sdk/client-cloudtrail';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as Own from '../../src/engine/control-plane-shapes.js';
import { createLocalTrail } from '../../src/localtrail.js';

/** `true` only when each type is assignable to the other (tuples keep unions from distributing). */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Compile-time: tsc fails on any entry that is not `true` (the project type-checks test/).
const assignableBothWays = {
  Tag: true as Mutual<Own.Tag, Sdk.Tag>,
  AddTagsRequest: true as Mutual<Own.AddTagsRequest, Sdk.AddTagsRequest>,
  AddTagsResponse: true as Mutual<Own.AddTagsResponse, Sdk.AddTagsResponse>,
  CreateTrailRequest: true as Mutual<Own.CreateTrailRequest, Sdk.CreateTrailRequest>,
  CreateTrailResponse: true as Mutual<Own.CreateTrailResponse, Sdk.CreateTrailResponse>,
  DeleteTrailRequest: true as Mutual<Own.DeleteTrailRequest, Sdk.DeleteTrailRequest>,
  DeleteTrailResponse: true as Mutual<Own.DeleteTrailResponse, Sdk.DeleteTrailResponse>,
  DescribeTrailsRequest: true as Mutual<Own.DescribeTrailsRequest, Sdk.DescribeTrailsRequest>,
  Trail: true as Mutual<Own.Trail, Sdk.Trail>,
  DescribeTrailsResponse: true as Mutual<Own.DescribeTrailsResponse, Sdk.DescribeTrailsResponse>,
  GetEventSelectorsRequest: true as Mutual<Own.GetEventSelectorsRequest, Sdk.GetEventSelectorsRequest>,
  ReadWriteType: true as Mutual<Own.ReadWriteType, Sdk.ReadWriteType>,
  DataResource: true as Mutual<Own.DataResource, Sdk.DataResource>,
  EventSelector: true as Mutual<Own.EventSelector, Sdk.EventSelector>,
  AdvancedFieldSelector: true as Mutual<Own.AdvancedFieldSelector, Sdk.AdvancedFieldSelector>,
  AdvancedEventSelector: true as Mutual<Own.AdvancedEventSelector, Sdk.AdvancedEventSelector>,
  GetEventSelectorsResponse: true as Mutual<Own.GetEventSelectorsResponse, Sdk.GetEventSelectorsResponse>,
  GetInsightSelectorsRequest: true as Mutual<Own.GetInsightSelectorsRequest, Sdk.GetInsightSelectorsRequest>,
  InsightType: true as Mutual<Own.InsightType, Sdk.InsightType>,
  SourceEventCategory: true as Mutual<Own.SourceEventCategory, Sdk.SourceEventCategory>,
  InsightSelector: true as Mutual<Own.InsightSelector, Sdk.InsightSelector>,
  GetInsightSelectorsResponse: true as Mutual<Own.GetInsightSelectorsResponse, Sdk.GetInsightSelectorsResponse>,
  GetTrailRequest: true as Mutual<Own.GetTrailRequest, Sdk.GetTrailRequest>,
  GetTrailResponse: true as Mutual<Own.GetTrailResponse, Sdk.GetTrailResponse>,
  GetTrailStatusRequest: true as Mutual<Own.GetTrailStatusRequest, Sdk.GetTrailStatusRequest>,
  GetTrailStatusResponse: true as Mutual<Own.GetTrailStatusResponse, Sdk.GetTrailStatusResponse>,
  ListPublicKeysRequest: true as Mutual<Own.ListPublicKeysRequest, Sdk.ListPublicKeysRequest>,
  PublicKey: true as Mutual<Own.PublicKey, Sdk.PublicKey>,
  ListPublicKeysResponse: true as Mutual<Own.ListPublicKeysResponse, Sdk.ListPublicKeysResponse>,
  ListTagsRequest: true as Mutual<Own.ListTagsRequest, Sdk.ListTagsRequest>,
  ResourceTag: true as Mutual<Own.ResourceTag, Sdk.ResourceTag>,
  ListTagsResponse: true as Mutual<Own.ListTagsResponse, Sdk.ListTagsResponse>,
  ListTrailsRequest: true as Mutual<Own.ListTrailsRequest, Sdk.ListTrailsRequest>,
  TrailInfo: true as Mutual<Own.TrailInfo, Sdk.TrailInfo>,
  ListTrailsResponse: true as Mutual<Own.ListTrailsResponse, Sdk.ListTrailsResponse>,
  LookupAttributeKey: true as Mutual<Own.LookupAttributeKey, Sdk.LookupAttributeKey>,
  LookupAttribute: true as Mutual<Own.LookupAttribute, Sdk.LookupAttribute>,
  EventCategory: true as Mutual<Own.EventCategory, Sdk.EventCategory>,
  LookupEventsRequest: true as Mutual<Own.LookupEventsRequest, Sdk.LookupEventsRequest>,
  Resource: true as Mutual<Own.Resource, Sdk.Resource>,
  Event: true as Mutual<Own.Event, Sdk.Event>,
  LookupEventsResponse: true as Mutual<Own.LookupEventsResponse, Sdk.LookupEventsResponse>,
  PutEventSelectorsRequest: true as Mutual<Own.PutEventSelectorsRequest, Sdk.PutEventSelectorsRequest>,
  PutEventSelectorsResponse: true as Mutual<Own.PutEventSelectorsResponse, Sdk.PutEventSelectorsResponse>,
  PutInsightSelectorsRequest: true as Mutual<Own.PutInsightSelectorsRequest, Sdk.PutInsightSelectorsRequest>,
  PutInsightSelectorsResponse: true as Mutual<Own.PutInsightSelectorsResponse, Sdk.PutInsightSelectorsResponse>,
  RemoveTagsRequest: true as Mutual<Own.RemoveTagsRequest, Sdk.RemoveTagsRequest>,
  RemoveTagsResponse: true as Mutual<Own.RemoveTagsResponse, Sdk.RemoveTagsResponse>,
  StartLoggingRequest: true as Mutual<Own.StartLoggingRequest, Sdk.StartLoggingRequest>,
  StartLoggingResponse: true as Mutual<Own.StartLoggingResponse, Sdk.StartLoggingResponse>,
  StopLoggingRequest: true as Mutual<Own.StopLoggingRequest, Sdk.StopLoggingRequest>,
  StopLoggingResponse: true as Mutual<Own.StopLoggingResponse, Sdk.StopLoggingResponse>,
  UpdateTrailRequest: true as Mutual<Own.UpdateTrailRequest, Sdk.UpdateTrailRequest>,
  UpdateTrailResponse: true as Mutual<Own.UpdateTrailResponse, Sdk.UpdateTrailResponse>,
} satisfies Record<string, true>;

/** Never called: tsc checks these lines. */
async function typeChecks(): Promise<void> {
  const trail = createLocalTrail();
  // @ts-expect-error a misspelt member is not a CreateTrailRequest (and Name, S3BucketName are missing)
  await trail.createTrail({ Nmae: 'typo' });
  // @ts-expect-error S3BucketName is required, as in CloudTrail
  await trail.createTrail({ Name: 'audit' });
  // @ts-expect-error only CloudTrail's lookup attribute keys
  await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'Colour', AttributeValue: 'x' }] });
}

describe('control-plane shapes', () => {
  it('checks every shape the file declares against the SDK', () => {
    const source = readFileSync(new URL('../../src/engine/control-plane-shapes.ts', import.meta.url), 'utf8');
    const declared = [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
    expect(Object.keys(assignableBothWays).sort()).toEqual(declared.sort());
    expect(typeof typeChecks).toBe('function');
  });

  it('takes an SDK command input and returns what the SDK output type holds', async () => {
    const trail = createLocalTrail({ accountId: '111122223333', region: 'eu-west-1' });
    const input: Sdk.CreateTrailCommandInput = { Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true };
    const created: Sdk.CreateTrailResponse = await trail.createTrail(input);
    expect(created.TrailARN).toBe('arn:aws:cloudtrail:eu-west-1:111122223333:trail/audit');
    const selectors: Sdk.PutEventSelectorsCommandInput = {
      TrailName: 'audit',
      AdvancedEventSelectors: [{ Name: 'writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] }],
    };
    const stored: Sdk.PutEventSelectorsResponse = await trail.putEventSelectors(selectors);
    expect(stored.AdvancedEventSelectors?.[0]?.Name).toBe('writes');
    const status: Sdk.GetTrailStatusResponse = await trail.getTrailStatus({ Name: 'audit' });
    expect(status.IsLogging).toBe(false);
  });
});
