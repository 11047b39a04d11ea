// lookup-cli: `localtrail lookup` (the built CLI, a child process) over a folder of log files against `zcat | grep`
// of the same files, and its peak memory at two folder sizes (it reads one file at a time, so it should not grow).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodeLogFiles } from '../src/delivery/log-file-encoder.js';
import { logFileKey } from '../src/vocabulary/object-keys.js';
import type { CloudTrailRecord, UserIdentity } from '../src/vocabulary/record.js';
import type { BenchResult } from './harness.js';
import { median, round } from './harness.js';

const ACCT = '111122223333';
const RECORDS_PER_FILE = 2_000;
const SIZES = [Number(process.env['LOOKUP_CLI_SMALL'] ?? 250_000), Number(process.env['LOOKUP_CLI_RECORDS'] ?? 1_000_000)];
const RARE_EVENT = 'DeleteBucket';
const T0 = Date.parse('2026-03-01T00:00:00Z');
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'esm', 'cli', 'main.js');

// mulberry32, as benchmarks/lookup.bench.ts.
let seed = 11;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
}

const users: UserIdentity[] = Array.from({ length: 40 }, (_, i) => ({
  type: 'IAMUser', principalId: `AIDAEXAMPLE${i}`, arn: `arn:aws:iam::${ACCT}:user/user${i}`, accountId: ACCT,
  accessKeyId: `AKIA${String(i).padStart(16, '0')}`, userName: `user${i}`,
}));
const CALLS: Array<[string, string, boolean]> = [
  ['s3', 'GetObject', true], ['s3', 'PutObject', false], ['s3', 'ListObjects', true], ['dynamodb', 'GetItem', true],
  ['dynamodb', 'PutItem', false], ['dynamodb', 'Query', true], ['lambda', 'Invoke', false], ['sqs', 'SendMessage', false],
  ['sqs', 'ReceiveMessage', true], ['kms', 'Decrypt', true], ['sts', 'AssumeRole', true], ['secretsmanager', 'GetSecretValue', true],
];

/** Eight random hex digits: ids and keys vary as real ones do, so the files compress about as CloudTrail's. */
function hex(): string {
  return (rand(0x10000) * 0x10000 + rand(0x10000)).toString(16).padStart(8, '0');
}

function record(time: number, region: string): CloudTrailRecord {
  // About one call in 5,000 is the rare one the query looks for.
  const [service, name, readOnly] = rand(5000) === 0 ? ['s3', RARE_EVENT, false] as const : CALLS[rand(CALLS.length)]!;
  const key = `data/${rand(1_000_000)}/${hex()}.json`;
  return {
    eventVersion: '1.11',
    userIdentity: users[rand(users.length)]!,
    eventTime: new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    eventSource: `${service}.amazonaws.com`,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: `10.${rand(256)}.${rand(256)}.${rand(256)}`,
    userAgent: `aws-sdk-js/3.1170.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.20.2 api/${service}#3.1170.0 m/E`,
    requestParameters: { bucketName: 'app-data', key },
    responseElements: null,
    requestID: `${hex()}${hex()}`.toUpperCase(),
    eventID: `${hex()}-${hex().slice(0, 4)}-4${hex().slice(0, 3)}-8${hex().slice(0, 3)}-${hex()}${hex().slice(0, 4)}`,
    readOnly,
    resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::app-data/${key}` }, { accountId: ACCT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::app-data' }],
    eventType: 'AwsApiCall',
    managementEvent: false,
    recipientAccountId: ACCT,
    eventCategory: 'Data',
  };
}

/** A FilesystemSink-style bucket folder of `count` records: a 2,000-record file per region every 5 minutes. */
async function writeFolder(root: string, count: number): Promise<{ files: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  const fileCount = Math.ceil(count / RECORDS_PER_FILE);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < fileCount) {
      const f = next++;
      const region = REGIONS[f % REGIONS.length]!;
      const delivered = T0 + Math.floor(f / REGIONS.length) * 300_000;
      const records = Array.from({ length: Math.min(RECORDS_PER_FILE, count - f * RECORDS_PER_FILE) }, (_, i) =>
        record(delivered - 300_000 + Math.floor((i * 300_000) / RECORDS_PER_FILE), region),
      );
      // Level 1: the same format at a third of the cost of generating it; zcat and lookup inflate the same bytes.
      const [file] = await encodeLogFiles(records, { engine: 'zlib', maxFileBytes: 50 * 1000 * 1000, level: 1 });
      const path = join(root, 'audit-logs', ...logFileKey({ accountId: ACCT, region }, delivered).split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file!.body);
      files.push(path);
      bytes += file!.uncompressedBytes;
    }
  };
  await Promise.all([worker(), worker()]);
  return { files: files.sort(), bytes };
}

interface Run {
  wallMs: number;
  /** CPU time of the command and every process it started (user + system), when GNU time is there to say. */
  cpuMs?: number;
  maxRssMB?: number;
}

// GNU time reports the whole pipeline (wait4 counts every child): CPU time is what a shared, loaded machine can
// still compare; without it the figures are wall-clock only and node reports its own peak memory.
const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%e', 'true']).status === 0 ? '/usr/bin/time' : undefined;

/** Runs a command with stdout to /dev/null. */
function run(command: string, args: string[]): Promise<Run> {
  const devNull = openSync('/dev/null', 'w');
  const started = process.hrtime.bigint();
  const argv = GNU_TIME ? [GNU_TIME, '-f', 'TIMED %e %U %S %M', command, ...args] : [command, ...args];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', devNull, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      closeSync(devNull);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      // grep exits 1 when nothing matched; both are normal here (GNU time passes the status on).
      if (code !== 0 && code !== 1) return reject(new Error(`${command} exited ${code}: ${stderr.slice(0, 500)}`));
      const timed = /TIMED ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      const rss = /maxRSS=(\d+)/.exec(stderr);
      resolve({
        wallMs,
        ...(timed ? { cpuMs: (Number(timed[2]) + Number(timed[3])) * 1000, maxRssMB: Number(timed[4]) / 1024 } : {}),
        ...(!timed && rss ? { maxRssMB: Number(rss[1]) / 1024 } : {}),
      });
    });
  });
}

function lookup(folder: string, args: string[]): Promise<Run> {
  if (GNU_TIME) return run(process.execPath, [cli, 'lookup', folder, ...args]);
  const script =
    `const { runCli } = await import(${JSON.stringify(pathToFileURL(cli).href)});` +
    `process.exitCode = await runCli(process.argv.slice(1));` +
    `process.stderr.write('\\nmaxRSS=' + process.resourceUsage().maxRSS + '\\n');`;
  return run(process.execPath, ['--input-type=module', '-e', script, 'lookup', folder, ...args]);
}

function zcat(files: string[], pattern: string | undefined): Promise<Run> {
  const list = join(dirname(files[0]!), '..', 'files.txt');
  writeFileSync(list, files.join('\n'));
  // A newline after each file: CloudTrail's files end without one, and grep on everything as one gigabyte-long line
  // is pathologically slow. LC_ALL=C and -F: grep's fastest mode. This is the strongest form of the baseline.
  // Without a pattern: one zcat over all the files (xargs), the bare decompression floor.
  const pipeline = pattern === undefined ? `xargs zcat < '${list}'` : `while read -r f; do zcat "$f"; echo; done < '${list}' | LC_ALL=C grep -F '${pattern}'`;
  return run('sh', ['-c', pipeline]);
}

const cpuOrWall = (r: Run): number => r.cpuMs ?? r.wallMs;

export default async function lookupCliBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const memory: Array<{ records: number; mb: number }> = [];
  for (const size of SIZES) {
    const root = mkdtempSync(join(tmpdir(), 'localtrail-lookup-bench-'));
    try {
      const t0 = Date.now();
      const { files, bytes } = await writeFolder(root, size);
      const generateS = (Date.now() - t0) / 1000;
      const folder = join(root, 'audit-logs');
      const pattern = `"eventName":"${RARE_EVENT}"`;
      const query = ['--event-name', RARE_EVENT, '--json'];
      const large = size === SIZES[SIZES.length - 1];
      const rounds = large ? 3 : 1;
      const lookups: Run[] = [];
      const greps: Run[] = [];
      const zcats: Run[] = [];
      const ratios: number[] = [];
      for (let r = 0; r < rounds; r++) {
        // Alternate who goes first: the page cache and the other programs on the machine favour neither.
        const first = r % 2 === 0 ? await lookup(folder, query) : undefined;
        const grep = await zcat(files, pattern);
        const mine = first ?? (await lookup(folder, query));
        lookups.push(mine);
        greps.push(grep);
        ratios.push(cpuOrWall(mine) / cpuOrWall(grep));
        if (large) zcats.push(await zcat(files, undefined));
      }
      memory.push({ records: size, mb: round(Math.max(...lookups.map((l) => l.maxRssMB ?? 0)), 1) });
      if (!large) continue;
      const newest = await lookup(folder, ['--max', '50']);
      const med = (runs: Run[], f: (r: Run) => number | undefined) => median(runs.map((x) => f(x) ?? 0));
      const ratio = median(ratios);
      const wall = med(lookups, (x) => x.wallMs);
      const clock = GNU_TIME ? 'CPU time' : 'wall time';
      results.push({
        name: 'lookup-cli',
        line:
          `lookup-cli: ${size.toLocaleString('en')} records (${files.length} files, ${round(bytes / 1e9, 2)} GB of JSON) searched for a rare eventName: ` +
          `${round(ratio, 2)}x zcat | grep in ${clock} (rounds ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}; ` +
          `${round(med(lookups, cpuOrWall) / 1000, 2)} s vs ${round(med(greps, cpuOrWall) / 1000, 2)} s), ${round(med(lookups, cpuOrWall) / med(zcats, cpuOrWall), 2)}x bare decompression (one zcat for all files); ` +
          `wall ${round(wall / 1000, 2)} s vs ${round(med(greps, (x) => x.wallMs) / 1000, 2)} s; newest 50 in ${round(newest.wallMs / 1000, 2)} s wall; generated in ${round(generateS, 1)} s`,
        json: {
          records: size,
          files: files.length,
          jsonGB: round(bytes / 1e9, 3),
          clock,
          vsZcatGrep: round(ratio),
          vsZcatGrepMin: round(Math.min(...ratios)),
          vsZcatGrepMax: round(Math.max(...ratios)),
          vsZcatOnly: round(med(lookups, cpuOrWall) / med(zcats, cpuOrWall)),
          lookupS: round(med(lookups, cpuOrWall) / 1000, 2),
          zcatGrepS: round(med(greps, cpuOrWall) / 1000, 2),
          zcatOnlyS: round(med(zcats, cpuOrWall) / 1000, 2),
          lookupWallS: round(wall / 1000, 2),
          zcatGrepWallS: round(med(greps, (x) => x.wallMs) / 1000, 2),
          wallVsZcatGrep: round(wall / med(greps, (x) => x.wallMs)),
          newest50WallS: round(newest.wallMs / 1000, 2),
          generateS: round(generateS, 1),
          target: '<= 1x zcat | grep',
        },
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const [small, big] = memory;
  results.push({
    name: 'lookup-cli-memory',
    line: `lookup-cli-memory: peak RSS ${small!.mb} MB at ${small!.records.toLocaleString('en')} records, ${big!.mb} MB at ${big!.records.toLocaleString('en')} (${round(big!.mb / small!.mb, 2)}x for ${round(big!.records / small!.records, 1)}x the folder)`,
    json: { [`rssMB.${small!.records}`]: small!.mb, [`rssMB.${big!.records}`]: big!.mb, growth: round(big!.mb / small!.mb, 2), target: 'flat (~1x)' },
  });
  return results;
}
