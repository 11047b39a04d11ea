// Replays one corpus entry: the real SDK client, a stub HTTP handler answering the entry's wire reply, and trail.plugin().
import { createLocalTrail } from '../../src/index.js';
import { stubHandler } from '../support/stub-http.js';
import type { CorpusEntry, JsonRecord } from './corpus-entry.js';
import { decodeInput } from './corpus-entry.js';

/** Test credentials; the access key id is the record's when it has the form of one, so identity code sees the same key. */
const SECRET = 'fidelityHarnessSecretKey/0123456789abcdefghij';
const SESSION_TOKEN = 'FidelityHarnessSessionToken0123456789';

export interface Replay {
  /** Every record localtrail wrote for the call (one expected). */
  records: JsonRecord[];
  /** The error the SDK threw, if any. */
  thrown?: { name: string; message: string };
}

type SdkModule = Record<string, unknown>;
type AnyClient = { middlewareStack: { use(plugin: unknown): void }; send(command: unknown): Promise<unknown>; destroy?(): void };

/** Loads a client package; `undefined` when it is not installed. */
export async function loadPackage(name: string): Promise<SdkModule | undefined> {
  try {
    return (await import(name)) as SdkModule;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

function credentialsFor(record: JsonRecord): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } {
  const identity = (record.userIdentity ?? {}) as JsonRecord;
  const given = typeof identity.accessKeyId === 'string' ? identity.accessKeyId : '';
  const temporary = identity.type === 'AssumedRole' || identity.type === 'FederatedUser' || given.startsWith('ASIA');
  const accessKeyId = /^(AKIA|ASIA)[A-Z0-9]{16}$/.test(given) ? given : temporary ? 'ASIAFIDELITYEXAMPLE0' : 'AKIAFIDELITYEXAMPLE0';
  return temporary ? { accessKeyId, secretAccessKey: SECRET, sessionToken: SESSION_TOKEN } : { accessKeyId, secretAccessKey: SECRET };
}

/** The account localtrail is told: the entry's, else the one in the record's first resource ARN, else the recipient's. */
function accountFor(entry: CorpusEntry): string {
  if (entry.accountId) return entry.accountId;
  const resources = Array.isArray(entry.record.resources) ? entry.record.resources : [];
  for (const r of resources) {
    const arn = (r as JsonRecord).ARN ?? (r as JsonRecord).ARNPrefix;
    const account = typeof arn === 'string' ? arn.split(':')[4] : undefined;
    if (account && /^\d{12}$/.test(account)) return account;
  }
  const recipient = entry.record.recipientAccountId;
  return typeof recipient === 'string' && /^\d{12}$/.test(recipient) ? recipient : '123456789012';
}

export async function replay(entry: CorpusEntry, sdk: SdkModule): Promise<Replay> {
  const { call, response } = entry;
  const Client = sdk[call.client] as (new (config: object) => AnyClient) | undefined;
  const Command = sdk[call.command] as (new (input: unknown) => unknown) | undefined;
  if (typeof Client !== 'function') throw new Error(`${call.package} has no export ${call.client}`);
  if (typeof Command !== 'function') throw new Error(`${call.package} has no export ${call.command}`);

  const trail = createLocalTrail({
    accountId: accountFor(entry),
    sourceIpAddress: '192.0.2.0',
    ...(entry.dynamoDbTableKeys ? { dynamoDbTableKeys: entry.dynamoDbTableKeys } : {}),
  });
  // The record's own request id, unless the entry's reply names one: services echo it in bodies too (EC2's requestId).
  const requestId = typeof entry.record.requestID === 'string' ? entry.record.requestID : 'fidelity-request';
  const headers = { 'x-amzn-requestid': requestId, 'x-amz-request-id': requestId, ...response.headers };
  const http = stubHandler(() => ({ status: response.statusCode, headers, body: response.body }));
  const client = new Client({
    region: call.region,
    credentials: credentialsFor(entry.record),
    requestHandler: http,
    maxAttempts: 1,
    ...(call.config ?? {}),
  });
  client.middlewareStack.use(trail.plugin());
  let thrown: Replay['thrown'];
  try {
    await client.send(new Command(decodeInput(call.input)));
  } catch (e) {
    const err = e as Error;
    thrown = { name: err.name, message: err.message };
  } finally {
    client.destroy?.();
  }
  const records = JSON.parse(JSON.stringify(trail.events())) as JsonRecord[];
  await trail.shutdown();
  return thrown ? { records, thrown } : { records };
}
