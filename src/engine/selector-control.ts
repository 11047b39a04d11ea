// PutEventSelectors, GetEventSelectors, PutInsightSelectors, GetInsightSelectors, AddTags, RemoveTags, ListTags.
import type {
  AddTagsRequest,
  AddTagsResponse,
  GetEventSelectorsRequest,
  GetEventSelectorsResponse,
  GetInsightSelectorsRequest,
  GetInsightSelectorsResponse,
  InsightSelector,
  ListTagsRequest,
  ListTagsResponse,
  PutEventSelectorsRequest,
  PutEventSelectorsResponse,
  PutInsightSelectorsRequest,
  PutInsightSelectorsResponse,
  RemoveTagsRequest,
  RemoveTagsResponse,
} from './control-plane-shapes.js';
import {
  CloudTrailARNInvalidException,
  InsightNotEnabledException,
  InvalidInsightSelectorsException,
  InvalidParameterCombinationException,
  InvalidTagParameterException,
  ResourceNotFoundException,
  UnsupportedOperationException,
} from './errors.js';
import { looksLikeArn, parseTrailArn } from './names.js';
import { compileAdvancedEventSelectors } from './selectors/advanced-compile.js';
import { validateAdvancedEventSelectors } from './selectors/advanced-validate.js';
import { compileEventSelectors, defaultEventSelectors, validateEventSelectors } from './selectors/basic-selectors.js';
import type { TrailState } from './trail-model.js';
import type { Caller, TrailRegistry } from './trail-registry.js';
import { applyTags } from './trail-settings.js';

const INSIGHT_TYPES = new Set(['ApiCallRateInsight', 'ApiErrorRateInsight']);
const INSIGHT_CATEGORIES = new Set(['Management', 'Data']);

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Selector and tag operations; compiled selectors replace the trail's predicate atomically. */
export class SelectorControl {
  constructor(private readonly registry: TrailRegistry) {}

  putEventSelectors(input: PutEventSelectorsRequest, caller: Caller): PutEventSelectorsResponse {
    const trail = this.registry.resolve(input.TrailName, caller);
    this.registry.requireHome(trail, caller);
    const basic = input.EventSelectors;
    const advanced = input.AdvancedEventSelectors;
    if ((basic === undefined) === (advanced === undefined)) {
      throw new InvalidParameterCombinationException('Specify either EventSelectors or AdvancedEventSelectors, but not both.');
    }
    if (basic !== undefined) {
      validateEventSelectors(basic);
      trail.selectors = compileEventSelectors(basic);
      trail.eventSelectors = clone(basic);
      delete trail.advancedEventSelectors;
    } else {
      validateAdvancedEventSelectors(advanced!);
      trail.selectors = compileAdvancedEventSelectors(advanced!);
      trail.advancedEventSelectors = clone(advanced!);
      delete trail.eventSelectors;
    }
    this.registry.changed();
    const response: PutEventSelectorsResponse = { TrailARN: trail.arn };
    if (trail.eventSelectors) response.EventSelectors = clone(trail.eventSelectors);
    if (trail.advancedEventSelectors) response.AdvancedEventSelectors = clone(trail.advancedEventSelectors);
    return response;
  }

  getEventSelectors(input: GetEventSelectorsRequest, caller: Caller): GetEventSelectorsResponse {
    const trail = this.registry.resolve(input.TrailName, caller);
    if (trail.advancedEventSelectors) return { TrailARN: trail.arn, AdvancedEventSelectors: clone(trail.advancedEventSelectors) };
    return { TrailARN: trail.arn, EventSelectors: trail.eventSelectors ? clone(trail.eventSelectors) : defaultEventSelectors() };
  }

  putInsightSelectors(input: PutInsightSelectorsRequest, caller: Caller): PutInsightSelectorsResponse {
    if (input.EventDataStore !== undefined || input.InsightsDestination !== undefined) {
      throw new UnsupportedOperationException('Insights on event data stores are not supported by localtrail; pass TrailName.');
    }
    const trail = this.registry.resolve(input.TrailName, caller);
    this.registry.requireHome(trail, caller);
    const selectors = input.InsightSelectors;
    if (!Array.isArray(selectors)) throw new InvalidInsightSelectorsException('InsightSelectors must be a list (empty to turn Insights off).');
    const seen = new Set<string>();
    const normalized: InsightSelector[] = [];
    for (const selector of selectors) {
      const type = selector.InsightType ?? '';
      if (!INSIGHT_TYPES.has(type)) throw new InvalidInsightSelectorsException(`Value ${type} for InsightType is invalid. Valid values: ApiCallRateInsight, ApiErrorRateInsight.`);
      if (seen.has(type)) throw new InvalidInsightSelectorsException(`InsightType ${type} is listed more than once.`);
      seen.add(type);
      const categories = selector.EventCategories ?? ['Management'];
      for (const c of categories) {
        if (!INSIGHT_CATEGORIES.has(c)) throw new InvalidInsightSelectorsException(`Value ${c} for EventCategories is invalid. Valid values: Management, Data.`);
      }
      if (type === 'ApiCallRateInsight' && categories.includes('Management') && !trail.selectors.logsManagementWrites) {
        throw new InvalidInsightSelectorsException('ApiCallRateInsight on management events needs a trail that logs write management events.');
      }
      if (type === 'ApiErrorRateInsight' && categories.includes('Management') && !trail.selectors.logsManagementReads && !trail.selectors.logsManagementWrites) {
        throw new InvalidInsightSelectorsException('ApiErrorRateInsight on management events needs a trail that logs read or write management events.');
      }
      normalized.push({ InsightType: selector.InsightType!, EventCategories: [...categories] });
    }
    trail.insightSelectors = normalized;
    this.registry.changed();
    return { TrailARN: trail.arn, InsightSelectors: clone(normalized) };
  }

  getInsightSelectors(input: GetInsightSelectorsRequest, caller: Caller): GetInsightSelectorsResponse {
    if (input.EventDataStore !== undefined) {
      throw new UnsupportedOperationException('Insights on event data stores are not supported by localtrail; pass TrailName.');
    }
    const trail = this.registry.resolve(input.TrailName, caller);
    if (trail.insightSelectors.length === 0) {
      throw new InsightNotEnabledException(`Trail ${trail.arn} does not have Insights enabled. Enable them with PutInsightSelectors.`);
    }
    return { TrailARN: trail.arn, InsightSelectors: clone(trail.insightSelectors) };
  }

  /** Tag operations name the trail by its ARN; a name is accepted for the caller's home-region trails. */
  private tagTarget(resourceId: string | undefined, caller: Caller): TrailState {
    const id = resourceId ?? '';
    if (looksLikeArn(id)) {
      const parts = parseTrailArn(id);
      if (parts.region !== caller.region) {
        const trail = this.registry.trails.get(id);
        if (!trail || !this.registry.isVisible(trail, caller)) {
          throw new CloudTrailARNInvalidException(`Region in ARN is wrong, you can only access resources in region ${caller.region}.`);
        }
      }
    }
    try {
      return this.registry.resolve(id, caller);
    } catch (error) {
      if ((error as Error).name === 'TrailNotFoundException') throw new ResourceNotFoundException(`Resource ${id} not found.`);
      throw error;
    }
  }

  addTags(input: AddTagsRequest, caller: Caller): AddTagsResponse {
    const trail = this.tagTarget(input.ResourceId, caller);
    this.registry.requireHome(trail, caller);
    applyTags(trail.tags, input.TagsList);
    return {};
  }

  removeTags(input: RemoveTagsRequest, caller: Caller): RemoveTagsResponse {
    const trail = this.tagTarget(input.ResourceId, caller);
    this.registry.requireHome(trail, caller);
    for (const tag of input.TagsList ?? []) {
      if (typeof tag.Key !== 'string' || tag.Key.length === 0) throw new InvalidTagParameterException('Tag keys must be 1 to 128 characters long.');
      if (tag.Value === undefined || trail.tags.get(tag.Key) === tag.Value) trail.tags.delete(tag.Key);
    }
    return {};
  }

  listTags(input: ListTagsRequest, caller: Caller): ListTagsResponse {
    const ids = input.ResourceIdList ?? [];
    if (ids.length > 20) throw new InvalidTagParameterException('ResourceIdList can name at most 20 trails.');
    return {
      ResourceTagList: ids.map((id) => {
        const trail = this.tagTarget(id, caller);
        return { ResourceId: trail.arn, TagsList: [...trail.tags].map(([Key, Value]) => ({ Key, Value })) };
      }),
    };
  }
}
