// Credentials and secrets used across tests; the secret scan looks for exactly these strings everywhere.

export const LONG_TERM = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

export const TEMPORARY = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'tmpSecretKeyDoNotLeak/abcdefghijklmnop0123',
  sessionToken: 'FwoGZXIvYXdzEDoaDONOTLEAKSESSIONTOKEN0123456789abcdef',
};

export const SECRET_VALUES = ['s3cr3t-database-password!', 'TOP-SECRET-PLAINTEXT-VALUE', 'hunter2-user-password'];

/** Every string that must never appear in a record, file or log. */
export const FORBIDDEN = [LONG_TERM.secretAccessKey, TEMPORARY.secretAccessKey, TEMPORARY.sessionToken, ...SECRET_VALUES];
