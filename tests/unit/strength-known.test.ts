/**
 * The strength gate knows what an attacker who holds the file knows: the session's title and
 * team (a backup: its team names) and the app's own words.
 */
import { describe, expect, it } from 'vitest';
import { APP_WORDS, knownWords, passphraseStrength } from '../../src/lib/exchange/strength';

describe('the strength gate with what an attacker knows', () => {
  it('refuses a passphrase made of the session title and team that passes without them', () => {
    const title = 'Teamoverleg Noord maart';
    const team = 'Jeugdzorg Team Noord';
    for (const pass of ['JeugdzorgTeamNoord2026', 'Teamoverleg Noord maart', 'TeamoverlegNoordMaart!']) {
      expect(passphraseStrength(pass).ok, pass).toBe(true);
      expect(passphraseStrength(pass, [title, team]).ok, pass).toBe(false);
    }
  });

  it('a title with a client name makes that name guessable too', () => {
    const title = 'Casus Jansen, Lisa (14) uithuisplaatsing';
    expect(passphraseStrength('CasusJansenLisaUithuisplaatsing').ok).toBe(true);
    expect(passphraseStrength('CasusJansenLisaUithuisplaatsing', [title]).ok).toBe(false);
  });

  it('the app’s own words count without being passed', () => {
    expect(APP_WORDS).toEqual(expect.arrayContaining(['jeugdzorg', 'eigen kracht']));
    expect(passphraseStrength('EigenKrachtJeugdzorg2026').ok).toBe(false);
    expect(knownWords(APP_WORDS)).toEqual(
      expect.arrayContaining(['kenjekracht', 'eigenkracht', 'jeugdzorg', 'kracht']),
    );
  });

  it('an unrelated title does not make a strong passphrase weak', () => {
    expect(passphraseStrength('Ik fiets graag naar Utrecht', ['Teamoverleg Noord', 'Team Zuid']).ok).toBe(true);
  });

  it('splits texts into the forms an attacker tries', () => {
    expect(knownWords(['Team Noord', 'a b', ''])).toEqual(['team', 'noord', 'teamnoord', 'ab']);
    expect(knownWords(['Émile-Zola 12'])).toEqual(['émile', 'zola', 'émilezola', 'émilezola12', 'zola12']);
    expect(knownWords(['een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien']).length).toBe(12 + 66);
  });
});
