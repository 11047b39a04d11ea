import { describe, expect, it } from 'vitest';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { makeRecord, RecordingDelivery, s3DataRecord, thrown } from './helpers.js';

const ACCT = '111111111111';

function engineWith(trail: { home: string; multi: boolean; includeGlobal: boolean }) {
  const delivery = new RecordingDelivery();
  const engine = new TrailEngine({ accountId: ACCT, delivery });
  const caller = { accountId: ACCT, region: trail.home };
  engine.createTrail({ Name: 'trail', S3BucketName: 'logs-bucket', IsMultiRegionTrail: trail.multi, IncludeGlobalServiceEvents: trail.includeGlobal }, caller);
  engine.startLogging({ Name: 'trail' }, caller);
  return { engine, delivery };
}

const iamEvent = () => makeRecord({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', readOnly: false, awsRegion: 'us-east-1' });
const ec2Event = (region: string) => makeRecord({ eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', readOnly: false, awsRegion: region });

// cloudtrail-facts §5.5 and §6. "home" for a global event = the trail is homed in us-east-1 (where global events are recorded).
type Row = [kind: 'single' | 'multi', where: 'home' | 'other', service: 'global' | 'regional', includeGlobal: boolean, delivered: boolean | 'invalid'];
const MATRIX: Row[] = [
  ['single', 'home', 'regional', true, true],
  ['single', 'home', 'regional', false, true],
  ['single', 'other', 'regional', true, false],
  ['single', 'other', 'regional', false, false],
  ['single', 'home', 'global', true, true],
  ['single', 'home', 'global', false, false],
  ['single', 'other', 'global', true, false],
  ['single', 'other', 'global', false, false],
  ['multi', 'home', 'regional', true, true],
  ['multi', 'other', 'regional', true, true],
  ['multi', 'home', 'global', true, true],
  ['multi', 'other', 'global', true, true],
  ['multi', 'home', 'regional', false, 'invalid'],
  ['multi', 'other', 'global', false, 'invalid'],
];

describe('routing matrix: {single, multi} × {home, other region} × {global, regional} × {include global on/off}', () => {
  it.each(MATRIX)('%s-region trail, event in %s region, %s service, include global %s → %s', (kind, where, service, includeGlobal, delivered) => {
    // Global events are always recorded in us-east-1: "home" puts the trail there, "other" in eu-west-1.
    const home = service === 'global' ? (where === 'home' ? 'us-east-1' : 'eu-west-1') : 'us-west-2';
    const make = () => engineWith({ home, multi: kind === 'multi', includeGlobal });
    if (delivered === 'invalid') {
      expect(thrown(make).name).toBe('InvalidParameterCombinationException');
      return;
    }
    const { engine, delivery } = make();
    const record = service === 'global' ? iamEvent() : ec2Event(where === 'home' ? home : 'ap-northeast-1');
    engine.accept(record);
    expect(delivery.enqueued).toEqual(delivered ? [{ trail: 'trail', region: record.awsRegion, accountId: ACCT, eventID: record.eventID }] : []);
  });
});

describe('STS: the global endpoint is a global service, regional endpoints stay regional (cloudtrail-facts §6)', () => {
  const sts = (region: string, endpointType: 'global' | 'regional') =>
    makeRecord({
      eventSource: 'sts.amazonaws.com',
      eventName: 'GetCallerIdentity',
      awsRegion: region,
      additionalEventData: { RequestDetails: { endpointType, awsServingRegion: region } },
    });
  it.each<[string, string, 'global' | 'regional', boolean, boolean]>([
    // [case, event region, endpoint, trail includes global events, delivered to single-region us-east-1 trail]
    ['global endpoint, trail includes global events', 'us-east-1', 'global', true, true],
    ['global endpoint, trail excludes global events', 'us-east-1', 'global', false, false],
    ['sts.us-east-1 regional endpoint, trail excludes global events', 'us-east-1', 'regional', false, true],
    ['sts.eu-west-1 regional endpoint', 'eu-west-1', 'regional', true, false],
  ])('%s', (_case, region, endpoint, includeGlobal, delivered) => {
    const { engine, delivery } = engineWith({ home: 'us-east-1', multi: false, includeGlobal });
    engine.accept(sts(region, endpoint));
    expect(delivery.enqueued.length).toBe(delivered ? 1 : 0);
  });
});

describe('never twice within a trail', () => {
  it('a global event reaches each including trail exactly once, and every trail of the account once', () => {
    const delivery = new RecordingDelivery();
    const engine = new TrailEngine({ accountId: ACCT, delivery });
    const trails: Array<[string, string, boolean, boolean]> = [
      ['multi-east', 'us-east-1', true, true],
      ['multi-west', 'us-west-2', true, true],
      ['single-east', 'us-east-1', false, true],
      ['single-east-noglobal', 'us-east-1', false, false],
      ['single-west', 'us-west-2', false, true],
    ];
    for (const [name, region, multi, global] of trails) {
      engine.createTrail({ Name: name, S3BucketName: 'logs-bucket', IsMultiRegionTrail: multi, IncludeGlobalServiceEvents: global }, { accountId: ACCT, region });
      engine.startLogging({ Name: name }, { accountId: ACCT, region });
    }
    const global = iamEvent();
    const eastRegional = ec2Event('us-east-1');
    const westRegional = ec2Event('us-west-2');
    for (const r of [global, eastRegional, westRegional]) engine.accept(r);
    expect(delivery.trailsFor(global.eventID)).toEqual(['multi-east', 'multi-west', 'single-east']);
    expect(delivery.trailsFor(eastRegional.eventID)).toEqual(['multi-east', 'multi-west', 'single-east', 'single-east-noglobal']);
    expect(delivery.trailsFor(westRegional.eventID)).toEqual(['multi-east', 'multi-west', 'single-west']);
    expect(delivery.routes.find((r) => r.trail.name === 'multi-west')?.trail.homeRegion).toBe('us-west-2');
  });

  it('events of another account never reach this account\'s trails (recipientAccountId decides)', () => {
    const { engine, delivery } = engineWith({ home: 'us-east-1', multi: true, includeGlobal: true });
    engine.accept(makeRecord({ recipientAccountId: '999999999999' }));
    expect(delivery.enqueued).toEqual([]);
  });

  it('a trail changed while logging routes with its new settings', () => {
    const { engine, delivery } = engineWith({ home: 'us-east-1', multi: false, includeGlobal: true });
    engine.accept(ec2Event('eu-west-1'));
    engine.updateTrail({ Name: 'trail', IsMultiRegionTrail: true });
    engine.accept(ec2Event('eu-west-1'));
    expect(delivery.enqueued.map((e) => e.region)).toEqual(['eu-west-1']);
    expect(delivery.routes[0]!.trail.isMultiRegionTrail).toBe(true);
  });
});

describe('organization trails (cloudtrail-facts §5.5)', () => {
  const MGMT = '100000000000';
  const MEMBER = '200000000000';
  const OUTSIDER = '300000000000';
  const organization = { id: 'o-a1b2c3d4e5', managementAccountId: MGMT, memberAccountIds: [MEMBER] };

  function orgSetup() {
    const delivery = new RecordingDelivery();
    const engine = new TrailEngine({ accountId: MGMT, organization, delivery });
    const arn = engine.createTrail({ Name: 'org-trail', S3BucketName: 'org-logs', IsMultiRegionTrail: true, IsOrganizationTrail: true }).TrailARN!;
    engine.startLogging({ Name: 'org-trail' });
    return { engine, delivery, arn };
  }

  it('only the management account creates them', () => {
    const { engine } = orgSetup();
    expect(thrown(() => engine.createTrail({ Name: 'rogue', S3BucketName: 'org-logs', IsOrganizationTrail: true }, { accountId: MEMBER }))).toMatchObject({
      name: 'NotOrganizationMasterAccountException',
    });
  });

  it('member events are delivered under the organization layout; outsiders are not', () => {
    const { engine, delivery } = orgSetup();
    const memberEvent = makeRecord({ recipientAccountId: MEMBER, awsRegion: 'eu-west-1' });
    const mgmtEvent = makeRecord({ recipientAccountId: MGMT });
    const outsiderEvent = makeRecord({ recipientAccountId: OUTSIDER });
    for (const r of [memberEvent, mgmtEvent, outsiderEvent]) engine.accept(r);
    expect(delivery.enqueued).toEqual([
      { trail: 'org-trail', region: 'eu-west-1', accountId: MEMBER, organizationId: 'o-a1b2c3d4e5', eventID: memberEvent.eventID },
      { trail: 'org-trail', region: 'us-east-1', accountId: MGMT, organizationId: 'o-a1b2c3d4e5', eventID: mgmtEvent.eventID },
    ]);
    expect(delivery.routes[0]!.trail.accountId).toBe(MGMT);
  });

  it('members see the trail by ARN only and cannot change, delete, start or stop it', () => {
    const { engine, arn } = orgSetup();
    const member = { accountId: MEMBER, region: 'us-east-1' };
    expect(engine.getTrail({ Name: arn }, member).Trail?.IsOrganizationTrail).toBe(true);
    expect(engine.getTrailStatus({ Name: arn }, member).IsLogging).toBe(true);
    expect(engine.describeTrails({}, member).trailList?.map((t) => t.TrailARN)).toEqual([arn]);
    expect(thrown(() => engine.getTrail({ Name: 'org-trail' }, member)).name).toBe('TrailNotFoundException');
    for (const call of [
      () => engine.updateTrail({ Name: arn, S3BucketName: 'elsewhere' }, member),
      () => engine.deleteTrail({ Name: arn }, member),
      () => engine.startLogging({ Name: arn }, member),
      () => engine.stopLogging({ Name: arn }, member),
      () => engine.putEventSelectors({ TrailName: arn, EventSelectors: [{ ReadWriteType: 'WriteOnly' }] }, member),
    ]) {
      expect(thrown(call).name).toBe('NotOrganizationMasterAccountException');
    }
    expect(thrown(() => engine.getTrail({ Name: arn }, { accountId: OUTSIDER, region: 'us-east-1' })).name).toBe('TrailNotFoundException');
  });

  it('a member\'s own trail and the organization trail each get the member\'s event once', () => {
    const { engine, delivery } = orgSetup();
    engine.createTrail({ Name: 'own', S3BucketName: 'member-logs' }, { accountId: MEMBER });
    engine.startLogging({ Name: 'own' }, { accountId: MEMBER });
    const record = makeRecord({ recipientAccountId: MEMBER });
    engine.accept(record);
    expect(delivery.trailsFor(record.eventID)).toEqual(['org-trail', 'own']);
  });
});

describe('selectors decide within a trail', () => {
  it('data events reach only trails whose selectors pick them; management events follow ReadWriteType', () => {
    const delivery = new RecordingDelivery();
    const engine = new TrailEngine({ accountId: ACCT, delivery });
    for (const name of ['default', 'data', 'writes']) {
      engine.createTrail({ Name: name, S3BucketName: 'logs-bucket' });
      engine.startLogging({ Name: name });
    }
    engine.putEventSelectors({ TrailName: 'data', EventSelectors: [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::reports/'] }] }] });
    engine.putEventSelectors({ TrailName: 'writes', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] }] });
    const read = makeRecord();
    const write = ec2Event('us-east-1');
    const data = s3DataRecord('reports', 'q1.csv');
    const otherData = s3DataRecord('photos', 'cat.jpg');
    for (const r of [read, write, data, otherData]) engine.accept(r);
    expect(delivery.trailsFor(read.eventID)).toEqual(['default']);
    expect(delivery.trailsFor(write.eventID)).toEqual(['default', 'writes']);
    expect(delivery.trailsFor(data.eventID)).toEqual(['data']);
    expect(delivery.trailsFor(otherData.eventID)).toEqual([]);
  });

  it('accept never throws, even when delivery does; the failure goes to onError', () => {
    const errors: string[] = [];
    const delivery = new RecordingDelivery();
    delivery.enqueue = () => {
      throw new Error('boom');
    };
    const engine = new TrailEngine({
      accountId: ACCT,
      delivery,
      onError: (e, where) => errors.push(`${where}: ${(e as Error).message}`),
    });
    engine.createTrail({ Name: 'trail', S3BucketName: 'logs-bucket' });
    engine.startLogging({ Name: 'trail' });
    expect(() => engine.accept(makeRecord())).not.toThrow();
    expect(() => engine.accept({} as never)).not.toThrow();
    expect(errors).toEqual(['engine.accept: boom']);
  });
});
