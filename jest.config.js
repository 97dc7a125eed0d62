// Two projects: `unit` (pure logic and the in-memory/embedded runtimes, no network) and
// `integration` (real MariaDB and Redis on loopback). Both compile TypeScript with swc.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// NestJS 12 ships ES modules; jest runs CommonJS, so those packages are transformed too.
const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', 'load-esm'];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@bamboo/component-framework/testing$': '<rootDir>/libs/component-framework/src/testing',
    '^@bamboo/component-framework/nest$': '<rootDir>/libs/component-framework/src/nest',
    '^@bamboo/(engine|signals|component-framework|runtime|testing)$': '<rootDir>/libs/$1/src',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/libs/.*/dist', '<rootDir>/examples/.*/node_modules'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps,examples,bench}/**/*.spec.ts', '<rootDir>/{apps,examples}/**/*.e2e-spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,apps,examples}/**/*.int-spec.ts'],
    },
  ],
};
