import { describe, expect, it } from 'vitest';
import { validateTrailName } from '../../src/engine/names.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { thrown } from './helpers.js';

// cloudtrail-facts §5.3: one row per rule.
const invalidNames: Array<[string, string, string]> = [
  ['too short', 'ab', 'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.'],
  ['empty', '', 'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 0 characters.'],
  ['too long', 'a'.repeat(129), 'Trail name too long. Maximum allowed length: 128 characters. Specified name length: 129 characters.'],
  ['starts with a separator', '-trail', 'Trail name must starts with a letter or number.'],
  ['starts with a period', '.trail', 'Trail name must starts with a letter or number.'],
  ['ends with a separator', 'trail_', 'Trail name must ends with a letter or number.'],
  ['space', 'my trail', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).'],
  ['slash', 'my/trail', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).'],
  ['non-ASCII', 'trailé1', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).'],
  ['adjacent -_', 'my-_trail', 'Trail name cannot contain adjacent periods (.), hyphens (-) or underscores (_).'],
  ['adjacent --', 'my--trail', 'Trail name cannot contain adjacent periods (.), hyphens (-) or underscores (_).'],
  ['adjacent ..', 'my..trail', 'Trail name cannot contain adjacent periods (.), hyphens (-) or underscores (_).'],
  ['adjacent _.', 'my_.trail', 'Trail name cannot contain adjacent periods (.), hyphens (-) or underscores (_).'],
  ['IP address shaped', '192.168.5.4', 'Trail name cannot be formatted as an IP address.'],
];

const validNames = ['abc', 'a'.repeat(128), 'My.Trail_1-x', '1trail', '192.168.5', '192.168.5.4.1', 'a-b_c.d'];

describe('trail names (cloudtrail-facts §5.3)', () => {
  it.each(invalidNames)('rejects a name that is %s', (_rule, name, message) => {
    expect(thrown(() => validateTrailName(name))).toEqual({ name: 'InvalidTrailNameException', message });
  });

  it.each(validNames)('accepts %s', (name) => {
    expect(() => validateTrailName(name)).not.toThrow();
  });

  it('CreateTrail applies the same rules', () => {
    const engine = new TrailEngine();
    expect(thrown(() => engine.createTrail({ Name: 'my--trail', S3BucketName: 'logs-bucket' })).name).toBe('InvalidTrailNameException');
    expect(thrown(() => engine.createTrail({ Name: '10.0.0.1', S3BucketName: 'logs-bucket' })).name).toBe('InvalidTrailNameException');
    expect(engine.createTrail({ Name: 'ok-trail', S3BucketName: 'logs-bucket' }).Name).toBe('ok-trail');
  });
});
