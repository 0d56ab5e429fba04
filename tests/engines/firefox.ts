/** Firefox ESR through puppeteer-core over WebDriver BiDi: no geckodriver, no display. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type BrowserContext, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { BaseTab, elementExpression, type Engine, type Key, type Profile, type Sel, type Tab } from './driver';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox reports a module that failed to load ("Failed to load ‘…/x.js’. A ServiceWorker
 * intercepted the request…", "Loading module from “…” was blocked…") as a script error over
 * BiDi, also when the page catches the failure: an idle prefetch cut off because the test left
 * the page, say. That is not an uncaught error. An import() nobody catches is reported on its
 * own, as "TypeError: error loading dynamically imported module: …", and that one still counts
 * (both checked with puppeteer-core and Firefox ESR 153).
 */
export function isLoadReport(message: string): boolean {
  return /^(Failed to load ‘[^’]*’\.|Loading module from “[^”]*” was blocked|Loading failed for the module)/.test(
    message,
  );
}

class FirefoxTab extends BaseTab {
  readonly engine = 'firefox' as const;
  private readonly pageErrors: string[] = [];
  constructor(private readonly page: Page) {
    super();
    page.on('pageerror', (e) => {
      const message = e instanceof Error ? e.message : String(e);
      if (!isLoadReport(message)) this.pageErrors.push(message);
    });
  }
  protected evaluate(expression: string): Promise<unknown> {
    return this.page.evaluate(expression);
  }
  private async handle(sel: Sel): Promise<ElementHandle> {
    const h = await this.page.evaluateHandle(elementExpression(sel));
    const el = h.asElement();
    if (!el) throw new Error(`firefox: no element for ${JSON.stringify(sel)}`);
    return el as ElementHandle;
  }
  protected async nativeClick(sel: Sel): Promise<void> {
    await (await this.handle(sel)).click();
  }
  protected async nativeType(sel: Sel, text: string): Promise<void> {
    const h = await this.handle(sel);
    await h.focus();
    await this.page.keyboard.type(text);
  }
  async press(key: Key): Promise<void> {
    await this.page.keyboard.press(key as KeyInput);
  }
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }
  async reload(): Promise<void> {
    await this.page.reload();
  }
  async back(): Promise<void> {
    await this.page.goBack();
  }
  async url(): Promise<string> {
    return this.page.url();
  }
  async setFiles(sel: Sel, paths: string[]): Promise<void> {
    await this.waitFor(sel, { state: 'attached' });
    await ((await this.handle(sel)) as ElementHandle<HTMLInputElement>).uploadFile(...paths);
  }
  async front(): Promise<void> {
    await this.page.bringToFront();
  }
  async errors(): Promise<string[]> {
    return [...this.pageErrors];
  }
  async close(): Promise<void> {
    await this.page.close({ runBeforeUnload: true });
  }
}

class FirefoxProfile implements Profile {
  constructor(
    private readonly context: BrowserContext,
    readonly downloads: string,
  ) {}
  async newTab(): Promise<Tab> {
    const page = await this.context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    return new FirefoxTab(page);
  }
  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.downloads, { recursive: true, force: true });
  }
}

export async function openFirefox(): Promise<Engine> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  return {
    name: 'firefox',
    version: await browser.version(),
    async newProfile() {
      const downloads = mkdtempSync(join(tmpdir(), 'kjk-firefox-dl-'));
      const context = await browser.createBrowserContext({
        downloadBehavior: { policy: 'allow', downloadPath: downloads },
      });
      return new FirefoxProfile(context, downloads);
    },
    close: () => browser.close(),
  };
}
