// Prints, as JSON, whether DuckDB is loaded after importing localtrail, after using Lake's control plane, and after
// the first query; or the error a query gets when @duckdb/node-api cannot be found.
import { DynamoDBClient, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createRequire } from 'node:module';
import { createLocalTrail } from '../../../src/index.js';
import { stubHandler } from '../../support/stub-http.js';

const cache = createRequire(import.meta.url).cache;
const duckDbLoaded = (): boolean =>
  Object.keys(cache).some((path) => path.includes('@duckdb')) || (process.report.getReport() as { sharedObjects: string[] }).sharedObjects.some((path) => path.includes('duckdb'));

const steps: Record<string, unknown> = { afterImport: duckDbLoaded() };
const trail = createLocalTrail();
const dynamo = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }, requestHandler: stubHandler(() => ({ body: '{}' })) });
dynamo.middlewareStack.use(trail.plugin());
const { EventDataStoreArn } = await trail.createEventDataStore({ Name: 'on-demand' });
await dynamo.send(new DescribeTableCommand({ TableName: 'table-1' }));
steps['afterStoreAndRecording'] = duckDbLoaded();
try {
  await trail.startQuery({ QueryStatement: `SELECT count(*) FROM ${EventDataStoreArn!.split('/').pop()}` });
  steps['afterQuery'] = duckDbLoaded();
} catch (error) {
  steps['queryError'] = { name: (error as Error).name, code: (error as { code?: string }).code, message: (error as Error).message };
}
await trail.shutdown();
process.stdout.write(JSON.stringify(steps));
