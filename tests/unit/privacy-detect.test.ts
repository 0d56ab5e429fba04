import { describe, expect, it } from 'vitest';
import { detectClientData, isValidBsn, type FindingKind } from '../../src/lib/privacy/detect';

const now = new Date(2025, 5, 15); // 15 June 2025

/** The matched substrings per kind, which is what the UI will underline. */
function found(text: string): [FindingKind, string][] {
  return detectClientData(text, { now }).map((f) => [f.kind, text.slice(f.index, f.index + f.length)]);
}

describe('BSN 11-proef', () => {
  it('accepts valid numbers', () => {
    for (const bsn of [
      '111222333',
      '123456782',
      '999999990',
      '010000008',
      '123.456.782',
      '1234.56.782',
      '123 456 782',
    ]) {
      expect(isValidBsn(bsn), bsn).toBe(true);
    }
  });

  it('rejects invalid ones, zeros and wrong lengths', () => {
    for (const bsn of ['123456789', '111222334', '000000000', '12345678', '1234567820', 'abcdefghi', '']) {
      expect(isValidBsn(bsn), bsn).toBe(false);
    }
  });
});

describe('detectClientData: positives', () => {
  it('BSN, with or without dots and spaces', () => {
    expect(found('BSN: 123456782.')).toEqual([['bsn', '123456782']]);
    expect(found('bsn 123.456.782 van de jongere')).toEqual([['bsn', '123.456.782']]);
    expect(found('nummer 1234.56.782')).toEqual([['bsn', '1234.56.782']]);
    expect(found('(111 222 333)')).toEqual([['bsn', '111 222 333']]);
  });

  it('dates of birth in several notations', () => {
    expect(found('geboren 12-03-2009')).toEqual([['birthdate', '12-03-2009']]);
    expect(found('Anna (3/7/2010) woont')).toEqual([['birthdate', '3/7/2010']]);
    expect(found('op 12 maart 2009 geboren')).toEqual([['birthdate', '12 maart 2009']]);
    expect(found('born March 12, 2009')).toEqual([['birthdate', 'March 12, 2009']]);
    expect(found('geb. datum 2008-11-30')).toEqual([['birthdate', '2008-11-30']]);
    expect(found('geb. 3-4-09')).toEqual([['birthdate', '3-4-09']]);
    expect(found('Hij is geboren in 2011 en')).toEqual([['birthdate', '2011']]);
    expect(found('1 januari 2000')).toEqual([['birthdate', '1 januari 2000']]);
    // Recent, but with "geboren" it is a date of birth.
    expect(found('geboren op 01-02-2025')).toEqual([['birthdate', '01-02-2025']]);
  });

  it('e-mail addresses', () => {
    expect(found('mail naar j.de.vries+school@voorbeeld.nl graag')).toEqual([
      ['email', 'j.de.vries+school@voorbeeld.nl'],
    ]);
    expect(found('<anna@gemeente-utrecht.nl>')).toEqual([['email', 'anna@gemeente-utrecht.nl']]);
  });

  it('Dutch phone numbers', () => {
    for (const phone of [
      '06-12345678',
      '0612345678',
      '06 12 34 56 78',
      '06 1234 5678',
      '020-1234567',
      '020 123 4567',
      '0318-123456',
      '(020) 123 4567',
      '+31 6 12345678',
      '+31612345678',
      '+31 (0)20 123 4567',
      '0031 20 1234567',
    ]) {
      expect(found(`bel ${phone} vandaag`), phone).toEqual([['phone', phone]]);
    }
  });

  it('postcodes with a house number', () => {
    expect(found('adres 1234 AB 12 te Utrecht')).toEqual([['postcode', '1234 AB 12']]);
    expect(found('1234AB 12a')).toEqual([['postcode', '1234AB 12a']]);
    expect(found('3511ab 7')).toEqual([['postcode', '3511ab 7']]);
    expect(found('Dorpsstraat 12, 1234 AB Utrecht')).toEqual([['postcode', '12, 1234 AB']]);
  });

  it('several kinds in one note, in order, without overlaps', () => {
    const text = 'Jongere (geb. 14-02-2010, BSN 111222333) woont op 2500 CD 3, bereikbaar via 06-98765432 of x@y.nl.';
    expect(found(text)).toEqual([
      ['birthdate', '14-02-2010'],
      ['bsn', '111222333'],
      ['postcode', '2500 CD 3'],
      ['phone', '06-98765432'],
      ['email', 'x@y.nl'],
    ]);
    for (const f of detectClientData(text, { now })) expect(f.length).toBeGreaterThan(0);
  });
});

describe('detectClientData: negatives', () => {
  it('a realistic meeting note yields nothing', () => {
    const note = [
      'Teamoverleg 14:30–16:00 in kamer 2.14, daarna om 16.15 uur evaluatie.',
      'Sinds 2020 werken we met de kaarten; in 2023 en 2024 evalueerden we de aanpak.',
      'Zie artikel 2.1 van de Jeugdwet en Kamerstuk 31 839, nr. 12; ook art. 7.3.11 lid 4.',
      'We bespraken 3 casussen en 12 kaarten. Budget € 1.250,00 en 15% eigen bijdrage.',
      'Volgende keer 5 juni, 10:00–11:30. Actiepunt 4: Sanne belt de gemeente vóór 1-7.',
      'Versie 1.2.3, ticket #48213, 100 km, score 7,5/10, 24/7 bereikbaar, week 23.',
      'Afspraak 03-06-2025 om 09:30; evaluatie op 2025-05-20; deadline 01-09-2025.',
      'Referentie 123456789 (geen BSN) en factuur 2024-001234.',
    ].join('\n');
    expect(found(note)).toEqual([]);
  });

  it('near misses per kind', () => {
    const misses = [
      '123456789', // fails the 11-proef
      '000000000',
      '1234567820', // ten digits
      '12.345.678', // eight digits
      'in 2021-2022',
      '31-02-2009', // no such day
      '12-03-2031', // in the future
      '12-03-1890', // implausibly old
      'op 1-2-24 afgesproken', // two-digit year without "geboren"
      'naam@localhost',
      '@team overleg',
      '06-1234567', // too short
      '020-12345678', // too long
      '31 6 12345678', // no + or 00
      '1234 AB', // postcode without number
      '1234 SA 5', // letters PostNL never uses
      'In 2020 is 12 keer', // lower-case letters away from the digits
      '0123 AB 12', // postcodes do not start with 0
      'stubborn 2009',
    ];
    for (const text of misses) expect(found(text), text).toEqual([]);
  });

  // How fast is measured in `npm run bench` (privacy guard on a 1 MB note); a timed unit test fails on a busy machine.
  it('handles a long note with thousands of findings', () => {
    const para = 'Overleg 14:30 in kamer 2.14, zie artikel 2.1 en 31 839. Bel 06-12345678 of mail a@b.nl. ';
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const findings = detectClientData(text, { now });
    expect(findings.length).toBe(2 * Math.ceil(1_000_000 / para.length));
  });

  it('returns indexes that slice the original text, also after emoji', () => {
    const text = '🌱👩‍👩‍👧 mail: a@b.nl';
    const [f] = detectClientData(text, { now });
    expect(f).toBeDefined();
    expect(text.slice(f!.index, f!.index + f!.length)).toBe('a@b.nl');
  });
});
