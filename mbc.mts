import { toParametersText } from './src/event/parameters-text.ts';
import { toParameters } from './src/event/parameters.ts';
import { compileRedaction } from './src/event/redaction.ts';
import { plansForOperation } from './src/recorder/schema-plan.ts';
import { BENCH_CALLS, benchCredentials } from './benchmarks/stub-calls.ts';
import * as ec2 from '@aws-sdk/client-ec2';
const plans = plansForOperation((ec2 as any)['RunInstances$'])!;
const r = compileRedaction([]);
const o = { secretNames: r.names, userSecretNames: r.userNames };
const client = new ec2.EC2Client({ region: 'us-east-1', credentials: benchCredentials, ...BENCH_CALLS.RunInstances.config });
const output = await client.send(new ec2.RunInstancesCommand(BENCH_CALLS.RunInstances.input as any));
const input = BENCH_CALLS.RunInstances.input;
const fns: Record<string, () => unknown> = {
  outText: () => toParametersText(output, plans.output, o, '"requestId":"bench"'),
  outObj: () => toParameters(output, plans.output, o),
  inText: () => toParametersText(input, plans.input, o),
  inObj: () => toParameters(input, plans.input, o),
};
const f = fns[process.env.FN!]!;
for (let i = 0; i < 20000; i++) f();
const n = Number(process.env.ITER);
for (let i = 0; i < n; i++) f();
