// `--public-key <pem-file>` (repeatable): the trail's public keys, kept apart from the logs, for validation.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ValidationPublicKey } from '../validation/object-source.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './args.js';

/** The keys of every `--public-key` given (PKCS#1 or SPKI PEM), as validateLogs takes them. */
export function publicKeysArg(args: ParsedArgs): ValidationPublicKey[] {
  return (args.values.get('public-key') ?? []).map(readPublicKey);
}

function readPublicKey(file: string): ValidationPublicKey {
  try {
    const key = createPublicKey(readFileSync(file, 'utf8'));
    return { value: new Uint8Array(key.export({ type: 'pkcs1', format: 'der' })) };
  } catch (error) {
    throw new UsageError(`--public-key: cannot read a public key from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
