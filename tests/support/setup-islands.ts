/**
 * Islands rendered without a browser: happy-dom for the DOM, fake-indexeddb for the store, and
 * a clean document after every test (Testing Library's auto-cleanup needs globals we do not turn on).
 */
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { scaled } from './timing';

// findBy…/waitFor wait 1 s by default: an island that loads a part with import() took longer while
// the type check and three browsers shared two cores (tests/islands/deck.test.tsx failed once so).
// A bound on how long a state may take to appear, as the browser tests' polls have; not a pause.
configure({ asyncUtilTimeout: scaled(5_000) });

afterEach(() => cleanup());
