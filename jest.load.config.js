/** `npm run test:load`: the bounded load test, kept out of the default run (it takes ~30 s). */
const base = require('./jest.config.js');

module.exports = { ...base, roots: ['<rootDir>/tests-load'], testMatch: ['**/*.load.ts'], testTimeout: 180000, maxWorkers: 1 };
