// trail.plugin() hooks the stack instead of adding an entry: every way a stack reaches a call must still record once.
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { MiddlewareStack } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { createLocalTrail, localTrailMiddlewareOptions } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

const reply = () => ({ body: JSON.stringify({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111122223333/q' }) });

function sqs() {
  const http = stubHandler(reply);
  return { http, client: new SQSClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: http }) };
}

describe('trail.plugin() on the stack', () => {
  it('adds no middleware entry, and records outside every entry (an initialize/high middleware sees the call inside it)', async () => {
    const trail = createLocalTrail();
    const { client, http } = sqs();
    const before = client.middlewareStack.identify();
    client.middlewareStack.use(trail.plugin());
    expect(client.middlewareStack.identify()).toEqual(before);
    // A user middleware that rewrites the input runs after the recording began: the record shows the input as sent to send().
    client.middlewareStack.add((next) => (args) => next({ ...args, input: { QueueName: 'rewritten' } }), { step: 'initialize', priority: 'high', name: 'rewrite' });
    await client.send(new GetQueueUrlCommand({ QueueName: 'orders' }));
    expect(trail.events()).toHaveLength(1);
    expect(trail.events()[0]).toMatchObject({ eventName: 'GetQueueUrl', requestParameters: { queueName: 'orders' } });
    expect(trail.events()[0]!.userAgent).toBe(http.requests[0]!.headers['user-agent']);
  });

  it('records calls of a command whose own stack got the plugin, once even when the client has it too', async () => {
    const trail = createLocalTrail();
    const { client } = sqs();
    const command = new GetQueueUrlCommand({ QueueName: 'only-this' });
    command.middlewareStack.use(trail.plugin());
    await client.send(new GetQueueUrlCommand({ QueueName: 'not-this' }));
    await client.send(command);
    expect(trail.events().map((e) => e.requestParameters)).toEqual([{ queueName: 'only-this' }]);

    client.middlewareStack.use(trail.plugin());
    const again = new GetQueueUrlCommand({ QueueName: 'both' });
    again.middlewareStack.use(trail.plugin());
    await client.send(again);
    expect(trail.events()).toHaveLength(2);
  });

  it('records once when used twice; a second LocalTrail takes over from the first', async () => {
    const first = createLocalTrail();
    const second = createLocalTrail();
    const { client } = sqs();
    client.middlewareStack.use(first.plugin());
    client.middlewareStack.use(first.plugin());
    await client.send(new GetQueueUrlCommand({ QueueName: 'a' }));
    client.middlewareStack.use(second.plugin());
    await client.send(new GetQueueUrlCommand({ QueueName: 'b' }));
    expect(first.events().map((e) => e.requestParameters)).toEqual([{ queueName: 'a' }]);
    expect(second.events().map((e) => e.requestParameters)).toEqual([{ queueName: 'b' }]);
  });

  it('carries over to clones and to stacks the hooked stack is copied into', async () => {
    const trail = createLocalTrail();
    const { client } = sqs();
    client.middlewareStack.use(trail.plugin());
    const { client: cloned } = sqs();
    (cloned as { middlewareStack: MiddlewareStack<object, object & { $metadata: object }> }).middlewareStack = client.middlewareStack.clone();
    const { client: copied } = sqs();
    copied.middlewareStack.use(client.middlewareStack);
    await cloned.send(new GetQueueUrlCommand({ QueueName: 'cloned' }));
    await copied.send(new GetQueueUrlCommand({ QueueName: 'copied' }));
    expect(trail.events().map((e) => e.requestParameters)).toEqual([{ queueName: 'cloned' }, { queueName: 'copied' }]);
  });

  it('adds the middleware entry to a stack that is not the SDK kind', () => {
    const trail = createLocalTrail();
    const added: unknown[] = [];
    const stack = { add: (_middleware: unknown, options: unknown) => added.push(options) };
    trail.plugin().applyToStack(stack as unknown as MiddlewareStack<object, { $metadata: object }>);
    expect(added).toEqual([localTrailMiddlewareOptions]);
  });
});
