// The public surface as a contract: one API Extractor report per package entry in etc/, compared with the build.
// `node scripts/api-report.mjs` fails when the declarations in dist/ differ from the committed reports (a change of the
// public API must show as a diff of etc/*.api.md); `--update` rewrites the reports. Run after `npm run build`.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');
const entries = {
  localtrail: 'index',
  'localtrail-vitest': 'testing/vitest',
  'localtrail-jest': 'testing/jest',
  'localtrail-testing': 'testing/index',
  'localtrail-sinks-s3': 's3',
  'localtrail-cli': 'cli/main',
};
const tempFolder = join(repo, '.tmp', 'api-report');
mkdirSync(tempFolder, { recursive: true });

let failed = 0;
for (const [name, entry] of Object.entries(entries)) {
  const mainEntryPointFilePath = join(repo, 'dist', 'esm', `${entry}.d.ts`);
  const config = ExtractorConfig.prepare({
    configObjectFullPath: undefined,
    packageJsonFullPath: join(repo, 'package.json'),
    configObject: {
      projectFolder: repo,
      mainEntryPointFilePath,
      compiler: {
        overrideTsconfig: {
          compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, types: ['node'], skipLibCheck: true },
          files: [mainEntryPointFilePath],
        },
      },
      apiReport: { enabled: true, reportFileName: `${name}.api.md`, reportFolder: join(repo, 'etc'), reportTempFolder: tempFolder },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // No @public/@beta tags: everything an entry exports is public. Internal types reachable from the public
        // surface (ae-forgotten-export) are listed in the report itself, so they show in its diff too.
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          'ae-undocumented': { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  const verdict = result.succeeded && (update || !result.apiReportChanged) ? 'ok  ' : 'FAIL';
  if (verdict === 'FAIL') failed++;
  console.log(`${verdict} etc/${name}.api.md${result.apiReportChanged ? (update ? ' (updated)' : ' differs from the build: run `npm run build && node scripts/api-report.mjs --update` and commit the diff') : ''}${result.warningCount ? `, ${result.warningCount} warning(s)` : ''}`);
}
console.log(`\napi-report: ${Object.keys(entries).length - failed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
