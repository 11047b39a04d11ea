// Which API calls are read events (readOnly: true): the conventions of cloudtrail-facts §7.1 plus curated exceptions.

const READ_PREFIXES = [
  'Get', 'Describe', 'List', 'Head', 'Lookup', 'Search', 'Query', 'Scan', 'BatchGet', 'Select', 'Poll', 'Check',
  'Validate', 'Estimate', 'Preview', 'Simulate', 'Test', 'View', 'Download', 'Export', 'Detect', 'Filter',
];

/** Per eventSource: operations that break the prefix convention, with their CloudTrail readOnly value. */
const EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {
  'kms.amazonaws.com': {
    Encrypt: true, Decrypt: true, ReEncrypt: true, GenerateDataKey: true, GenerateDataKeyWithoutPlaintext: true,
    GenerateDataKeyPair: true, GenerateDataKeyPairWithoutPlaintext: true, GenerateRandom: true, GenerateMac: true,
    VerifyMac: true, Sign: true, Verify: true, DeriveSharedSecret: true,
  },
  'sts.amazonaws.com': {
    AssumeRole: true, AssumeRoleWithSAML: true, AssumeRoleWithWebIdentity: true, AssumeRoot: true,
    DecodeAuthorizationMessage: true,
  },
  'sqs.amazonaws.com': { ReceiveMessage: true },
  'dynamodb.amazonaws.com': { TransactGetItems: true },
  'ec2.amazonaws.com': { GetConsoleOutput: true },
  'secretsmanager.amazonaws.com': { GetRandomPassword: true },
  's3.amazonaws.com': { GetObject: true, RestoreObject: false, SelectObjectContent: true },
};

const cache = new Map<string, boolean>();

/** CloudTrail's readOnly for an operation of a service. */
export function isReadOnly(eventSource: string, operation: string): boolean {
  const key = `${eventSource}#${operation}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = EXCEPTIONS[eventSource]?.[operation] ?? READ_PREFIXES.some((p) => startsWithWord(operation, p));
    cache.set(key, value);
  }
  return value;
}

/** `GetItem` starts with the word `Get`; `Getaway` does not (the next character must start a new word). */
function startsWithWord(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  const next = name.charCodeAt(prefix.length);
  return Number.isNaN(next) || (next >= 65 && next <= 90) || (next >= 48 && next <= 57);
}
