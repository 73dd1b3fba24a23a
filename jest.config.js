// One jest run for the whole repository: the API and the libs in node, the web app (apps/admin)
// in jsdom, and the browser tests (real Chromium against the built app).
const moduleNameMapper = {
  '^@ivm/messaging-provider(|/.*)$': '<rootDir>/libs/messaging-provider/src$1',
  '^@ivm/sandi-adapter(|/.*)$': '<rootDir>/libs/sandi-adapter/src$1',
};

function apiProject() {
  return {
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
  };
}

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    apiProject(),
    {
      displayName: 'admin',
      testEnvironment: 'jsdom',
      rootDir: __dirname,
      roots: ['<rootDir>/apps/admin'],
      testMatch: ['<rootDir>/apps/admin/**/*.test.ts?(x)', '<rootDir>/apps/admin/**/*.spec.ts?(x)'],
      moduleFileExtensions: ['tsx', 'ts', 'js', 'mjs', 'cjs', 'json'],
      transform: {
        '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/apps/admin/tsconfig.test.json' }],
        '^.+/node_modules/.+\\.m?js$': '<rootDir>/jest/esm-to-cjs.transformer.js',
      },
      // react-admin, MUI and socket.io-client ship ES modules: the same transformer converts them.
      transformIgnorePatterns: [],
      moduleNameMapper: { '\\.css$': '<rootDir>/apps/admin/test/style-stub.cjs' },
      setupFilesAfterEnv: ['<rootDir>/apps/admin/test/setup-tests.ts'],
    },
    {
      // Real Chromium against the built app (`npm run test:browser` builds first and turns them on;
      // in a plain `npm test` they say they were skipped).
      ...apiProject(),
      displayName: 'browser',
      roots: ['<rootDir>/apps/api/test/browser'],
      testMatch: ['**/*.browser-spec.ts'],
    },
  ],
  testTimeout: 30000,
};
