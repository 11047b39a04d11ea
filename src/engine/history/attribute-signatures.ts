// A 32-bit signature per record and lookup attribute, taken when the record is added, so that a lookup whose index is
// not built yet tests a typed array instead of reading each (cold) record: only records whose signature agrees with
// the value's are read and matched. A signature may agree by chance (then the record does not match); it never
// disagrees with a record that matches, so it must see the same values as ATTRIBUTE_MATCHERS and
// forEachAttributeValue. An attribute with one value a record holds that value's hash (a lookup compares for
// equality); ResourceType and ResourceName hold 5 bits of 32 for each value (every resource's type; its ARN and its
// name), OR'ed: a Bloom filter, which a lookup tests for its value's 5 bits.
import type { CloudTrailRecord, CloudTrailResource, UserIdentity } from '../../vocabulary/record.js';
import { resourceNameStart } from './lookup-attributes.js';

/** Signatures per record: one column per lookup attribute. */
export const SIGNATURE_COLUMNS = 8;
const COLUMN: Readonly<Record<string, number>> = {
  EventId: 0,
  EventName: 1,
  EventSource: 2,
  Username: 3,
  AccessKeyId: 4,
  ReadOnly: 5,
  ResourceType: 6,
  ResourceName: 7,
};

/**
 * Characters hashed, from the end of a value: every value the history sees is shorter or differs in its tail (ARNs end
 * with the resource's name), and a bound keeps a long value cheap. Hashing from the end makes a suffix's hash a
 * step of its string's, which is how one pass over an ARN gives the hash of its resource name as well. Even, so that
 * a string's pairs of characters (below) are its tail's.
 */
const TAIL = 32;
/** An event id's random part (GUIDs, and ULIDs written as GUIDs, end in it). */
const EVENT_ID_TAIL = 12;
const SEED = 0x811c9dc5 | 0;
const PRIME = 0x01000193;
/** The signature of a record without a (string) value for the attribute; no value's signature is NONE. */
export const NONE = 0;

/**
 * FNV-1a over `text[from, to)` two characters a step, from the end (the last two first; an odd first character
 * alone); never NONE. Two a step halves the multiplications, each waiting for the one before (about 10% faster here:
 * reading the characters costs as much).
 */
function hashBackward(text: string, from: number, to: number): number {
  let h = SEED;
  let i = to - 1;
  for (; i > from; i -= 2) h = Math.imul(h ^ (text.charCodeAt(i) | (text.charCodeAt(i - 1) << 16)), PRIME);
  if (i === from) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
  return h === NONE ? 1 : h;
}

/** The hash of `text.slice(from)`: of its last TAIL characters. */
function hashSuffix(text: string, from: number): number {
  return hashBackward(text, Math.max(from, text.length - TAIL), text.length);
}

function hashOf(value: unknown): number {
  return typeof value === 'string' ? hashSuffix(value, 0) : NONE;
}

function hashEventId(value: unknown): number {
  return typeof value === 'string' ? hashBackward(value, Math.max(0, value.length - EVENT_ID_TAIL), value.length) : NONE;
}

/**
 * Five bits of 32 for one value of a many-valued attribute (resource types and names): a record ORs its values'. With
 * a resource's ARN and name (ten bits at most), another value's five are all set about once in 700 records; with three
 * bits, once in 200.
 */
function bloom(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return (1 << h) | (1 << (h >>> 5)) | (1 << (h >>> 10)) | (1 << (h >>> 15)) | (1 << (h >>> 20));
}

/**
 * A resource's ARN and its name (a suffix of it, `resourceNameOf`), from one pass over the ARN's tail: the name's
 * hash is a step of the ARN's (hashBackward), or one character more when the name has an odd length.
 */
function resourceNameBits(arn: string): number {
  const start = resourceNameStart(arn);
  const from = Math.max(0, arn.length - TAIL);
  let h = SEED;
  // A name longer than TAIL has the ARN's hash; an empty one (`arn:aws:s3:::`) the hash of no characters.
  let name = start < from ? Number.NaN : SEED;
  let i = arn.length - 1;
  for (; i > from; i -= 2) {
    const c = arn.charCodeAt(i);
    if (i === start) name = Math.imul(h ^ c, PRIME);
    h = Math.imul(h ^ (c | (arn.charCodeAt(i - 1) << 16)), PRIME);
    if (i - 1 === start) name = h;
  }
  if (i === from) {
    h = Math.imul(h ^ arn.charCodeAt(i), PRIME);
    if (i === start) name = h;
  }
  // As hashBackward: no hash is NONE.
  if (h === NONE) h = 1;
  if (name === NONE) name = 1;
  return bloom(h) | bloom(Number.isNaN(name) ? h : name);
}

/**
 * Hashes of the values seen lately, and the bits of the ARNs. Records repeat a few values (operations, principals,
 * resources) and V8 hashes a string for a Map once and keeps it in the string: a repeated value costs a table
 * probe, a half to a fifth of a pass over its characters (V8 reads the characters of a string built by
 * concatenation slowly). Cleared when full, which bounds what they hold (and keep alive).
 */
const hashes = new Map<string, number>();
const arnBits = new Map<string, number>();
const CACHED = 1 << 14;

function cachedHash(value: unknown): number {
  if (typeof value !== 'string') return NONE;
  let h = hashes.get(value);
  if (h === undefined) {
    h = hashSuffix(value, 0);
    if (hashes.size >= CACHED) hashes.clear();
    hashes.set(value, h);
  }
  return h;
}

function cachedResourceNameBits(arn: string): number {
  let bits = arnBits.get(arn);
  if (bits === undefined) {
    bits = resourceNameBits(arn);
    if (arnBits.size >= CACHED) arnBits.clear();
    arnBits.set(arn, bits);
  }
  return bits;
}

// The last frozen userIdentity and resources list and their signatures. The recorder shares one frozen object per
// principal and per resource list between records, and consecutive records mostly repeat them: one comparison then
// stands for two or more table probes. Only a frozen object is remembered (with frozen resources), so that nothing
// read from it can have changed since.
let lastIdentity: unknown;
let lastUser = NONE;
let lastKey = NONE;
let lastResources: unknown;
let lastTypes = NONE;
let lastNames = NONE;

function frozenList(resources: readonly CloudTrailResource[]): boolean {
  if (!Object.isFrozen(resources)) return false;
  for (let i = 0; i < resources.length; i++) if (!Object.isFrozen(resources[i])) return false;
  return true;
}

const ROOT = hashOf('root');
const TRUE = hashOf('true');
const FALSE = hashOf('false');

/** `usernameOf`, hashed without cutting a role session's name out of its ARN. */
function usernameHash(identity: UserIdentity): number {
  if (identity.type === 'Root') return ROOT;
  if (identity.userName) return cachedHash(identity.userName);
  const arn: unknown = identity.arn;
  if ((identity.type === 'AssumedRole' || identity.type === 'FederatedUser') && typeof arn === 'string' && arn !== '') return hashSuffix(arn, arn.lastIndexOf('/') + 1);
  return NONE;
}

/**
 * Writes the signatures of `record` at `slot` of each of the SIGNATURE_COLUMNS `columns`. On the recording path:
 * no allocation but the caches', and a malformed record (from a file) gets NONE where a value is not a string
 * instead of throwing.
 */
export function writeSignatures(record: CloudTrailRecord, columns: readonly Int32Array[], slot: number): void {
  columns[0]![slot] = hashEventId(record.eventID);
  let name: unknown = record.eventName;
  let source: unknown = record.eventSource;
  if (record.eventCategory === 'Insight') {
    const details = record.insightDetails;
    name = details?.['eventName'];
    source = details?.['eventSource'];
  }
  columns[1]![slot] = cachedHash(name);
  columns[2]![slot] = cachedHash(source);
  const identity = record.userIdentity;
  if (identity !== lastIdentity) {
    let user = NONE;
    let key = NONE;
    if (typeof identity === 'object' && identity !== null) {
      user = usernameHash(identity);
      key = cachedHash(identity.accessKeyId);
      if (Object.isFrozen(identity)) {
        lastIdentity = identity;
        lastUser = user;
        lastKey = key;
      }
    }
    columns[3]![slot] = user;
    columns[4]![slot] = key;
  } else {
    columns[3]![slot] = lastUser;
    columns[4]![slot] = lastKey;
  }
  const readOnly = record.readOnly;
  columns[5]![slot] = readOnly === true ? TRUE : readOnly === false ? FALSE : NONE;
  const resources = record.resources;
  if (resources !== lastResources) {
    let types = NONE;
    let names = NONE;
    if (resources != null) {
      for (let i = 0; i < resources.length; i++) {
        const resource = resources[i];
        if (resource == null) continue;
        if (typeof resource.type === 'string') types |= bloom(cachedHash(resource.type));
        const arn: unknown = resource.ARN ?? resource.ARNPrefix;
        if (typeof arn === 'string') names |= cachedResourceNameBits(arn);
      }
      if (frozenList(resources)) {
        lastResources = resources;
        lastTypes = types;
        lastNames = names;
      }
    }
    columns[6]![slot] = types;
    columns[7]![slot] = names;
  } else {
    columns[6]![slot] = lastTypes;
    columns[7]![slot] = lastNames;
  }
}

/** What a lookup tests: column `column` of a record that may have the value satisfies `(signature & mask) === want`. */
export interface SignatureProbe {
  column: number;
  mask: number;
  want: number;
}

/** The column of a lookup attribute; undefined for another key. */
export function signatureColumn(key: string): number | undefined {
  return COLUMN[key];
}

/** The probe for `key = value`; undefined for a key without signatures. */
export function signatureProbe(key: string, value: string): SignatureProbe | undefined {
  const column = COLUMN[key];
  if (column === undefined) return undefined;
  if (key === 'EventId') return { column, mask: -1, want: hashEventId(value) };
  if (key === 'ResourceType' || key === 'ResourceName') {
    const bits = bloom(hashOf(value));
    return { column, mask: bits, want: bits };
  }
  // One value a record: its whole hash, so another value agrees only when the hashes collide.
  return { column, mask: -1, want: hashOf(value) };
}
