// KMS's record rules: the algorithm a cryptographic call used is always logged; plaintext never.
import type { OperationRule, ServiceRules } from './types.js';

const DECRYPT = 'https://docs.aws.amazon.com/kms/latest/developerguide/ct-decrypt.html';
const ENCRYPT = 'https://docs.aws.amazon.com/kms/latest/developerguide/ct-encrypt.html';

const symmetricDefault = (source: string): OperationRule => ({ source, requestDefaults: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' } });

export const KMS_RULES: ServiceRules = {
  service: 'kms',
  request: {
    Plaintext: { source: ENCRYPT, as: 'omit' },
  },
  operations: {
    Decrypt: symmetricDefault(DECRYPT),
    Encrypt: symmetricDefault(ENCRYPT),
  },
};
