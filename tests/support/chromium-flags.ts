/**
 * How Debian's Chromium is started everywhere here (tests, bench): headless, as root, and with
 * background networking off, or it floods this machine's closed network with connections.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
