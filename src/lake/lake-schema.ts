// The table a CloudTrail record becomes in DuckDB: CloudTrail Lake's event schema (column names as records spell
// them; SQL identifiers are case-insensitive), and the SQL that turns record JSON into rows of it.

const MAP = 'MAP(VARCHAR, VARCHAR)';
const STRING = 'VARCHAR';

/** A JSON-transform structure: a DuckDB type name, a nested object (STRUCT) or a one-element array (LIST). */
type Shape = string | { [field: string]: Shape } | [Shape];

const SESSION_ISSUER: Shape = { type: STRING, principalId: STRING, arn: STRING, accountId: STRING, userName: STRING };

/**
 * Lake's CloudTrail event columns (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-limitations.html):
 * `eventTime` a timestamp, `userIdentity` and `tlsDetails` structs, `requestParameters` and the other free-form
 * objects `map<string,string>` (nested values as JSON text), `resources` an array of structs.
 */
const COLUMNS: Array<[string, Shape]> = [
  ['eventVersion', STRING],
  [
    'userIdentity',
    {
      type: STRING,
      principalId: STRING,
      arn: STRING,
      accountId: STRING,
      accessKeyId: STRING,
      userName: STRING,
      sessionContext: {
        attributes: { creationDate: 'TIMESTAMP', mfaAuthenticated: STRING },
        sessionIssuer: SESSION_ISSUER,
        webIdFederationData: { federatedProvider: STRING, attributes: MAP },
        sourceIdentity: STRING,
        ec2RoleDelivery: STRING,
        ec2IssuedInVPC: STRING,
      },
      invokedBy: STRING,
      identityProvider: STRING,
    },
  ],
  ['eventTime', 'TIMESTAMP'],
  ['eventSource', STRING],
  ['eventName', STRING],
  ['awsRegion', STRING],
  ['sourceIPAddress', STRING],
  ['userAgent', STRING],
  ['errorCode', STRING],
  ['errorMessage', STRING],
  ['requestParameters', MAP],
  ['responseElements', MAP],
  ['additionalEventData', MAP],
  ['requestID', STRING],
  ['eventID', STRING],
  ['readOnly', 'BOOLEAN'],
  ['resources', [{ accountId: STRING, type: STRING, ARN: STRING, ARNPrefix: STRING }]],
  ['eventType', STRING],
  ['apiVersion', STRING],
  ['managementEvent', 'BOOLEAN'],
  ['recipientAccountId', STRING],
  ['sharedEventID', STRING],
  ['annotation', STRING],
  ['vpcEndpointId', STRING],
  ['vpcEndpointAccountId', STRING],
  ['serviceEventDetails', MAP],
  ['addendum', MAP],
  ['edgeDeviceDetails', MAP],
  ['insightDetails', MAP],
  ['eventCategory', STRING],
  ['tlsDetails', { tlsVersion: STRING, cipherSuite: STRING, clientProvidedHostHeader: STRING }],
  ['sessionCredentialFromConsole', STRING],
];

function sqlType(shape: Shape): string {
  if (typeof shape === 'string') return shape;
  if (Array.isArray(shape)) return `${sqlType(shape[0])}[]`;
  return `STRUCT(${Object.entries(shape).map(([k, v]) => `"${k}" ${sqlType(v)}`).join(', ')})`;
}

/** Quotes an identifier for DuckDB. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal for DuckDB. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const RECORD_STRUCTURE = quoteLiteral(JSON.stringify(Object.fromEntries(COLUMNS)));
const NAMES = COLUMNS.map(([name]) => quoteIdentifier(name));

/**
 * `CREATE TABLE` for a table of records; `eventJson` holds each record's JSON as delivered, `eventJsonChecksum` is
 * computed (MD5 of it) only when a query reads it.
 */
export function createEventsTableSql(table: string): string {
  const columns = COLUMNS.map(([name, shape]) => `${quoteIdentifier(name)} ${sqlType(shape)}`);
  columns.push('"eventJson" VARCHAR', '"eventJsonChecksum" VARCHAR GENERATED ALWAYS AS (md5("eventJson")) VIRTUAL');
  return `CREATE TABLE ${quoteIdentifier(table)} (${columns.join(', ')})`;
}

/**
 * Inserts the records of `source`, a query yielding one column `r` of JSON records, into `table`. Values that do
 * not convert (a malformed time) become NULL rather than failing the batch.
 */
export function insertRecordsSql(table: string, source: string): string {
  const projected = COLUMNS.map(([name]) => `s.${quoteIdentifier(name)}`).join(', ');
  return (
    `INSERT INTO ${quoteIdentifier(table)} (${NAMES.join(', ')}, "eventJson") ` +
    `SELECT ${projected}, j FROM (SELECT json_transform(r, ${RECORD_STRUCTURE}) AS s, r::VARCHAR AS j FROM (${source}))`
  );
}

