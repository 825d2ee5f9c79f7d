import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 90_000,
    maxWorkers: 2,
    projects: [
      // Domain rules: plain functions, no servers.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Adapters and the HTTP API against DynamoDB Local and the local SES server.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      // Pages in headless Chromium (Debian's, installed by the set-up when missing).
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/chromium.ts', 'test/support/global-setup.ts'],
        },
      },
      // The CDK stack, synthesized offline.
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'] } },
    ],
  },
});
