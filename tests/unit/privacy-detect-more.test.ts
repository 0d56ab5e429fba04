/** The guard's later patterns: IBAN, street and house number, ages, more date forms, Belgian phones. */
import { describe, expect, it } from 'vitest';
import { detectClientData, type FindingKind } from '../../src/lib/privacy/detect';
import { isValidIban } from '../../src/lib/privacy/iban';

const now = new Date(2025, 5, 15); // 15 June 2025

function found(text: string): [FindingKind, string][] {
  return detectClientData(text, { now }).map((f) => [f.kind, text.slice(f.index, f.index + f.length)]);
}

const none = (texts: string[]) => {
  for (const text of texts) expect(found(text), text).toEqual([]);
};

describe('IBAN', () => {
  it('passes mod 97 with or without spaces, in any case', () => {
    for (const iban of [
      'NL91ABNA0417164300',
      'NL91 ABNA 0417 1643 00',
      'nl91 abna 0417 1643 00',
      'BE68539007547034',
      'BE68 5390 0754 7034',
      'be68 5390 0754 7034',
      'DE89 3704 0044 0532 0130 00',
    ]) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  it('fails a wrong check, a wrong length, a Dutch bank code in digits or an unknown country', () => {
    for (const iban of [
      'NL91ABNA0417164301',
      'NL91ABNA041716430',
      'BE68539007547035',
      'BE685390075470341',
      'NL91123404171643',
      'XX91ABNA0417164300',
      '',
    ]) {
      expect(isValidIban(iban), iban).toBe(false);
    }
  });

  it('is found in a note, also before a short word', () => {
    expect(found('Rekening NL91 ABNA 0417 1643 00 van moeder.')).toEqual([['iban', 'NL91 ABNA 0417 1643 00']]);
    expect(found('iban: nl91abna0417164300')).toEqual([['iban', 'nl91abna0417164300']]);
    expect(found('BE68 5390 0754 7034 en verder')).toEqual([['iban', 'BE68 5390 0754 7034']]);
    expect(found('(be68539007547034)')).toEqual([['iban', 'be68539007547034']]);
  });

  it('is not found when the check fails or it is part of a longer code', () => {
    none(['NL91ABNA0417164301', 'BE68 5390 0754 7035', 'XNL91ABNA0417164300', 'code BE685390075470341']);
  });
});

describe('street and house number', () => {
  it('a compound street name with a number and an addition', () => {
    expect(found('Woont op Dorpsstraat 12 Utrecht')).toEqual([['street', 'Dorpsstraat 12']]);
    expect(found('adres: Kerkweg 3a')).toEqual([['street', 'Kerkweg 3a']]);
    expect(found('aan de Lange Nieuwstraat 140-2.')).toEqual([['street', 'Nieuwstraat 140-2']]);
    expect(found('Stationsplein 5, tweede etage')).toEqual([['street', 'Stationsplein 5']]);
    expect(found('woont op de Molendijk 8 en werkt')).toEqual([['street', 'Molendijk 8']]);
    expect(found('Frankrijklei 5 in Antwerpen')).toEqual([['street', 'Frankrijklei 5']]);
    // Lower case only where the suffix is no ordinary word.
    expect(found('getypt als kerkstraat 4.')).toEqual([['street', 'kerkstraat 4']]);
  });

  it('a postcode after it stays one address', () => {
    expect(found('Dorpsstraat 12, 1234 AB Utrecht')).toEqual([['postcode', '12, 1234 AB']]);
  });

  it('not ordinary words that end like a street, nor counts, units or years', () => {
    none([
      'de weg 3 keer gevraagd',
      'Hij is weg 3 dagen.',
      'Leerweg 2 past beter.',
      'Snelweg 3 uur file',
      'via het zorgpad 3.',
      'de loopbaan 2',
      'Arbeidsmarkt 2030.',
      'Kerkweg 2024',
      'op het plein 4 kinderen',
      'Gracht 5',
      'een baan 2 dagen per week',
      'In het park 3 vrienden.',
    ]);
  });
});

describe('ages', () => {
  it('a number of years tied to a person', () => {
    expect(found('Lisa is 14 jaar.')).toEqual([['age', '14 jaar']]);
    expect(found('Lisa is 14 jaar')).toEqual([['age', '14 jaar']]);
    expect(found('Ze wordt bijna 16 jaar en wil op zichzelf')).toEqual([['age', '16 jaar']]);
    expect(found('Moeder is 38 jaar, vader 41.')).toEqual([['age', '38 jaar']]);
    expect(found('een meisje van 14 jaar')).toEqual([['age', '14 jaar']]);
    expect(found('Lisa (14 jaar) woont bij oma')).toEqual([['age', '14 jaar']]);
    expect(found('Lisa, 14 jaar, woont bij oma')).toEqual([['age', '14 jaar']]);
  });

  it('"oud" or "old" makes it an age', () => {
    expect(found('14 jaar oud')).toEqual([['age', '14 jaar oud']]);
    expect(found('she is 14 years old')).toEqual([['age', '14 years old']]);
    expect(found('a boy, 9 years of age')).toEqual([['age', '9 years of age']]);
    // "tweeling" is no person word, so "van 14 jaar" is refused first: the age inside is still found.
    expect(found('een tweeling van 14 jaar oud')).toEqual([['age', '14 jaar oud']]);
  });

  it('"-jarige" and "-year-old" used for a person', () => {
    expect(found('een 15-jarige')).toEqual([['age', '15-jarige']]);
    expect(found('Het gaat om een 15-jarige die spijbelt.')).toEqual([['age', '15-jarige']]);
    expect(found('de 15-jarige Lisa')).toEqual([['age', '15-jarige']]);
    expect(found('een 15-jarig meisje')).toEqual([['age', '15-jarig']]);
    expect(found('een 15 jarige jongen')).toEqual([['age', '15 jarige']]);
    expect(found('a 15-year-old girl')).toEqual([['age', '15-year-old']]);
    expect(found('a 15-year-old who skips school')).toEqual([['age', '15-year-old']]);
  });

  it('not durations, rules or things', () => {
    none([
      'al 3 jaar in zorg',
      'Ze is al 3 jaar in zorg.',
      '2 jaar geleden',
      'Hij is 2 jaar geleden verhuisd.',
      'over 5 jaar',
      'Over 5 jaar is ze volwassen.',
      'Lisa is over 5 jaar klaar.',
      'Vanaf 16 jaar beslist een jongere zelf.',
      'een kind van 12 tot 16 jaar',
      'De termijn is 2 jaar.',
      'Het is 2 jaar geleden.',
      'Ze is 3 jaar en 2 maanden in zorg.',
      'een contract van 2 jaar',
      'een 2-jarige opleiding',
      'een 3-jarig project',
      'Daarna, 2 jaar later, kwam het terug.',
      'Sinds 2020, 3 jaar lang.',
      'for 3 years',
      '2 years ago',
      'in 5 years',
      'A 16-year-old decides alone.',
      'hulp tot 23 jaar',
    ]);
  });
});

describe('more date forms', () => {
  it('a two-digit year with an apostrophe, a dash or a slash', () => {
    expect(found("geboren 12 mrt '11")).toEqual([['birthdate', "12 mrt '11"]]);
    expect(found("Lisa, 12 mrt '11")).toEqual([['birthdate', "12 mrt '11"]]);
    expect(found('Lisa, 12 maart ’11')).toEqual([['birthdate', '12 maart ’11']]);
    expect(found("Lisa, 12-3-'11")).toEqual([['birthdate', "12-3-'11"]]);
    expect(found('Lisa, 12/3/11')).toEqual([['birthdate', '12/3/11']]);
    expect(found('Lisa, 3 maart 2011')).toEqual([['birthdate', '3 maart 2011']]);
    expect(found("born March 12, '09")).toEqual([['birthdate', "March 12, '09"]]);
    expect(found('op 12 maart 2009 geboren')).toEqual([['birthdate', '12 maart 2009']]);
  });

  it('not recent two-digit years, article numbers, or the date of an event', () => {
    none([
      "12 mrt '24",
      '12-3-24',
      'art. 7.3.11 lid 4',
      '12 mrt 11 uur',
      'Sinds 1 januari 2019 geldt een regel.',
      'brief van 6 januari 2020',
      'since 1 January 2019',
      'On 31 October 2019 a paper fan appeared.',
      'vanaf 1-1-2015',
    ]);
  });
});

describe('Belgian phone numbers', () => {
  it('mobile and landline, national and international', () => {
    for (const phone of [
      '+32 470 12 34 56',
      '+32470123456',
      '0032 470 12 34 56',
      '0032 2 123 45 67',
      '+32 (0)2 123 45 67',
      '+32 9 123 45 67',
      '0470 12 34 56',
      '0470/12.34.56',
      '0470.12.34.56',
      '02 123 45 67',
      '02/123.45.67',
      '050 12 34 56',
      '09 123 45 67',
    ]) {
      expect(found(`bel ${phone} vandaag`), phone).toEqual([['phone', phone]]);
    }
  });

  it('not too short, not a bare reference, not a number of an organisation', () => {
    none([
      'Referentie 012345678',
      '02 123 45 6',
      '+32 2 123 4',
      '078 15 10 20',
      '+32 78 15 10 20',
      'AKJ 088-555 1000',
      '+31 88 555 1000',
      '0800-0432',
      '0900 123 4567',
    ]);
  });
});
