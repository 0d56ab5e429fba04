/** The list's skeleton: the same boxes as an empty store's list, busy, its texts unseen. */
import { render, screen } from '@testing-library/preact';
import renderToString from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/fill';
import {
  ListViewSkeleton,
  longestProtection,
  Reserved,
  SessionsSkeleton,
  sizesReserve,
} from '../../src/islands/sessions/Skeleton';
import { sessionsStrings } from './session-list-support';

describe('Skeleton island', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`draws the storage line and the list as busy placeholders, nothing to press (${lang})`, () => {
      const t = sessionsStrings(lang);
      render(<ListViewSkeleton t={t} lang={lang} />);
      const busy = document.querySelectorAll('[aria-busy="true"]');
      expect(busy).toHaveLength(2);
      expect(screen.getByRole('heading', { name: t.s.storage.title })).toBeTruthy();
      expect(screen.getByRole('heading', { name: t.s.list.title })).toBeTruthy();
      expect(screen.getByText(t.s.loading)).toBeTruthy();
      for (const b of screen.getAllByRole('button', { hidden: true })) expect(b.hasAttribute('disabled')).toBe(true);
      // The empty list's texts hold their place, hidden from screen readers.
      expect(screen.getByText(t.s.list.empty).closest('[aria-hidden="true"]')).toBeTruthy();
      // No ids: the page's static copy may stay beside the island's.
      expect(document.querySelector('[id]')).toBeNull();
    });
  }

  it('reserves the longest protection sentence and both sizes', () => {
    const t = sessionsStrings('nl');
    const st = t.s.storage;
    const longest = longestProtection(st);
    expect([st.persisted, st.notPersisted, st.unknown]).toContain(longest);
    for (const x of [st.persisted, st.notPersisted, st.unknown])
      expect(longest.length).toBeGreaterThanOrEqual(x.length);
    expect(sizesReserve(t, 'nl')).toBe(
      `${fill('nl', st.used, { size: '00,0 KB' })} ${fill('nl', st.app, { size: '00,0 KB' })}`,
    );
    render(
      <Reserved reserve="a long reserve" data-size>
        short
      </Reserved>,
    );
    const line = screen.getByText('short').parentElement!;
    expect(line.hasAttribute('data-size')).toBe(true);
    expect(screen.getByText('a long reserve').getAttribute('aria-hidden')).toBe('true');
  });

  it('renders at build time in the island frame', () => {
    const html = renderToString(<SessionsSkeleton t={sessionsStrings('en')} lang="en" />);
    expect(html).toContain('sessions-app ss-static-skeleton');
    expect(html).toContain(sessionsStrings('en').s.list.title);
  });
});
