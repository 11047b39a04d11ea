// CloudTrail's time format: UTC to the second, `YYYY-MM-DDTHH:MM:SSZ`.

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

/**
 * The epoch ms of `text` when it is the string `secondPrecision` returned last (the same object), else NaN: lets a
 * reader of fresh records (the event history) skip parsing the time the recorder just formatted.
 */
export function lastFormattedSecond(text: string): number {
  return text === cachedText ? cachedSecond * 1000 : Number.NaN;
}
