/** One jest run for the whole repository: pure specs beside the code, contract and end-to-end suites under test/. */
const fs = require('node:fs');
const os = require('node:os');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@case-journey/domain$': '<rootDir>/libs/case-journey/src',
    '^@case-journey/event-store$': '<rootDir>/libs/event-store/src',
    '^@case-journey/victims-code$': '<rootDir>/libs/victims-code/src',
    '^@case-journey/synthetic$': '<rootDir>/libs/synthetic/src',
    '^@case-journey/personal-data$': '<rootDir>/libs/personal-data/src',
    '^@case-journey/platform$': '<rootDir>/libs/platform/src',
    '^@case-journey/projections$': '<rootDir>/libs/projections/src',
    '^@case-journey/reporting$': '<rootDir>/libs/reporting/src',
    '^@case-journey/access$': '<rootDir>/libs/access/src',
    '^@case-journey/pages$': '<rootDir>/libs/pages/src',
    '^@case-journey/board-pack$': '<rootDir>/libs/board-pack/src',
  },
  testTimeout: 30000,
  // Two workers at least: half the suite's time is spent waiting on the processes, servers, timers and browser that its
  // end-to-end suites start, and a second worker runs other suites meanwhile. Jest's own default (cores - 1) ran a
  // 2-core machine in band: 415 s there against 211 s with two workers, the same day.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
};
