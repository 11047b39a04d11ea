// The error every invalid option throws, at construction and never per event: a TypeError with a stable code.

/**
 * Thrown when an option is invalid: `createLocalTrail` options, `delivery` options, signing keys, `redact` paths,
 * the `organization`, a `ManualClock` start time, `validateLogs`' `trailArn`, `listen`'s `port`
 * and `maxRequestBytes`. A `TypeError` (so existing
 * `instanceof TypeError` checks keep working) with `code` `'LOCALTRAIL_INVALID_OPTION'` and the option it is about.
 * @example
 * try {
 *   createLocalTrail({ accountId: '42' });
 * } catch (error) {
 *   if (error instanceof LocalTrailConfigError) console.error(error.code, error.option); // 'LOCALTRAIL_INVALID_OPTION' 'accountId'
 * }
 */
export class LocalTrailConfigError extends TypeError {
  override readonly name = 'LocalTrailConfigError';
  readonly code = 'LOCALTRAIL_INVALID_OPTION';
  /** The option at fault, as a path: `accountId`, `delivery.gzip`, `organization.id`, … */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}
