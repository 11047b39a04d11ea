// The recording alone: one captured SDK call (its context and output) replayed through trail.plugin()'s hook, so a
// benchmark can time or count localtrail's own work without the SDK's serialising, signing and parsing around it.
import type { LocalTrail } from '../src/index.js';

type Client = { middlewareStack: { add(...args: unknown[]): void }; send(command: unknown): Promise<unknown> };

/** Sends `command()` once on `probe` to capture it, then returns a function that replays it through `trail`'s hook. */
export async function replayThroughHook(probe: Client, command: () => unknown, input: object, trail: LocalTrail): Promise<() => Promise<unknown>> {
  let captured: { context: Record<string, unknown>; output: unknown } | undefined;
  probe.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: unknown) => async (args: unknown) => {
      const out = await next(args);
      captured = { context: context as Record<string, unknown>, output: out };
      return out;
    },
    { step: 'initialize', priority: 'high', name: 'capture' },
  );
  await probe.send(command());
  const { context, output } = captured!;
  const smithy = context['__smithy_context'] as Record<string, unknown>;
  const scheme = smithy['selectedHttpAuthScheme'];
  // As trail.plugin() hooks a stack: the stand-in stack's resolve plays the rest of the SDK's stack (it sets the auth
  // scheme and hands the innermost handler the request, as the SDK does) and the hook wraps it.
  const request = { headers: { host: 'dynamodb.us-east-1.amazonaws.com', 'user-agent': 'aws-sdk-js/3 api/dynamodb#3', 'content-length': '60' } };
  const standIn = {
    concat: () => standIn,
    applyToStack: () => undefined,
    clone: () => standIn,
    resolve: (innermost: (args: object) => Promise<unknown>) => async (args: object) => {
      smithy['selectedHttpAuthScheme'] = { ...(scheme as object) };
      await innermost({ ...args, request });
      return output;
    },
  };
  trail.plugin().applyToStack(standIn as never);
  const handler = (standIn.resolve as unknown as (next: () => Promise<unknown>, context: object) => (args: object) => Promise<unknown>)(
    async () => output,
    context,
  );
  const replay = () => handler({ input });
  await replay();
  // S3 records write the user agent in brackets.
  const last = trail.events().at(-1);
  if (trail.stats().recorded === 0 || (last !== undefined && !last.userAgent?.includes(request.headers['user-agent']))) throw new Error('the replay did not record the call');
  return replay;
}
