// The LocalTrail keeps its parts to itself: no engine, recorder, delivery, options or Lake (whose own methods would
// bypass the gate) on its type or its keys, and the
// recording entries still find the recorder of a real LocalTrail (and refuse anything else).
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createLocalTrail, getLocalTrailPlugin, localTrailMiddleware, localTrailMiddlewareOptions, LocalTrailConfigError } from '../../src/index.js';
import { analyse } from './public-surface.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

const internals = ['engine', 'recorder', 'delivery', 'options', 'lake', 'wireOperation', 'accept', 'reportError', 'countSuppressed'];

describe('the LocalTrail surface', () => {
  // Outside the test's time limit: building the program takes seconds on a busy machine.
  const { members } = analyse();

  it('names no internal member on its public type', () => {
    expect(members.filter((m) => internals.includes(m))).toEqual([]);
    expect(members).toEqual(expect.arrayContaining(['plugin', 'events', 'stats', 'chainEnds', 'run', 'createTrail', 'createEventDataStore', 'startQuery']));
  });

  it('has no internal member at run time either', () => {
    const trail = createLocalTrail();
    const reachable = new Set<string>([...Object.keys(trail), ...Object.getOwnPropertyNames(Object.getPrototypeOf(trail))]);
    expect(internals.filter((m) => reachable.has(m))).toEqual([]);
  });

  it('records through localTrailMiddleware(trail) and getLocalTrailPlugin(trail)', async () => {
    const trail = createLocalTrail();
    const entry = new S3Client({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
    entry.middlewareStack.add(localTrailMiddleware(trail), localTrailMiddlewareOptions);
    const plugged = new S3Client({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
    plugged.middlewareStack.use(getLocalTrailPlugin(trail));
    await entry.send(new ListBucketsCommand({}));
    await plugged.send(new ListBucketsCommand({}));
    expect(trail.events().map((e) => e.eventName)).toEqual(['ListBuckets', 'ListBuckets']);
  });

  it('refuses an object that is not a LocalTrail with a LocalTrailConfigError', () => {
    const impostor = { plugin: () => ({ applyToStack: () => undefined }) };
    expect(() => localTrailMiddleware(impostor)).toThrow(LocalTrailConfigError);
    expect(() => new S3Client({}).middlewareStack.use(getLocalTrailPlugin(impostor))).toThrowError(expect.objectContaining({ code: 'LOCALTRAIL_INVALID_OPTION', option: 'trail' }));
  });
});
