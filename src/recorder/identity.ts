// userIdentity from the credentials the SDK resolved for a call (cloudtrail-facts §1.3); never the secret or token.
import { createHash } from 'node:crypto';
import type { UserIdentity } from '../vocabulary/record.js';
import { cloudTrailTime } from '../vocabulary/time.js';

/**
 * Says who an access key belongs to, so records name the real user or role instead of a generic one.
 * @example
 * { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice' }
 * { accessKeyId: /^ASIA/, roleName: 'Deployer', sessionName: 'ci', accountId: '111122223333' }
 */
export interface IdentityMapping {
  accessKeyId: string | RegExp;
  /** IAM user name (long-term keys); makes the identity an `IAMUser`. */
  userName?: string;
  /** Role name (temporary keys); makes the identity an `AssumedRole`. */
  roleName?: string;
  sessionName?: string;
  /** `Root` identity for the account's root keys. */
  root?: boolean;
  accountId?: string;
  /** Overrides the generated principal id (`AIDA…` / `AROA…:<session>`). */
  principalId?: string;
}

/**
 * What the SDK resolved: its identity object, of which only these members are read. The session token is only
 * tested for presence, and nothing of the object is kept.
 */
export interface ResolvedCredentials {
  accessKeyId?: string;
  sessionToken?: string;
  accountId?: string;
}

export const DEFAULT_USER_NAME = 'localtrail-user';
export const DEFAULT_ROLE_NAME = 'localtrail-role';
export const DEFAULT_SESSION_NAME = 'localtrail-session';

/** Builds userIdentity objects, caching one per (key, account) since the same keys sign call after call. */
export class IdentityResolver {
  private readonly cache = new Map<string, UserIdentity>();
  /** The last answer: the same credentials sign call after call, so a comparison usually spares the key and lookup. */
  private last: { keyId: string; session: boolean; accountId: string | undefined; identity: UserIdentity } | undefined;

  constructor(
    private readonly mappings: readonly IdentityMapping[],
    private readonly defaultAccountId: string,
    private readonly partition = 'aws',
    private readonly now: () => number = Date.now,
  ) {}

  /** The account a call is made as: the credentials' own, else the mapping's, else the configured default. */
  accountFor(credentials: ResolvedCredentials | undefined): string {
    if (credentials?.accountId) return credentials.accountId;
    if (this.mappings.length === 0) return this.defaultAccountId;
    const mapping = credentials?.accessKeyId ? this.mappingFor(credentials.accessKeyId) : undefined;
    return mapping?.accountId ?? this.defaultAccountId;
  }

  /**
   * The userIdentity for the credentials. Records of the same principal share one frozen object: a copy per record
   * would be retained for as long as the record is (the ring, history, delivery queues) and cost the garbage
   * collector on every call.
   */
  identityFor(credentials: ResolvedCredentials | undefined): UserIdentity {
    const keyId = credentials?.accessKeyId;
    if (!keyId) return { type: 'Unknown', principalId: '', accountId: this.accountFor(credentials) };
    const session = Boolean(credentials.sessionToken);
    const last = this.last;
    if (last !== undefined && last.keyId === keyId && last.session === session && last.accountId === credentials.accountId) {
      return last.identity;
    }
    const cacheKey = `${keyId}|${session ? 1 : 0}|${credentials.accountId ?? ''}`;
    let identity = this.cache.get(cacheKey);
    if (!identity) {
      identity = deepFreeze(this.build(keyId, credentials));
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(cacheKey, identity);
    }
    this.last = { keyId, session, accountId: credentials.accountId, identity };
    return identity;
  }

  private mappingFor(accessKeyId: string): IdentityMapping | undefined {
    for (const m of this.mappings) {
      if (typeof m.accessKeyId === 'string' ? m.accessKeyId === accessKeyId : m.accessKeyId.test(accessKeyId)) return m;
    }
    return undefined;
  }

  private build(accessKeyId: string, credentials: ResolvedCredentials): UserIdentity {
    const mapping = this.mappingFor(accessKeyId);
    const accountId = this.accountFor(credentials);
    const p = this.partition;
    if (mapping?.root) {
      return { type: 'Root', principalId: accountId, arn: `arn:${p}:iam::${accountId}:root`, accountId, accessKeyId };
    }
    const temporary = mapping?.roleName !== undefined || (mapping?.userName === undefined && (Boolean(credentials.sessionToken) || accessKeyId.startsWith('ASIA')));
    if (temporary) {
      const role = mapping?.roleName ?? DEFAULT_ROLE_NAME;
      const session = mapping?.sessionName ?? DEFAULT_SESSION_NAME;
      const roleId = mapping?.principalId?.split(':')[0] ?? syntheticId('AROA', `${accountId}:role/${role}`);
      return {
        type: 'AssumedRole',
        principalId: `${roleId}:${session}`,
        arn: `arn:${p}:sts::${accountId}:assumed-role/${role}/${session}`,
        accountId,
        accessKeyId,
        sessionContext: {
          sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:${p}:iam::${accountId}:role/${role}`, accountId, userName: role },
          // The session's true start is unknowable in-process; the first call seen with these keys stands in.
          attributes: { creationDate: cloudTrailTime(this.now()), mfaAuthenticated: 'false' },
        },
      };
    }
    const userName = mapping?.userName ?? DEFAULT_USER_NAME;
    return {
      type: 'IAMUser',
      principalId: mapping?.principalId ?? syntheticId('AIDA', `${accountId}:user/${userName}`),
      arn: `arn:${p}:iam::${accountId}:user/${userName}`,
      accountId,
      accessKeyId,
      userName,
    };
  }
}

/** A stable, IAM-shaped unique id (`AIDA` + 17 base32 characters) derived from the principal's name. */
export function syntheticId(prefix: string, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = prefix;
  for (let i = 0; i < 17; i++) id += alphabet[digest[i]! & 31];
  return id;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child && typeof child === 'object') deepFreeze(child as object);
  return Object.freeze(value);
}
