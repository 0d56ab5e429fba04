/** Opens the engine a vitest project names (vitest.config.ts gives each engine project `engine`). */
import { inject } from 'vitest';
import type { Engine, EngineName } from './driver';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: EngineName;
  }
}

export function engineName(): EngineName {
  return inject('engine');
}

export async function openEngine(name: EngineName = engineName()): Promise<Engine> {
  switch (name) {
    case 'chromium':
      return (await import('./chromium')).openChromium();
    case 'firefox':
      return (await import('./firefox')).openFirefox();
    case 'webkit':
      return (await import('./webkit')).openWebKit();
  }
}
