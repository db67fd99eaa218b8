// One jest run covers every project. Suites are tiered by file name:
//   *.spec.ts      unit: pure, fast, no services
//   *.int.spec.ts  integration: real PostgreSQL (embedded 18 and Debian 15), provisioned by global setup
//   *.e2e.spec.ts  end to end: the composed runtime, HTTP and CLI processes
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2024' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
};

const services = {
  globalSetup: '<rootDir>/libs/testing/src/services/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/services/jest-global-teardown.ts',
};

export default {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['**/src/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
    },
    {
      ...base,
      ...services,
      displayName: 'int',
      testMatch: ['**/src/**/*.int.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/services/jest-timeout-int.ts'],
      slowTestThreshold: 30,
    },
    {
      ...base,
      ...services,
      displayName: 'e2e',
      testMatch: ['**/src/**/*.e2e.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/services/jest-timeout-e2e.ts'],
      slowTestThreshold: 60,
    },
  ],
};
