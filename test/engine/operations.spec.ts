// Each control-plane operation is declared once, as a row of src/engine/operations.ts: the rows give the LocalTrail
// and the engine their methods and the wire handler its targets, and the README lists them.
import { readFileSync } from 'node:fs';
import * as CT from '@aws-sdk/client-cloudtrail';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { cloudTrailRequestHandler } from '../../src/engine/cloudtrail-handler.js';
import type { CallerOptions, OperationName } from '../../src/engine/operations.js';
import type { ControlPlaneCaller } from '../../src/engine/control-plane-gate.js';
import { OPERATIONS } from '../../src/engine/operations.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { createLocalTrail } from '../../src/localtrail.js';
import type { LocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';

const NAMES = Object.keys(OPERATIONS) as OperationName[];
const methodOf = (name: string): string => name[0]!.toLowerCase() + name.slice(1);

describe('one table of control-plane operations', () => {
  it('holds the 18 operations localtrail implements', () => {
    expect(NAMES).toHaveLength(18);
  });

  it('gives every row a method on the LocalTrail (a Promise, like client.send) and on the engine (the result)', async () => {
    const trail = createLocalTrail({ clock: new ManualClock('2026-08-01T09:00:00Z') });
    const methods = trail as unknown as Record<string, (input?: unknown) => unknown>;
    const engineMethods = trail.engine as unknown as Record<string, (input?: unknown) => unknown>;
    for (const name of NAMES) {
      expect(typeof methods[methodOf(name)], name).toBe('function');
      expect(typeof engineMethods[methodOf(name)], name).toBe('function');
    }
    const pending = trail.listTrails();
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual({ Trails: [] });
    expect(trail.engine.listTrails()).toEqual({ Trails: [] });
    // An operation's error is a rejection, never a synchronous throw.
    const rejected = trail.getTrail({ Name: 'missing' });
    await expect(rejected).rejects.toMatchObject({ name: 'TrailNotFoundException' });
  });

  it('serves every row on the wire: the SDK command of the same name reaches the engine', async () => {
    const engine = new TrailEngine({ clock: new ManualClock('2026-08-01T09:00:00Z'), accountId: '111111111111' });
    const client = new CT.CloudTrailClient({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: cloudTrailRequestHandler(engine), maxAttempts: 1 });
    const commands = CT as unknown as Record<string, new (input: object) => CT.CreateTrailCommand>;
    for (const name of NAMES) {
      const Command = commands[`${name}Command`];
      expect(Command, name).toBeDefined();
      // Empty requests: the engine answers, or rejects them with CloudTrail's own validation errors.
      const outcome = await client.send(new Command!({})).then(
        () => 'answered',
        (error: Error) => error.name,
      );
      expect(outcome, name).not.toBe('UnsupportedOperationException');
    }
  });

  it('answers UnsupportedOperationException for a target that is no row, even an Object.prototype member', async () => {
    const handler = cloudTrailRequestHandler(new TrailEngine());
    for (const target of ['CreateEventDataStore', 'constructor', 'toString']) {
      const { response } = await handler.handle({
        method: 'POST',
        protocol: 'https:',
        hostname: 'cloudtrail.us-east-1.amazonaws.com',
        path: '/',
        query: {},
        headers: { 'x-amz-target': `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.${target}` },
        body: '{}',
      });
      expect(response.statusCode, target).toBe(400);
      const chunks: Buffer[] = [];
      for await (const chunk of response.body as AsyncIterable<Buffer>) chunks.push(chunk);
      expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).__type, target).toBe('UnsupportedOperationException');
    }
  });

  it('keeps the method signatures of @aws-sdk/client-cloudtrail shapes', () => {
    expectTypeOf<LocalTrail['createTrail']>().toEqualTypeOf<(input: CT.CreateTrailRequest, caller?: ControlPlaneCaller) => Promise<CT.CreateTrailResponse>>();
    expectTypeOf<LocalTrail['describeTrails']>().toEqualTypeOf<(input?: CT.DescribeTrailsRequest, caller?: ControlPlaneCaller) => Promise<CT.DescribeTrailsResponse>>();
    expectTypeOf<LocalTrail['lookupEvents']>().toEqualTypeOf<(input?: CT.LookupEventsRequest, caller?: ControlPlaneCaller) => Promise<CT.LookupEventsResponse>>();
    expectTypeOf<LocalTrail['getInsightSelectors']>().toEqualTypeOf<(input: CT.GetInsightSelectorsRequest, caller?: ControlPlaneCaller) => Promise<CT.GetInsightSelectorsResponse>>();
    expectTypeOf<TrailEngine['putEventSelectors']>().toEqualTypeOf<(input: CT.PutEventSelectorsRequest, caller?: CallerOptions) => CT.PutEventSelectorsResponse>();
    expectTypeOf<TrailEngine['listPublicKeys']>().toEqualTypeOf<(input?: CT.ListPublicKeysRequest, caller?: CallerOptions) => CT.ListPublicKeysResponse>();
  });

  it('is listed in the README, method by method', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of NAMES) expect(readme, name).toContain(`\`${methodOf(name)}\``);
  });
});
