/** Chromium through playwright-core (Debian's /usr/bin/chromium, the flags of tests/support/browser.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, ElementHandle, Page } from 'playwright-core';
import { launch } from '../support/browser';
import { BaseTab, elementExpression, type Engine, type Key, type Profile, type Sel, type Tab } from './driver';

class ChromiumTab extends BaseTab {
  readonly engine = 'chromium' as const;
  private readonly pageErrors: string[] = [];
  constructor(private readonly page: Page) {
    super();
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }
  protected evaluate(expression: string): Promise<unknown> {
    return this.page.evaluate(expression);
  }
  private async handle(sel: Sel): Promise<ElementHandle> {
    const h = (await this.page.evaluateHandle(elementExpression(sel))).asElement();
    if (!h) throw new Error(`chromium: no element for ${JSON.stringify(sel)}`);
    return h as ElementHandle;
  }
  protected async nativeClick(sel: Sel): Promise<void> {
    await (await this.handle(sel)).click();
  }
  protected async nativeType(sel: Sel, text: string): Promise<void> {
    // Playwright's fill inserts the text as one input event, as a paste or an IME would.
    await (await this.handle(sel)).fill(text);
  }
  async press(key: Key): Promise<void> {
    await this.page.keyboard.press(key === ' ' ? 'Space' : key);
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
    await (await this.handle(sel)).setInputFiles(paths);
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

class ChromiumProfile implements Profile {
  readonly downloads = mkdtempSync(join(tmpdir(), 'kjk-chromium-dl-'));
  constructor(private readonly context: BrowserContext) {}
  async newTab(): Promise<Tab> {
    const page = await this.context.newPage();
    // Playwright keeps downloads in its own temp folder: save each under its own name, like a browser would.
    page.on('download', (d) => void d.saveAs(join(this.downloads, d.suggestedFilename())));
    return new ChromiumTab(page);
  }
  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.downloads, { recursive: true, force: true });
  }
}

export async function openChromium(): Promise<Engine> {
  const browser = await launch({ serviceWorkers: 'allow' }); // a real browser: the journeys choose their host
  return {
    name: 'chromium',
    version: browser.version(),
    async newProfile() {
      return new ChromiumProfile(
        await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }),
      );
    },
    close: () => browser.close(),
  };
}
