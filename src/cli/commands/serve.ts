// `localtrail serve <folder>`: CloudTrail's API and the event-history page over a delivered trail, until Ctrl-C.
import { serveRecords } from '../../server/serve-records.js';
import type { ArgSpec } from '../args.js';
import { UsageError, lastValue, parseArgs } from '../args.js';
import { deliveredRecords } from '../delivered-records.js';
import type { CliIo } from '../io.js';

export const serveUsage = `Usage: localtrail serve <folder> [options]

Serves the records of a delivered trail (a FilesystemSink root, or one bucket folder in it) as CloudTrail's own API
(LookupEvents and the read operations, awsJson1.1) and an event-history page at the printed URL. Stops on Ctrl-C.

  aws cloudtrail lookup-events --endpoint-url <url>

Options:
  --port <n>        TCP port (default 0: any free port)
  --host <address>  interface to bind (default 127.0.0.1; anything else exposes the records, unauthenticated)`;

const spec: ArgSpec = { values: ['port', 'host'] };

export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec);
  if (args.positionals.length !== 1) throw new UsageError('serve takes exactly one folder');
  const portText = lastValue(args, 'port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port: not a port number: ${portText}`);
  const host = lastValue(args, 'host') ?? '127.0.0.1';
  const server = await serveRecords(deliveredRecords(args.positionals[0]!), { port, host });
  const verdict = server.integrity ? (server.integrity.ok ? ', integrity valid' : ', integrity INVALID (see localtrail validate)') : '';
  io.stdout(`Serving ${server.records} records from ${args.positionals[0]}${verdict}`);
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
