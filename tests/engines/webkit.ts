/**
 * WebKitGTK through selenium-webdriver and Debian's WebKitWebDriver (MiniBrowser). It needs a
 * display: under `xvfb-run -a` it uses that one, otherwise it starts its own Xvfb. One
 * WebKitWebDriver serves one session, so each profile gets its own driver process, with its own
 * HOME (WebKitGTK saves downloads in the home folder). WebDriver classic has no console API:
 * errors come from an in-page hook (driver.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, Key as SeleniumKey, type WebDriver, type WebElement } from 'selenium-webdriver';
import {
  BaseTab,
  ERROR_HOOK,
  READ_HOOK,
  SET_VALUE,
  elementExpression,
  onElement,
  type Engine,
  type Key,
  type Profile,
  type Sel,
  type Tab,
} from './driver';
import { STALLED } from './stalled';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? 'WebKitWebDriver';

const KEYS: Record<string, string> = {
  ArrowRight: SeleniumKey.ARROW_RIGHT,
  ArrowLeft: SeleniumKey.ARROW_LEFT,
  ArrowUp: SeleniumKey.ARROW_UP,
  ArrowDown: SeleniumKey.ARROW_DOWN,
  Enter: SeleniumKey.ENTER,
  Escape: SeleniumKey.ESCAPE,
  Tab: SeleniumKey.TAB,
  End: SeleniumKey.END,
  Home: SeleniumKey.HOME,
  ' ': SeleniumKey.SPACE,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a !== 'string' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Far longer than any command takes when WebKit works (axe on the print page: 16 s under load). */
const COMMAND_LIMIT_MS = 60_000;

/**
 * A WebDriver command that gets no answer. Beside two other browsers on two cores, WebKitGTK
 * has left a command unanswered for minutes (once a test of a fresh profile, once probably a
 * page); selenium waits forever, and the test then dies of its own timeout without saying
 * where. Every command here has a bound instead, and the error names the command.
 */
async function bounded<T>(what: string, command: Promise<T>, ms = COMMAND_LIMIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const message = `webkit: ${STALLED} to ${what} within ${ms / 1000} s`;
      // Said at once: when the test's single retry then passes, Vitest shows only "(retry x1)".
      console.warn(`${message} (${new Date().toISOString()}); the test is retried once for this alone`);
      reject(new Error(message));
    }, ms);
  });
  try {
    return await Promise.race([command, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts Xvfb on a free display (it picks the number itself and writes it to fd 3). */
async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 30 s (apt-get install xvfb)')), 30_000);
    proc.once('error', (e) => reject(new Error(`Xvfb could not start: ${e.message} (apt-get install xvfb)`)));
    proc.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
  });
  return { display, proc };
}

/** Ends a driver and everything it started (the browser and its web processes). */
function killGroup(proc: ChildProcess): void {
  if (proc.exitCode !== null || proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    proc.kill('SIGKILL');
  }
}

class WebKitTab extends BaseTab {
  readonly engine = 'webkit' as const;
  constructor(
    private readonly profile: WebKitProfile,
    readonly handleId: string,
  ) {
    super();
  }
  private get driver(): WebDriver {
    return this.profile.driver;
  }
  private async use(): Promise<WebDriver> {
    await this.profile.switchTo(this.handleId);
    return this.driver;
  }
  protected async evaluate(expression: string): Promise<unknown> {
    const d = await this.use();
    return bounded('run a script', d.executeScript(`${ERROR_HOOK};\nreturn ${expression};`));
  }
  private async element(sel: Sel): Promise<WebElement> {
    const el = (await this.evaluate(elementExpression(sel))) as WebElement | null;
    if (!el) throw new Error(`webkit: no element for ${JSON.stringify(sel)}`);
    return el;
  }
  protected async nativeClick(sel: Sel): Promise<void> {
    // Not WebDriver's element click: under load WebKitWebDriver has answered it with success
    // while the page never got the click (twice in clean-clone runs: a link and a button, the
    // page unchanged, no error). The element's own click() runs the same handlers, default
    // actions included (links, labels, submit buttons); the wait for it to be visible is done.
    // Focus first, as a pointer click on a button or link does in WebKitGTK (focus return is tested).
    const clicked = await this.evaluate(
      onElement(
        sel,
        '(el) => { if (!el) return false; el.scrollIntoView({ block: "center" }); el.focus({ preventScroll: true }); el.click(); return true; }',
      ),
    );
    if (!clicked) throw new Error(`webkit: no element for ${JSON.stringify(sel)}`);
  }
  protected async nativeType(sel: Sel, text: string): Promise<void> {
    // WebKitWebDriver's sendKeys drops characters outside the BMP (emoji): set such text by script.
    if (/[\u{10000}-\u{10FFFF}]/u.test(text)) {
      await this.evaluate(onElement(sel, SET_VALUE, [text]));
      return;
    }
    // It also drops "\n": send the Enter key between the lines instead.
    const keys = text
      .split('\n')
      .flatMap((line, i) => (i === 0 ? [line] : [SeleniumKey.ENTER, line]))
      .filter((k) => k !== '');
    const el = await this.element(sel);
    await bounded('type', el.sendKeys(...keys));
  }
  async press(key: Key): Promise<void> {
    const d = await this.use();
    await bounded(
      `press ${key}`,
      d
        .actions()
        .sendKeys(KEYS[key] ?? key)
        .perform(),
    );
  }
  async goto(url: string): Promise<void> {
    const d = await this.use();
    await bounded(`open ${url}`, d.get(url));
  }
  async reload(): Promise<void> {
    const d = await this.use();
    await bounded('reload', d.navigate().refresh());
  }
  async back(): Promise<void> {
    const d = await this.use();
    await bounded('go back', d.navigate().back());
  }
  async url(): Promise<string> {
    const d = await this.use();
    return bounded('read the address', d.getCurrentUrl());
  }
  async setFiles(sel: Sel, paths: string[]): Promise<void> {
    await this.waitFor(sel, { state: 'attached' });
    const el = await this.element(sel);
    await bounded('choose files', el.sendKeys(paths.join('\n')));
  }
  async front(): Promise<void> {
    await this.use();
  }
  async errors(): Promise<string[]> {
    return (await this.evaluate(READ_HOOK)) as string[];
  }
  async close(): Promise<void> {
    await this.profile.closeTab(this.handleId);
  }
}

class WebKitProfile implements Profile {
  readonly downloads: string;
  private current = '';
  private used = false;
  private readonly open = new Set<string>();
  private constructor(
    readonly driver: WebDriver,
    private readonly proc: ChildProcess,
    private readonly home: string,
  ) {
    this.downloads = home;
  }
  static async start(display: string): Promise<WebKitProfile> {
    const home = mkdtempSync(join(tmpdir(), 'kjk-webkit-'));
    // Downloads go to the XDG download folder, else the home folder: make it the home folder, empty.
    mkdirSync(join(home, '.config'));
    writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${home}"\n`);
    const port = await freePort();
    // Its own process group, so that a stalled driver goes together with the browser it started.
    const proc = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, DISPLAY: display, HOME: home },
    });
    await new Promise<void>((resolve, reject) => {
      proc.once('error', (e) =>
        reject(new Error(`${WEBKIT_DRIVER} could not start: ${e.message} (apt-get install webkit2gtk-driver)`)),
      );
      const end = Date.now() + 10_000;
      const ping = () =>
        fetch(`http://127.0.0.1:${port}/status`)
          .then(() => resolve())
          .catch(() =>
            Date.now() > end
              ? reject(new Error(`${WEBKIT_DRIVER} did not answer on port ${port}`))
              : setTimeout(ping, 100),
          );
      ping();
    });
    try {
      const driver = await bounded(
        'start a browser',
        new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({ browserName: 'MiniBrowser' }).build(),
      );
      await bounded('size the window', driver.manage().window().setRect({ width: 1280, height: 900 }));
      // axe on the print page (every card on one page) may take longer than the default 30 s on a
      // busy machine; a script still has to end before the command's own bound.
      await bounded('set the script timeout', driver.manage().setTimeouts({ script: COMMAND_LIMIT_MS - 5_000 }));
      const profile = new WebKitProfile(driver, proc, home);
      profile.current = await bounded('read the window', driver.getWindowHandle());
      return profile;
    } catch (e) {
      killGroup(proc);
      rmSync(home, { recursive: true, force: true });
      throw e;
    }
  }
  async switchTo(handle: string): Promise<void> {
    if (this.current === handle) return;
    await bounded('switch tabs', this.driver.switchTo().window(handle));
    this.current = handle;
  }
  async newTab(): Promise<Tab> {
    let handle: string;
    if (!this.used) {
      // The session's first window is the first tab.
      this.used = true;
      handle = await bounded('read the window', this.driver.getWindowHandle());
    } else {
      await bounded('open a tab', this.driver.switchTo().newWindow('tab'));
      handle = await bounded('read the window', this.driver.getWindowHandle());
    }
    this.current = handle;
    this.open.add(handle);
    return new WebKitTab(this, handle);
  }
  async closeTab(handle: string): Promise<void> {
    if (!this.open.has(handle)) return;
    if (this.open.size === 1) {
      // Closing the last window would end the session: leave the page instead (runs pagehide/unload).
      await this.switchTo(handle);
      await bounded('leave the page', this.driver.get('about:blank'));
      return;
    }
    await this.switchTo(handle);
    await bounded('close a tab', this.driver.close());
    this.open.delete(handle);
    const next = [...this.open][0]!;
    await bounded('switch tabs', this.driver.switchTo().window(next));
    this.current = next;
  }
  async close(): Promise<void> {
    await bounded('quit', this.driver.quit(), 15_000).catch(() => undefined);
    killGroup(this.proc);
    rmSync(this.home, { recursive: true, force: true });
  }
}

export async function openWebKit(): Promise<Engine> {
  let xvfb: ChildProcess | undefined;
  let display = process.env.DISPLAY;
  if (!display) ({ display, proc: xvfb } = await startXvfb());
  const profiles = new Set<WebKitProfile>();
  // The version comes from a session's capabilities: start one profile to read it.
  const probe = await WebKitProfile.start(display);
  const version = String((await probe.driver.getCapabilities()).get('browserVersion'));
  let spare: WebKitProfile | undefined = probe;
  return {
    name: 'webkit',
    version,
    async newProfile() {
      const p = spare ?? (await WebKitProfile.start(display!));
      spare = undefined;
      profiles.add(p);
      return {
        downloads: p.downloads,
        newTab: () => p.newTab(),
        close: async () => {
          profiles.delete(p);
          await p.close();
        },
      };
    },
    async close() {
      for (const p of [...profiles, ...(spare ? [spare] : [])]) await p.close();
      xvfb?.kill();
    },
  };
}
