// One jest run for the whole repository: the API and the libs run in node.
// (The web app joins as a jsdom project when apps/admin is built.)
const moduleNameMapper = {
  '^@ivm/messaging-provider(|/.*)$': '<rootDir>/libs/messaging-provider/src$1',
  '^@ivm/sandi-adapter(|/.*)$': '<rootDir>/libs/sandi-adapter/src$1',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'api',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/apps/api', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts', '**/test/**/*.e2e-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
        '^.+/node_modules/.+\\.m?js$': '<rootDir>/jest/esm-to-cjs.transformer.js',
      },
      // Every package is offered to the transformer; it converts only the ES modules (NestJS 12).
      transformIgnorePatterns: [],
      moduleNameMapper,
    },
  ],
  testTimeout: 30000,
};
