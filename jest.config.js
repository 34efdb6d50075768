/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest'] },
  // Jest on Node 20 cannot require() pure-ESM packages; these are compiled to CommonJS by swc.
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|bpmnlint|min-dash|@bpmn-io|bpmnlint-utils|bpmn-moddle|moddle|moddle-xml|saxen|min-dom|ids|feelin|lezer-feel|temporal-polyfill|temporal-utils)/)',
  ],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
