/** Set-up shared by the journeys: one engine per file, a fresh profile per test, no uncaught page errors. */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Engine, EngineName, Profile, Tab } from './driver';
import { engineName, openEngine } from './index';

// The journeys' pages come from a host without the service worker: each fresh profile would
// otherwise install the whole offline copy first. offline.test.ts serves its own site, with it.
export { siteWithoutWorker as site } from '../support/browser';

export interface Journey {
  readonly name: EngineName;
  engine(): Engine;
  /** A new, empty profile (storage, service workers, downloads) and its first tab. */
  fresh(): Promise<{ profile: Profile; tab: Tab }>;
  /** Another tab in a profile, watched for errors like the first. */
  tab(profile: Profile): Promise<Tab>;
  /** One profile and tab for the whole file (pages that keep nothing), closed after the last test. */
  shared(): Promise<Tab>;
}

export function useEngine(): Journey {
  const name = engineName();
  let engine: Engine | undefined;
  const profiles: Profile[] = [];
  const tabs: Tab[] = [];
  beforeAll(async () => {
    engine = await openEngine(name);
  });
  afterEach(async () => {
    const errors: string[] = [];
    for (const t of tabs.splice(0)) errors.push(...(await t.errors().catch(() => [])));
    for (const p of profiles.splice(0)) await p.close();
    expect(errors, `no uncaught errors in the page (${name})`).toEqual([]);
  });
  let sharedTab: Promise<{ profile: Profile; tab: Tab }> | undefined;
  afterAll(async () => {
    if (sharedTab) {
      const { profile, tab } = await sharedTab;
      const errors = await tab.errors().catch(() => []);
      await profile.close();
      expect(errors, `no uncaught errors in the page (${name})`).toEqual([]);
    }
    await engine?.close();
  });
  const j: Journey = {
    name,
    engine: () => engine!,
    async fresh() {
      const profile = await engine!.newProfile();
      profiles.push(profile);
      return { profile, tab: await j.tab(profile) };
    },
    async shared() {
      sharedTab ??= engine!.newProfile().then(async (profile) => ({ profile, tab: await profile.newTab() }));
      return (await sharedTab).tab;
    },
    async tab(profile) {
      const t = await profile.newTab();
      tabs.push(t);
      return t;
    },
  };
  return j;
}
