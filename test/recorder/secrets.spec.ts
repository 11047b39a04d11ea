// No secret access key, session token or secret value in any record, whatever the call and however it ends.
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateUserCommand, CreateLoginProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import { EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { FORBIDDEN, LONG_TERM, SECRET_VALUES, TEMPORARY } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

describe('secret scan', () => {
  it('finds no credential or secret value in any record', async () => {
    const trail = createLocalTrail({ redact: ['requestParameters.item.password'] });
    const [dbPassword, plaintext, userPassword] = SECRET_VALUES as [string, string, string];
    for (const credentials of [LONG_TERM, TEMPORARY]) {
      const common = { region: 'us-east-1', credentials };
      const sm = new SecretsManagerClient({ ...common, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db', Name: 'db', SecretString: dbPassword }) })) });
      const kms = new KMSClient({ ...common, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ KeyId: 'k', CiphertextBlob: 'AAAA' }) })) });
      const iam = new IAMClient({ ...common, requestHandler: stubHandler(() => ({ status: 400, headers: { 'content-type': 'text/xml' }, body: '<ErrorResponse><Error><Code>PasswordPolicyViolation</Code><Message>bad</Message></Error></ErrorResponse>' })) });
      const ddb = new DynamoDBClient({ ...common, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' })) });
      const s3 = new S3Client({ ...common, requestHandler: stubHandler() });
      for (const c of [sm, kms, iam, ddb, s3]) c.middlewareStack.use(trail.plugin());
      await sm.send(new CreateSecretCommand({ Name: 'db', SecretString: dbPassword }));
      await sm.send(new PutSecretValueCommand({ SecretId: 'db', SecretString: dbPassword }));
      await sm.send(new GetSecretValueCommand({ SecretId: 'db' }));
      await kms.send(new EncryptCommand({ KeyId: 'k', Plaintext: new TextEncoder().encode(plaintext) }));
      await iam.send(new CreateUserCommand({ UserName: 'u' })).catch(() => undefined);
      await iam.send(new CreateLoginProfileCommand({ UserName: 'u', Password: userPassword })).catch(() => undefined);
      await ddb.send(new PutItemCommand({ TableName: 'users', Item: { password: { S: userPassword } } }));
      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: dbPassword, SSECustomerKey: dbPassword, SSECustomerAlgorithm: 'AES256' }));
    }
    const text = JSON.stringify(trail.events());
    expect(trail.events().length).toBe(16);
    for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
    expect(text).toContain('HIDDEN_DUE_TO_SECURITY_REASONS');
  });
});

describe('user redaction', () => {
  it('hides a bare member name anywhere and a dotted path in one place', async () => {
    const trail = createLocalTrail({ redact: ['ssn', 'requestParameters.key.email'] });
    const ddb = new DynamoDBClient({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' })) });
    ddb.middlewareStack.use(trail.plugin());
    await ddb.send(new GetItemCommand({ TableName: 'people', Key: { email: { S: 'a@example.com' }, ssn: { S: '078-05-1120' }, name: { S: 'Ada' } } }));
    expect(trail.events()[0]!.requestParameters).toEqual({
      tableName: 'people',
      key: { email: 'HIDDEN_DUE_TO_SECURITY_REASONS', ssn: 'HIDDEN_DUE_TO_SECURITY_REASONS', name: 'Ada' },
    });
  });
});

describe('user redaction of shared record parts', () => {
  it('hides a path inside userIdentity, resources or tlsDetails in its own records only', async () => {
    const handler = () => stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' }));
    const errors: unknown[] = [];
    const redacting = createLocalTrail({
      redact: ['userIdentity.accessKeyId', 'resources.0.ARN', 'tlsDetails.clientProvidedHostHeader'],
      onError: (e) => errors.push(e),
    });
    const plain = createLocalTrail();
    for (const trail of [redacting, plain]) {
      const ddb = new DynamoDBClient({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: handler() });
      ddb.middlewareStack.use(trail.plugin());
      await ddb.send(new PutItemCommand({ TableName: 'people', Item: {} }));
      await ddb.send(new PutItemCommand({ TableName: 'people', Item: {} }));
    }
    expect(errors).toEqual([]);
    const hidden = 'HIDDEN_DUE_TO_SECURITY_REASONS';
    expect(redacting.events()).toHaveLength(2);
    for (const e of redacting.events()) {
      expect(e.userIdentity!.accessKeyId).toBe(hidden);
      expect(e.userIdentity!.type).toBe('IAMUser');
      expect(e.resources).toEqual([{ accountId: '123456789012', type: 'AWS::DynamoDB::Table', ARN: hidden }]);
      expect(e.tlsDetails).toEqual({ clientProvidedHostHeader: hidden });
    }
    // The other trail's records, which share these parts, are untouched.
    for (const e of plain.events()) {
      expect(e.userIdentity!.accessKeyId).toBe(LONG_TERM.accessKeyId);
      expect(e.resources![0]!.ARN).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/people');
      expect(e.tlsDetails!.clientProvidedHostHeader).toBe('dynamodb.us-east-1.amazonaws.com');
    }
  });
});
