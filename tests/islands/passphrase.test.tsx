import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MIN_PASSPHRASE, PassphraseFields, passphraseProblem } from '../../src/islands/sessions/Passphrase';
import { strings } from '../support/export-harness';

const t = strings('nl');
const x = t.s.exchange;

describe('Passphrase', () => {
  it('refuses a short passphrase first, then two that differ', () => {
    expect(passphraseProblem(t, 'a'.repeat(MIN_PASSPHRASE - 1), 'a'.repeat(MIN_PASSPHRASE - 1))).toBe(x.tooShort);
    expect(passphraseProblem(t, 'a'.repeat(MIN_PASSPHRASE), 'b'.repeat(MIN_PASSPHRASE))).toBe(x.mismatch);
    expect(passphraseProblem(t, 'a'.repeat(MIN_PASSPHRASE), 'a'.repeat(MIN_PASSPHRASE))).toBe('');
  });

  it('shows both fields with the warning about a lost passphrase, and reports what is typed', () => {
    const onPass = vi.fn();
    const onAgain = vi.fn();
    render(<PassphraseFields id="p" t={t} pass="" again="" onPass={onPass} onAgain={onAgain} />);
    const first = screen.getByLabelText(x.passphrase);
    expect(first.getAttribute('type')).toBe('password');
    expect(first.getAttribute('aria-describedby')).toBe('p-hint');
    expect(screen.getByText(x.passphraseHint).id).toBe('p-hint');
    fireEvent.input(first, { target: { value: 'geheim wachtwoord' } });
    fireEvent.input(screen.getByLabelText(x.passphraseAgain), { target: { value: 'geheim' } });
    expect(onPass).toHaveBeenCalledWith('geheim wachtwoord');
    expect(onAgain).toHaveBeenCalledWith('geheim');
  });
});
