// What localtrail assumes when nobody says otherwise, and CloudTrail's own bounds it follows by default.

/** The account of calls whose credentials carry none, and of control-plane calls that name no caller. */
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** The region of the control plane, and of calls that fail before their region is known. */
export const DEFAULT_REGION = 'us-east-1';

/** CloudTrail's bound on one delivered log file: 50 MB compressed (docs/facts.md §3). */
export const MAX_LOG_FILE_BYTES = 50 * 1000 * 1000;
