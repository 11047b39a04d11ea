// CloudTrail's time formats: eventTime (UTC to the second) and the dates inside requestParameters/responseElements.

let cachedSecond = Number.NaN;
let cachedText = '';

/** Formats epoch ms as `2014-03-06T21:22:54Z`; one Date per second, not one per event. */
export function secondPrecision(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedText = new Date(second * 1000).toISOString().slice(0, 19) + 'Z';
    cachedSecond = second;
  }
  return cachedText;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A timestamp as most services' records write the dates in their responses: `Jul 18, 2023, 4:07:39 PM`, in UTC
 * (the default Java date format; e.g. STS `credentials.expiration`, IAM `createDate`, DynamoDB `creationDateTime`).
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html (AssumeRole example).
 */
export function javaDate(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'Invalid Date';
  const hours = d.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h12}:${mm}:${ss} ${hours < 12 ? 'AM' : 'PM'}`;
}
