// The converter's own edges: unmodelled cycles, CloudTrail's date form, DynamoDB values and PartiQL redaction.
import { describe, expect, it } from 'vitest';
import { plainAttribute, redactStatement } from '../../src/event/dynamodb-values.js';
import { ANY_PLAN, lowerCamel } from '../../src/event/parameter-plan.js';
import { toParameters } from '../../src/event/parameters.js';
import { compileRedaction } from '../../src/event/redaction.js';
import { javaDate } from '../../src/vocabulary/time.js';

const options = { secretNames: compileRedaction([]).names };

describe('toParameters without a model', () => {
  it('marks a cycle, hides well-known secret names, describes bodies by size', () => {
    const input: Record<string, unknown> = { Name: 'n', Password: 'p4ss', Body: new Uint8Array(3) };
    input['Self'] = input;
    expect(toParameters(input, ANY_PLAN, options)).toEqual({
      name: 'n',
      password: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      body: '[binary: 3 bytes]',
      self: '[circular]',
    });
  });

  it('lower-cases the first letter only, as the services’ models name their fields', () => {
    expect(['TableName', 'SSESpecification', 'MD5OfMessageBody', 'ARN', 'already'].map(lowerCamel)).toEqual([
      'tableName',
      'sSESpecification',
      'mD5OfMessageBody',
      'aRN',
      'already',
    ]);
  });
});

describe('values as CloudTrail writes them', () => {
  it('writes dates in the Java form, in UTC', () => {
    expect(javaDate(Date.UTC(2014, 6, 18, 16, 7, 39))).toBe('Jul 18, 2014, 4:07:39 PM');
    expect(javaDate(Date.UTC(2030, 0, 1, 0, 0, 0))).toBe('Jan 1, 2030, 12:00:00 AM');
    expect(javaDate(Date.UTC(2024, 11, 31, 12, 5, 9))).toBe('Dec 31, 2024, 12:05:09 PM');
  });

  it('writes DynamoDB key attributes with plain values, typed or native', () => {
    expect([{ S: 'a' }, { N: '12' }, { B: new Uint8Array([104, 105]) }, { BOOL: true }, { M: { x: { S: 'y' } } }, 'native', 7].map(plainAttribute)).toEqual([
      'a',
      '12',
      'aGk=',
      true,
      null,
      'native',
      7,
    ]);
  });

  it('redacts every PartiQL literal, keeping attribute names and identifiers', () => {
    expect(redactStatement(`SELECT * FROM "Music" WHERE Artist = 'No One''s' AND Year > 1999 AND col2 = -3.5`)).toBe(
      `SELECT * FROM "Music" WHERE Artist = ***(Redacted) AND Year > ***(Redacted) AND col2 = ***(Redacted)`,
    );
    expect(redactStatement(`INSERT INTO Music VALUE {'Artist' : 'x', 'Plays': 42}`)).toBe(`INSERT INTO Music VALUE {'Artist' : ***(Redacted), 'Plays': ***(Redacted)}`);
  });
});
