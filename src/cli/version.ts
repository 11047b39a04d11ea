// The version `localtrail --version` prints. A constant, because the ESM and CJS builds cannot share a way to find
// package.json at run time; test/cli/version.spec.ts fails when it differs from package.json's.
export const VERSION = '0.1.0';
