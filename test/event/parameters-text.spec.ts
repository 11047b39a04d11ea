// The text writer (parameters-text.ts) against the object path (parameters.ts): for every call of the fidelity corpus
// and the bench, made through a real SDK client, the text is what JSON.stringify writes for the objects, byte for byte.
import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../src/event/parameters.js';
import { toParameters } from '../../src/event/parameters.js';
import { quote, toParametersText } from '../../src/event/parameters-text.js';
import { compileRedaction } from '../../src/event/redaction.js';
import { plansForOperation } from '../../src/recorder/schema-plan.js';
import type { MemberPlan, ParameterPlan } from '../../src/event/parameter-plan.js';
import { ANY_PLAN, makePlan, PlanKind } from '../../src/event/parameter-plan.js';
import { PackedJson, recordJson, unpackRecord } from '../../src/vocabulary/packed-json.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { createLocalTrail } from '../../src/index.js';
import { loadCorpus, decodeInput } from '../fidelity/corpus-entry.js';
import { loadPackage } from '../fidelity/run-entry.js';
import { stubHandler } from '../support/stub-http.js';
import { BENCH_CALLS, BENCH_OPERATIONS } from '../../benchmarks/stub-calls.js';

type AnyClient = {
  middlewareStack: { add(mw: unknown, options: object): void; use(plugin: unknown): void };
  send(command: unknown): Promise<unknown>;
  destroy?(): void;
};
interface Seen {
  name: string;
  schema: unknown;
  input: Record<string, unknown>;
  output?: unknown;
}

/** Makes the call through the real client and stack, and keeps the input, output and operation schema the SDK had. */
async function seeCall(
  name: string,
  sdk: Record<string, unknown>,
  client: string,
  command: string,
  input: unknown,
  config: Record<string, unknown>,
): Promise<Seen> {
  const Client = sdk[client] as new (config: object) => AnyClient;
  const Command = sdk[command] as new (input: unknown) => unknown;
  const c = new Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test-secret' }, maxAttempts: 1, ...config });
  const seen: Seen = { name, schema: undefined, input: {} };
  c.middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>, context: { __smithy_context?: Record<string, unknown> }) =>
      async (args: { input: Record<string, unknown> }) => {
        seen.schema = context.__smithy_context?.['operationSchema'];
        seen.input = { ...args.input };
        const result = await next(args);
        seen.output = result.output;
        return result;
      },
    { step: 'initialize', priority: 'high', name: 'seeCall' },
  );
  try {
    await c.send(new Command(input));
  } catch {
    // Failed calls still show their input.
  } finally {
    c.destroy?.();
  }
  return seen;
}

const corpus = loadCorpus();
const calls: Seen[] = [];
for (const { name, entry } of corpus) {
  const sdk = await loadPackage(entry.call.package);
  if (sdk === undefined) continue;
  const { response } = entry;
  const http = stubHandler(() => ({ status: response.statusCode, headers: { 'x-amzn-requestid': 'r-1', ...response.headers }, body: response.body }));
  calls.push(await seeCall(name, sdk, entry.call.client, entry.call.command, decodeInput(entry.call.input), { ...(entry.call.config ?? {}), region: entry.call.region, requestHandler: http }));
}
for (const op of BENCH_OPERATIONS) {
  const call = BENCH_CALLS[op];
  const sdk = (await loadPackage(call.pkg))!;
  calls.push(await seeCall(`bench-${op}`, sdk, call.client, call.command, call.input, call.config));
}

const redaction = compileRedaction(['customSecret', 'clientToken']);
const options: ConvertOptions = {
  secretNames: redaction.names,
  userSecretNames: redaction.userNames,
  tableKeys: (table) => (table === 'Music' ? ['Artist', 'SongTitle'] : undefined),
};

describe('parameters as text', () => {
  it('writes, for every corpus and bench call, the text JSON.stringify writes for the objects', () => {
    let written = 0;
    let compared = 0;
    for (const call of calls) {
      const plans = plansForOperation(call.schema);
      expect(plans, call.name).toBeDefined();
      for (const [part, value, plan] of [
        ['input', call.input, plans!.input],
        ['output', call.output, plans!.output],
      ] as const) {
        if (value === undefined) continue;
        compared++;
        const text = toParametersText(value, plan, options);
        // The bench's calls are all written as text (the bench would measure the object path otherwise).
        if (call.name.startsWith('bench-')) expect(text, `${call.name} ${part}`).toBeDefined();
        if (text === undefined) continue;
        written++;
        expect(text, `${call.name} ${part}`).toBe(JSON.stringify(toParameters(value, plan, options)));
      }
    }
    // Most parts are written as text; the others (S3 constants, …) fall back to objects.
    expect(compared).toBeGreaterThan(70);
    expect(written / compared).toBeGreaterThan(0.9);
  });

  it('leaves to the object path what it would truncate, and hides secrets as the object path does', () => {
    const run = calls.find((c) => c.name === 'bench-RunInstances')!;
    const plans = plansForOperation(run.schema)!;
    const big = { ...run.input, AdditionalInfo: 'x'.repeat(200 * 1024) };
    expect(toParametersText(big, plans.input, options)).toBeUndefined();
    // The object path cuts the string at CloudTrail's 100 KB.
    expect(JSON.stringify(toParameters(big, plans.input, options)).length).toBeLessThan(101 * 1024);

    // UserData is sensitive in the model; ClientToken is hidden by the trail's `redact` names.
    const withSecret = { ...run.input, UserData: 'echo secret', ClientToken: 'never-logged' };
    const text = toParametersText(withSecret, plans.input, options)!;
    expect(text).toBe(JSON.stringify(toParameters(withSecret, plans.input, options)));
    expect(text).not.toContain('never-logged');
    expect(text).not.toContain('echo secret');
  });

  it('writes the strings of a modelled response as the object path does: escaped, cut to the budget, hidden by name', () => {
    const run = calls.find((c) => c.name === 'bench-RunInstances')!;
    const plans = plansForOperation(run.schema)!;
    const output = run.output as { Instances: Record<string, unknown>[] };
    const instance = { ...output.Instances[0]!, KeyName: 'quote " back \\ tab \t lone \ud800 ü', PrivateDnsName: 'ip-10-0-0-1.internal' };
    const changed = { ...output, Instances: [instance] };
    const hiding = compileRedaction(['privateDnsName']);
    const hidingOptions: ConvertOptions = { secretNames: hiding.names, userSecretNames: hiding.userNames };
    for (const o of [options, hidingOptions]) {
      const text = toParametersText(changed, plans.output, o);
      expect(text).toBe(JSON.stringify(toParameters(changed, plans.output, o)));
    }
    expect(toParametersText(changed, plans.output, options)).toContain('ip-10-0-0-1.internal');
    expect(toParametersText(changed, plans.output, hidingOptions)).not.toContain('ip-10-0-0-1.internal');
    // A response past CloudTrail's 100 KB goes to the object path, which cuts it.
    const long = { ...output, Instances: [{ ...instance, KeyName: 'k'.repeat(120 * 1024) }] };
    expect(toParametersText(long, plans.output, options)).toBeUndefined();
  });

  it('writes RunInstances as CloudTrail does: its instance members first, grouped, and no member the model lacks', () => {
    // RunInstances' input has a made writer too (one group). Like every made writer it writes the model's members
    // only: the SDK sends no other, so CloudTrail logs no other.
    const run = calls.find((c) => c.name === 'bench-RunInstances')!;
    const plans = plansForOperation(run.schema)!;
    const text = toParametersText(run.input, plans.input, options)!;
    expect(text.startsWith('{"instancesSet":{"items":[{"imageId":"ami-0abcdef1234567890","minCount":1,"maxCount":1,"keyName":"deploy"}]},')).toBe(true);
    for (const extra of [{ ...run.input, instanceType: 'm5.large' }, { ...run.input, SomethingNew: 'x' }]) {
      expect(toParametersText(extra, plans.input, options)).toBe(text);
      expect(JSON.stringify(toParameters(extra, plans.input, options))).toBe(text);
    }
  });

  it('puts a group where its first member is, and leaves keys that could meet to the object path', () => {
    const member = (key: string, into?: string): MemberPlan => ({ key, lower: key.toLowerCase(), secret: false, plan: ANY_PLAN, into });
    const struct = (members: [string, MemberPlan][], constants?: [string, string][]) =>
      makePlan(PlanKind.Struct, { members: () => members, member: (name) => members.find(([n]) => n === name)?.[1], constants });
    const same = (value: Record<string, unknown>, plan: ParameterPlan) => expect(toParametersText(value, plan, options)).toBe(JSON.stringify(toParameters(value, plan, options)));

    // One group (a made writer): members before it, in it and after it; a constant under a member's key is written
    // only when the member is not (S3's logged defaults); one under the group's name only when the group is not.
    const oneGroup = struct(
      [['Zone', member('zone')], ['ImageId', member('imageId', 'instancesSet')], ['Name', member('name')], ['MinCount', member('minCount', 'instancesSet')]],
      [['name', 'default'], ['instancesSet', 'none']],
    );
    // Strings leave their closing quote to what follows (the next entry, the group's end, the structure's end).
    const values = [
      { Zone: 'a', ImageId: 'ami-1', Name: 'n', MinCount: 1 },
      { Name: 'n', MinCount: 1 },
      { ImageId: 'ami-1' },
      { ImageId: 'ami-1', Name: 'n' },
      { ImageId: 'ami-1', Name: 'n', MinCount: 2 },
      { Zone: 'a"b', ImageId: 'x\\y', Name: 'tab\there', MinCount: 'c"' },
      { Zone: 'a' },
      {},
    ];
    for (const value of values) same(value, oneGroup);
    expect(toParametersText({ Zone: 'a', ImageId: 'ami-1', Name: 'n', MinCount: 1 }, oneGroup, options)).toBe(
      '{"zone":"a","instancesSet":{"items":[{"imageId":"ami-1","minCount":1}]},"name":"n"}',
    );
    expect(toParametersText({ Zone: 'a' }, oneGroup, options)).toBe('{"zone":"a","name":"default","instancesSet":"none"}');

    // Two groups take the generic walk: the value's own keys, in its order. A constant under a group's name: keys
    // that can meet, checked one by one (the group wins, as in the objects).
    const twoGroups = struct([['ImageId', member('imageId', 'instancesSet')], ['Zone', member('zone', 'placement')], ['Name', member('name')]], [['name', 'default'], ['instancesSet', 'x']]);
    same({ ImageId: 'ami-1', Name: 'a', Zone: 'z' }, twoGroups);
    same({ Zone: 'z' }, twoGroups);
    expect(toParametersText({ ImageId: 'ami-1' }, twoGroups, options)).toBe('{"instancesSet":{"items":[{"imageId":"ami-1"}]},"name":"default"}');
    // An unknown member next to a known one under the same key: the object path decides (the later value, in place).
    const value = { ImageId: 'ami-1', Name: 'a', name: 'b' };
    expect(toParametersText(value, twoGroups, options)).toBeUndefined();
    expect(toParameters(value, twoGroups, options)).toEqual({ instancesSet: { items: [{ imageId: 'ami-1' }] }, name: 'b' });
  });

  it('leaves cycles and values too deep to the object path, which places their markers', () => {
    // Node → Next (a node) and Extra (anything): a recursive structure, written by a made writer.
    const members: [string, MemberPlan][] = [];
    const node = makePlan(PlanKind.Struct, { members: () => members, member: (name) => members.find(([n]) => n === name)?.[1] });
    members.push(['Name', { key: 'name', lower: 'name', secret: false, plan: ANY_PLAN, into: undefined }]);
    members.push(['Next', { key: 'next', lower: 'next', secret: false, plan: node, into: undefined }]);
    members.push(['Extra', { key: 'extra', lower: 'extra', secret: false, plan: ANY_PLAN, into: undefined }]);
    const chain = (n: number): Record<string, unknown> => {
      let value: Record<string, unknown> = { Name: 'last' };
      for (let i = 0; i < n; i++) value = { Name: `n${i}`, Next: value };
      return value;
    };
    const shallow = chain(20);
    expect(toParametersText(shallow, node, options)).toBe(JSON.stringify(toParameters(shallow, node, options)));
    const deep = chain(40);
    expect(toParametersText(deep, node, options)).toBeUndefined();
    expect(JSON.stringify(toParameters(deep, node, options))).toContain('[too deep]');
    // A cycle through a modelled member, and one through an unmodelled value back to a structure above it.
    const looped: Record<string, unknown> = { Name: 'a' };
    looped['Next'] = { Name: 'b', Next: looped };
    const back: Record<string, unknown> = { Name: 'a' };
    back['Next'] = { Name: 'b', Extra: { up: back } };
    for (const value of [looped, back]) {
      expect(toParametersText(value, node, options)).toBeUndefined();
      expect(JSON.stringify(toParameters(value, node, options))).toContain('[circular]');
    }
  });

  it('quotes strings as JSON.stringify does', () => {
    const strings = ['', 'plain', 'ü and 日本', 'quote " here', 'back\\slash', 'tab\there', '\u0000\u001f', 'pair \ud83d\ude00', 'lone \ud800', 'lone \udfff end', '\u007f\u2028'];
    for (const s of strings) expect(quote(s), JSON.stringify(s)).toBe(JSON.stringify(s));
  });
});

describe('packed records', () => {
  const record = (): CloudTrailRecord =>
    ({
      eventVersion: '1.11',
      userAgent: '\u0000localtrail:requestParameters "requestParameters":',
      errorMessage: '"responseElements":"\\u0000localtrail:responseElements"',
      requestParameters: new PackedJson('{"a":[1,{"b":"\\u0000"}]}'),
      responseElements: new PackedJson('{"items":{"x":null}}'),
      eventID: 'id',
    }) as unknown as CloudTrailRecord;

  it('serialise to the same bytes as their objects, whatever their strings hold', () => {
    const packed = record();
    const json = recordJson(packed);
    expect(packed.requestParameters).toBeInstanceOf(PackedJson);
    expect(json).toBe(JSON.stringify(unpackRecord(record())));
    expect(JSON.stringify(packed)).toBe(json);
  });

  it('reach the application as plain objects: events() unpacks them', async () => {
    const call = BENCH_CALLS.RunInstances;
    const sdk = (await loadPackage(call.pkg))!;
    const trail = createLocalTrail();
    const Client = sdk[call.client] as new (config: object) => AnyClient;
    const Command = sdk[call.command] as new (input: unknown) => unknown;
    const client = new Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's' }, ...call.config });
    client.middlewareStack.use(trail.plugin());
    await client.send(new Command(call.input));
    const [event] = trail.events();
    expect(Object.getPrototypeOf(event!.responseElements)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(event!.requestParameters)).toBe(Object.prototype);
    expect((event!.responseElements as { instancesSet: { items: { instanceId: string }[] } }).instancesSet.items[0]!.instanceId).toBe('i-0123456789abcdef0');
    await trail.shutdown();
  });
});
