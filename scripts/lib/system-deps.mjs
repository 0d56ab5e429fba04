/**
 * What `npm test` needs from Debian besides npm: the three browsers, a virtual display for
 * WebKit, and the servers the relay tests start privately. On a fresh machine where it runs as
 * root (CI, a container, these machines), `npm test` installs what is missing with apt and says
 * why; without root it prints the one command to run and stops. One list, so that the README, CI
 * and the test runner cannot disagree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

/** [the Debian package, is it there?, why the tests need it] */
export const SYSTEM_DEPS = [
  ['chromium', () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), 'the Chromium browser tests'],
  ['firefox-esr', () => existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'), 'the Firefox journeys'],
  [
    'webkit2gtk-driver',
    () => existsSync(process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'),
    'the WebKit (Safari) journeys',
  ],
  ['xvfb', () => Boolean(process.env.DISPLAY) || onPath('xvfb-run'), 'a virtual display for WebKit'],
  ['xauth', () => Boolean(process.env.DISPLAY) || onPath('xauth'), 'xvfb-run needs it'],
  [
    'redis-server',
    () => existsSync(process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'),
    'two relay processes sharing rooms',
  ],
  ['nginx', () => existsSync(process.env.NGINX_PATH ?? '/usr/sbin/nginx'), 'the relay behind the example proxy'],
  ['caddy', () => existsSync(process.env.CADDY_PATH ?? '/usr/bin/caddy'), 'hosting with HTTPS (docs/deploy/Caddyfile)'],
];

export function missingDeps() {
  return SYSTEM_DEPS.filter(([, present]) => !present());
}

/**
 * Installs what is missing when it can (root and apt-get), else explains and returns false.
 * The servers are installed for their binaries only: the tests start private instances on free
 * ports, so the system services that Debian starts on install are stopped again.
 */
export function ensureSystemDeps(log = console.log) {
  const missing = missingDeps();
  if (missing.length === 0) return true;
  const names = missing.map(([pkg]) => pkg);
  for (const [pkg, , why] of missing) log(`  missing: ${pkg} (${why})`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !onPath('apt-get')) {
    console.error(
      `The tests need Debian's packages above. Install them once, then run npm test again:\n` +
        `  sudo apt-get install -y --no-install-recommends ${names.join(' ')}`,
    );
    return false;
  }
  log(`Installing them with apt (no browser is downloaded from anywhere else): ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...names])) {
    console.error(`apt-get could not install ${names.join(' ')}.`);
    return false;
  }
  spawnSync('systemctl', ['disable', '--now', 'redis-server', 'nginx', 'caddy'], { stdio: 'ignore' });
  const still = missingDeps().map(([pkg]) => pkg);
  if (still.length) {
    console.error(`Still missing after apt-get: ${still.join(' ')}.`);
    return false;
  }
  return true;
}

/** One line per tool the tests use, so that a log says what ran. */
export function printVersions() {
  const version = (cmd, args) => {
    const run = spawnSync(cmd, args, { encoding: 'utf8' });
    return run.status === 0 ? (run.stdout || run.stderr).trim().split('\n')[0] : `${cmd}: not found`;
  };
  const webkit = spawnSync('dpkg-query', ['-W', '-f=$' + '{Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  console.log(
    [
      `node ${process.version}`,
      version(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
      version(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', ['--version']),
      `WebKitGTK ${webkit.status === 0 ? webkit.stdout.trim() : '(version unknown)'}`,
      version(process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server', ['--version']),
      version(process.env.NGINX_PATH ?? '/usr/sbin/nginx', ['-v']),
      `caddy ${version(process.env.CADDY_PATH ?? '/usr/bin/caddy', ['version'])}`,
    ].join('\n'),
  );
}
