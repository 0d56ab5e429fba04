import { defineConfig } from 'vitest/config';
import { STALLED } from './tests/engines/stalled.ts';
import { scaled } from './tests/support/timing.ts';

/**
 * The user journeys of tests/engines/, once per engine: Chromium (Playwright), Firefox
 * (puppeteer-core, WebDriver BiDi) and WebKit (selenium-webdriver, WebKitWebDriver). Each
 * engine's files run one after another; the engines run side by side.
 */
/**
 * How long expect.poll waits for a page to get there. The pages answer within a second on a
 * quiet machine; every bound here scales with KJK_TIME_SCALE (tests/support/timing.ts), which
 * `npm test` raises when browsers run side by side or the machine is busy: waits get room,
 * the assertions never less strictness.
 */
const BROWSER_POLL = { timeout: scaled(5_000), interval: 50 };

/** Unit and island tests: generous, since they share the machine with the type check. */
const UNIT_TIMEOUT = scaled(20_000);

const engine = (name: 'chromium' | 'firefox' | 'webkit') => ({
  test: {
    name: `engine-${name}`,
    include: ['tests/engines/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    provide: { engine: name },
    fileParallelism: false,
    testTimeout: scaled(60_000),
    hookTimeout: scaled(60_000),
    expect: { poll: BROWSER_POLL },
    // Once, and only when WebKitWebDriver stopped answering (tests/engines/stalled.ts).
    ...(name === 'webkit' ? { retry: { count: 1, condition: new RegExp(STALLED) } } : {}),
  },
});

export default defineConfig({
  test: {
    // `npm test` runs the unit and islands projects with --coverage over src/lib and src/islands.
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/islands/**/*.{ts,tsx}'],
      reporter: ['text-summary'],
      thresholds: { lines: 90 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/setup-unit.ts'],
          // The unit tests run beside the type check in `npm test`: a test of 2 s alone (the room
          // reducer's 1,200 phones) took over 5 s on a machine at load 14. Room for a busy machine;
          // a hang still fails. No unit test asserts on time (bench owns speed).
          testTimeout: UNIT_TIMEOUT,
          hookTimeout: UNIT_TIMEOUT,
        },
      },
      {
        test: {
          // Islands and their states without a browser: happy-dom, Testing Library, fake-indexeddb.
          name: 'islands',
          include: ['tests/islands/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/setup-islands.ts'],
          testTimeout: UNIT_TIMEOUT,
          hookTimeout: UNIT_TIMEOUT,
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
          testTimeout: scaled(30_000),
          hookTimeout: scaled(60_000),
          expect: { poll: BROWSER_POLL },
        },
      },
      {
        test: {
          // The room relay over real sockets (and, when Debian's binaries are there, Redis and nginx).
          name: 'relay',
          include: ['tests/relay/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: scaled(15_000),
          hookTimeout: scaled(15_000),
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: scaled(90_000),
        },
      },
      engine('chromium'),
      engine('firefox'),
      engine('webkit'),
    ],
  },
});
