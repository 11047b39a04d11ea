// `trail.listen()`: a LocalTrail's own engine over HTTP, events appearing on the page as the application records them.
import type { CloudTrailApi } from '../engine/cloudtrail-handler.js';
import type { TrailEngine } from '../engine/trail-engine.js';
import type { ListenOptions, LocalTrailServer } from './http-server.js';
import { startServer } from './http-server.js';

/** Serves a live engine, its API through `api` (the LocalTrail's gate); `defaultScope` is the LocalTrail's configured account and region. */
export function listenLive(engine: TrailEngine, api: CloudTrailApi, defaultScope: { accountId: string; region: string }, options?: ListenOptions): Promise<LocalTrailServer> {
  const description = `LocalTrail in process ${process.pid}`;
  return startServer(
    {
      engine,
      api,
      info: () => ({ mode: 'live', description, defaultScope, scopes: engine.historyScopes() }),
    },
    options,
  );
}
