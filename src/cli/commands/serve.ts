// `localtrail serve <folder | s3://bucket/prefix>`: CloudTrail's API and the event-history page over a delivered
// trail, until Ctrl-C.
import { serveRecords } from '../../server/serve-records.js';
import type { ArgSpec } from '../args.js';
import { UsageError, lastValue, parseArgs } from '../args.js';
import { deliveredSource, DELIVERED_OPTIONS_HELP, DELIVERED_VALUES } from '../delivered-records.js';
import type { CliIo } from '../io.js';
import { SOURCE_HELP } from '../read-source.js';

export const serveUsage = `Usage: localtrail serve <folder | s3://bucket/prefix> [options]

Serves the records of a delivered trail as CloudTrail's own API (LookupEvents and the read operations, awsJson1.1)
and an event-history page at the printed URL. Reads every record once at start. Stops on Ctrl-C.

  aws cloudtrail lookup-events --endpoint-url <url>

${SOURCE_HELP}

Options:
  --port <n>               TCP port (default 0: any free port)
  --host <address>         interface to bind (default 127.0.0.1; anything else exposes the records, unauthenticated)
${DELIVERED_OPTIONS_HELP}`;

const spec: ArgSpec = { values: ['port', 'host', ...DELIVERED_VALUES] };

export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec);
  const portText = lastValue(args, 'port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port: not a port number: ${portText}`);
  const host = lastValue(args, 'host') ?? '127.0.0.1';
  const source = deliveredSource('serve', args, io);
  const server = await serveRecords(source, { port, host });
  const verdict = server.integrity ? (server.integrity.ok ? ', integrity valid' : ', integrity INVALID (see localtrail validate)') : '';
  io.stdout(`Serving ${server.records} records from ${source.description}${verdict}`);
  io.stdout(`Event history: ${server.url}/`);
  io.stdout(`CloudTrail API: aws cloudtrail lookup-events --endpoint-url ${server.url}`);
  io.stdout('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  io.stdout('Stopped.');
  return 0;
}
