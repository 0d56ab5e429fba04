import { defineConfig } from 'vitest/config';

/**
 * The user journeys of tests/engines/, once per engine: Chromium (Playwright), Firefox
 * (puppeteer-core, WebDriver BiDi) and WebKit (selenium-webdriver, WebKitWebDriver). Each
 * engine's files run one after another; the engines run side by side.
 */
const engine = (name: 'chromium' | 'firefox' | 'webkit') => ({
  test: {
    name: `engine-${name}`,
    include: ['tests/engines/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    provide: { engine: name },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/setup-unit.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // One browser at a time on two cores; each file shares the built site and server.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // The room relay over real sockets (and, when Debian's binaries are there, Redis and nginx).
          name: 'relay',
          include: ['tests/relay/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
        },
      },
      engine('chromium'),
      engine('firefox'),
      engine('webkit'),
    ],
  },
});
