// The documented setup: the entry registers the matchers and the snapshot serializer after the framework loads.
module.exports = {
  testEnvironment: 'node',
  setupFilesAfterEnv: ['localtrail/jest'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
};
