/** Helpers for pages with the Workbox service worker (src/integrations/service-worker.ts). */
import type { Page } from 'playwright-core';

/** Waits until a service worker controls the page: the first visit installs it and it claims the page. */
export async function waitForServiceWorker(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
}

/** The texts of the two status lines of the #pwa bar: the offline indicator and the notice. */
export async function pwaStatus(page: Page): Promise<{ offline: string; notice: string }> {
  return {
    offline: (await page.locator('#pwa .pwa-offline').textContent())?.trim() ?? '',
    notice: (await page.locator('#pwa .pwa-notice [role="status"]').textContent())?.trim() ?? '',
  };
}
