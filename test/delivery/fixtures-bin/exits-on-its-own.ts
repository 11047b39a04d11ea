// A process with a logging, validating trail and pending 5-minute/1-hour timers: it must exit by itself.
import { MemorySink } from '../../../src/delivery/sinks/memory-sink.js';
import { createLocalTrail } from '../../../src/localtrail.js';
import { makeRecord, makeTrail, route } from '../fixtures.js';
import { localTrailParts } from '../../../src/localtrail-internals.js';

const trail = createLocalTrail({ delivery: { sinks: [new MemorySink()] } });
const t = makeTrail();
localTrailParts(trail).delivery.loggingStarted(t, Date.now());
localTrailParts(trail).delivery.enqueue(route(t), makeRecord(Date.now()));
process.stdout.write('queued\n');
