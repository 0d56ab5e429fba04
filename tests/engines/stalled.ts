/**
 * The words of the error the WebKit adapter throws when WebKitWebDriver leaves a command
 * unanswered (webkit.ts). vitest.config.ts retries a WebKit test once for this error only:
 * an engine that stalls under load is not a failed check, and every other failure still fails.
 */
export const STALLED = 'WebKitWebDriver gave no answer';
