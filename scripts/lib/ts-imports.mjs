/**
 * Lets plain Node run TypeScript from src/, whose imports omit the ".ts" extension (Vite
 * and tsc resolve them; Node does not). Use as `node --import ./scripts/lib/ts-imports.mjs x.ts`.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (err) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !relative || /\.[cm]?[jt]sx?$/.test(specifier)) throw err;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});
