/**
 * Islands rendered without a browser: happy-dom for the DOM, fake-indexeddb for the store, and
 * a clean document after every test (Testing Library's auto-cleanup needs globals we do not turn on).
 */
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
