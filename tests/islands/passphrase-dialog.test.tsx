import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NewPassphrase, type Protection } from '../../src/islands/sessions/NewPassphrase';
import { WORDS as EN } from '../../src/lib/exchange/wordlist-en';
import { freshRepo, harness } from '../support/export-harness';

// The strength check's dictionaries do not arrive (offline: they are not in the offline copy).
vi.mock('../../src/lib/exchange/strength', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

async function setup(lang: 'nl' | 'en') {
  const h = harness(await freshRepo(), { lang });
  const done = vi.fn<(p: Protection | null) => void>();
  render(<NewPassphrase onDone={done} />, { wrapper: h.Wrapper });
  const p = h.t.s.exchange.protect;
  const dialog = await screen.findByRole('form', { name: p.title });
  return { ...h, p, done, dialog, inside: within(dialog) };
}

describe('NewPassphrase', () => {
  it('in the English UI offers six English words and hands them on once kept', async () => {
    const { p, done, dialog, inside } = await setup('en');
    // Focus lands on the question, so a screen reader hears it first.
    expect(document.activeElement?.textContent).toBe(p.title);
    await waitFor(() => expect(dialog.querySelector('[data-passphrase]')?.textContent).not.toBe(''));
    const phrase = dialog.querySelector('[data-passphrase]')?.textContent ?? '';
    for (const word of phrase.split('-')) expect(EN).toContain(word);
    fireEvent.click(inside.getByLabelText(p.kept));
    fireEvent.click(inside.getByRole('button', { name: p.make }));
    expect(done).toHaveBeenCalledWith({ passphrase: phrase });
  });

  it('offline, a typed passphrase cannot be judged: it says so and points to the generated one', async () => {
    const { t, p, done, inside } = await setup('nl');
    fireEvent.click(inside.getByLabelText(p.own));
    fireEvent.input(inside.getByLabelText(t.s.exchange.passphrase), {
      target: { value: 'Ik fiets graag naar Utrecht' },
    });
    fireEvent.input(inside.getByLabelText(t.s.exchange.passphraseAgain), {
      target: { value: 'Ik fiets graag naar Utrecht' },
    });
    fireEvent.click(inside.getByRole('button', { name: p.make }));
    await waitFor(() => expect(inside.getByRole('alert').textContent).toBe(p.unavailable));
    expect(done).not.toHaveBeenCalled();
  });

  it('a plain file only when chosen, and "Annuleren" answers null', async () => {
    const { p, done, inside } = await setup('nl');
    fireEvent.click(inside.getByLabelText(p.plain));
    fireEvent.click(inside.getByRole('button', { name: p.make }));
    expect(done).toHaveBeenLastCalledWith({ plain: true });
    fireEvent.click(inside.getByRole('button', { name: p.cancel }));
    expect(done).toHaveBeenLastCalledWith(null);
  });
});
