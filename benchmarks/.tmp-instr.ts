import { join } from 'node:path';
import { countInstructions, inBatches } from './instruction-count.js';
const worker = ['--import', 'tsx', join(import.meta.dirname, 'routing-instructions.worker.ts')];
const N = 200_000;
const variants: Array<[string, Record<string, string>]> = [['plain', { VARIANT: 'plain' }], ['insights', { VARIANT: 'insights' }], ['insights-noclose', { VARIANT: 'insights', CLOSE: '0' }], ['plain-noclose', { VARIANT: 'plain', CLOSE: '0' }]];
const counts = await inBatches(variants.flatMap(([, env]) => [0, N].map((e) => () => countInstructions(worker, { ...env, EVENTS: String(e) }))), 2);
variants.forEach(([name], i) => console.log(name, (counts[2 * i + 1]! - counts[2 * i]!) / N));
