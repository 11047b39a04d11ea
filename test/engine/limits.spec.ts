import { describe, expect, it } from 'vitest';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { thrown } from './helpers.js';

const ACCT = '111111111111';
const at = (region: string) => ({ accountId: ACCT, region });

/** Creates trails from rows [name, home region, multi-region]. */
function withTrails(rows: Array<[string, string, boolean]>): TrailEngine {
  const engine = new TrailEngine({ accountId: ACCT });
  for (const [name, region, multi] of rows) engine.createTrail({ Name: name, S3BucketName: 'logs-bucket', IsMultiRegionTrail: multi }, at(region));
  return engine;
}

// cloudtrail-facts §5.4: 2 single-region trails in us-west-1 + 2 multi-region trails homed there + 1 multi-region trail homed
// in ap-southeast-2 = 5 trails in us-west-1.
const EXAMPLE: Array<[string, string, boolean]> = [
  ['single-1', 'us-west-1', false],
  ['single-2', 'us-west-1', false],
  ['multi-1', 'us-west-1', true],
  ['multi-2', 'us-west-1', true],
  ['multi-3', 'ap-southeast-2', true],
];

describe('five trails per region, multi-region trails counting in every region (cloudtrail-facts §5.4)', () => {
  it('the example of cloudtrail-facts §5.4 holds five trails in us-west-1', () => {
    const engine = withTrails(EXAMPLE);
    expect(engine.describeTrails({}, at('us-west-1')).trailList).toHaveLength(5);
    expect(engine.describeTrails({}, at('ap-southeast-2')).trailList).toHaveLength(3);
    expect(engine.describeTrails({}, at('eu-central-1')).trailList).toHaveLength(3);
  });

  it.each<[string, string, boolean, boolean]>([
    // [new trail, home region, multi-region, allowed]
    ['a sixth single-region trail in us-west-1', 'us-west-1', false, false],
    ['a multi-region trail homed anywhere (sixth in us-west-1)', 'eu-west-1', true, false],
    ['a multi-region trail homed in us-west-1', 'us-west-1', true, false],
    ['a single-region trail in ap-southeast-2 (4th there)', 'ap-southeast-2', false, true],
    ['a single-region trail in eu-west-1 (4th there)', 'eu-west-1', false, true],
  ])('%s', (_case, region, multi, allowed) => {
    const engine = withTrails(EXAMPLE);
    const create = () => engine.createTrail({ Name: 'newcomer', S3BucketName: 'logs-bucket', IsMultiRegionTrail: multi }, at(region));
    if (allowed) expect(create().Name).toBe('newcomer');
    else expect(thrown(create)).toEqual({ name: 'MaximumNumberOfTrailsExceededException', message: `User: ${ACCT} already has 5 trails in us-west-1.` });
  });

  it('the sixth in any region throws there, and then no multi-region trail fits anywhere', () => {
    const engine = withTrails([...EXAMPLE.slice(2), ['ap-1', 'ap-southeast-2', false], ['ap-2', 'ap-southeast-2', false]]);
    expect(thrown(() => engine.createTrail({ Name: 'ap-3', S3BucketName: 'logs-bucket' }, at('ap-southeast-2'))).message).toBe(
      `User: ${ACCT} already has 5 trails in ap-southeast-2.`,
    );
    expect(engine.createTrail({ Name: 'uw-1', S3BucketName: 'logs-bucket' }, at('us-west-1')).Name).toBe('uw-1');
    expect(thrown(() => engine.createTrail({ Name: 'multi-new', S3BucketName: 'logs-bucket', IsMultiRegionTrail: true }, at('sa-east-1'))).name).toBe(
      'MaximumNumberOfTrailsExceededException',
    );
  });

  it('converting single→multi is refused where it would be the sixth; deleting frees a place', () => {
    const engine = withTrails([...EXAMPLE.slice(0, 4), ['eu-trail', 'eu-west-1', false], ['uw-3', 'us-west-1', false]]);
    expect(thrown(() => engine.updateTrail({ Name: 'eu-trail', IsMultiRegionTrail: true }, at('eu-west-1'))).name).toBe('MaximumNumberOfTrailsExceededException');
    engine.deleteTrail({ Name: 'uw-3' }, at('us-west-1'));
    expect(engine.updateTrail({ Name: 'eu-trail', IsMultiRegionTrail: true }, at('eu-west-1')).IsMultiRegionTrail).toBe(true);
  });

  it('limits are per account', () => {
    const engine = withTrails(EXAMPLE);
    expect(engine.createTrail({ Name: 'single-1', S3BucketName: 'logs-bucket' }, { accountId: '222222222222', region: 'us-west-1' }).Name).toBe('single-1');
  });
});
