// CloudTrail's time formats: eventTime UTC to the second, `YYYY-MM-DDTHH:MM:SSZ`, as records (eventTime), digest files and
// `aws cloudtrail validate-logs` write it (docs/facts.md §1.2, §4.3).

/** A whole string in CloudTrail's time format. */
export const CLOUDTRAIL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let formattedSecond = Number.NaN;
let formattedText = '';

/**
 * Formats epoch ms in CloudTrail's time format, dropping the milliseconds; one Date per second, not one per event.
 * @example
 * cloudTrailTime(Date.parse('2014-03-06T21:22:54.321Z')) // '2014-03-06T21:22:54Z'
 */
export function cloudTrailTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== formattedSecond) {
    formattedText = new Date(second * 1000).toISOString().slice(0, 19) + 'Z';
    formattedSecond = second;
  }
  return formattedText;
}

let parsedText = '';
let parsedMs = 0;
const DIGIT0 = 48;

function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const d = text.charCodeAt(at + i) - DIGIT0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Epoch ms of a time in CloudTrail's format, read without Date.parse (records arrive in runs of one second); any
 * other text goes through Date.parse (NaN when unreadable).
 * @example
 * parseCloudTrailTime('2014-03-06T21:22:54Z') // 1394140974000
 */
export function parseCloudTrailTime(text: string): number {
  if (text === parsedText) return parsedMs;
  let ms = Number.NaN;
  if (text.length === 20 && text.charCodeAt(19) === 90 /* Z */) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 2);
    const d = digits(text, 8, 2);
    const h = digits(text, 11, 2);
    const mi = digits(text, 14, 2);
    const sec = digits(text, 17, 2);
    if (y >= 0 && mo >= 1 && d >= 1 && h >= 0 && mi >= 0 && sec >= 0) ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  }
  if (Number.isNaN(ms)) ms = Date.parse(text);
  parsedText = text;
  parsedMs = ms;
  return ms;
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
