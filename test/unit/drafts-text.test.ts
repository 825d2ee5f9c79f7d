import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/drafting/fold';
import { normalizeText, originalSpan } from '../../shared/drafting/text';

/** Every repaired character must come from a submitted one (or from the line break it replaced). */
function expectTraceable(original: string) {
  const norm = normalizeText(original);
  for (let i = 0; i < norm.text.length; i++) {
    const ch = norm.text[i] ?? '';
    const from = original[norm.map[i] ?? -1] ?? '';
    if (/\p{L}/u.test(ch) && fold(ch) === fold(from)) continue;
    if (/\s/.test(ch) || ch === from) continue;
    // A repaired letter (é for ö, a mojibake pair) still points at the damaged letter it replaced.
    expect(/[éÉÃ\p{L}]/u.test(from), `${JSON.stringify(ch)} at ${i} maps to ${JSON.stringify(from)}`).toBe(true);
  }
  return norm;
}

describe('PDF damage is repaired before matching', () => {
  it('a line broken inside a sentence is joined with a space', () => {
    const norm = expectTraceable('Kommunstyrelsen ger kommundirektören i uppdrag att utreda formerna för en gemensam\ne-tjänstplattform.');
    expect(norm.text).toBe('Kommunstyrelsen ger kommundirektören i uppdrag att utreda formerna för en gemensam e-tjänstplattform.');
  });

  it('a word hyphenated at a line end is joined without its hyphen', () => {
    expect(expectTraceable('att ta fram en hand-\nlingsplan mot våld').text).toBe('att ta fram en handlingsplan mot våld');
  });

  it('a hyphen before "och" is kept: "barn- och utbildningsnämnden"', () => {
    expect(normalizeText('Kommunfullmäktige ger vård-\noch omsorgsnämnden i uppdrag').text).toBe('Kommunfullmäktige ger vård- och omsorgsnämnden i uppdrag');
  });

  it('a hyphen after an abbreviation is kept: "HR-\\nchefen" is "HR-chefen"', () => {
    expect(normalizeText('Beslutet skickas till ekonomiavdelningen och HR-\nchefen för kännedom').text).toContain('HR-chefen');
  });

  it('"Sida 3 av 7", "1(3)", signature footers and repeated page headers are taken out but kept as furniture', () => {
    const text = [
      'SOCIALNÄMNDEN SAMMANTRÄDESPROTOKOLL 2026-04-22',
      'Socialnämnden ger socialchefen i uppdrag att ta fram en plan för det vräkningsförebyg-',
      'Justerandes sign        Utdragsbestyrkande',
      '                                        Sida 3 av 7',
      'SOCIALNÄMNDEN SAMMANTRÄDESPROTOKOLL 2026-04-22',
      'gande arbetet.',
      'TJÄNSTESKRIVELSE                       2(3)',
    ].join('\n');
    const norm = expectTraceable(text);
    expect(norm.text).toBe('Socialnämnden ger socialchefen i uppdrag att ta fram en plan för det vräkningsförebyggande arbetet.');
    expect(norm.furniture).toContain('Sida 3 av 7');
    expect(norm.furniture).toContain('SOCIALNÄMNDEN SAMMANTRÄDESPROTOKOLL 2026-04-22');
  });

  it('a decision line that repeats in the proposal and the decision is not taken for a page header', () => {
    const line = 'Nämnden uppdrar åt förvaltningschefen att senast 30 juni 2026 ta fram riktlinjer för';
    const norm = normalizeText(`Förslag till beslut\n${line}\nskolskjuts.\n\nBeslut\n${line}\nskolskjuts.`);
    expect(norm.text.match(/riktlinjer för skolskjuts/g)).toHaveLength(2);
  });

  it('headings and list items keep their own lines', () => {
    const norm = normalizeText('Beslut\n1. Kommunstyrelsen antar riktlinjen.\n2. Kommunstyrelsen ger kanslichefen i uppdrag att se över den.\nÄrendet\nRiktlinjen är från 2019.');
    expect(norm.text.split('\n')).toEqual([
      'Beslut',
      '1. Kommunstyrelsen antar riktlinjen.',
      '2. Kommunstyrelsen ger kanslichefen i uppdrag att se över den.',
      'Ärendet',
      'Riktlinjen är från 2019.',
    ]);
  });

  it('é put for ö by a PDF font is read as ö ("férebyggande"), but not in loanwords ("idéer")', () => {
    expect(normalizeText('det férebyggande arbetet och nya idéer').text).toBe('det förebyggande arbetet och nya idéer');
  });

  it('a doubled syllable is collapsed: "ateraterrapportera" is "aterrapportera"', () => {
    expect(normalizeText('och ateraterrapportera till kommunstyrelsen').text).toBe('och aterrapportera till kommunstyrelsen');
  });

  it('UTF-8 read as Latin-1 is repaired: "TjÃ¤nsteskrivelse" is "Tjänsteskrivelse"', () => {
    expect(normalizeText('TjÃ¤nsteskrivelse fÃ¶r kommunstyrelsen').text).toBe('Tjänsteskrivelse för kommunstyrelsen');
  });

  it('decomposed letters and ligatures are composed: "a\\u0308" is "ä", "ﬁ" is "fi"', () => {
    expect(normalizeText('na\u0308mnden ﬁnansierar').text).toBe('nämnden finansierar');
  });

  it('offsets of a repaired span point back into the submitted text', () => {
    const original = 'Beslut\nKommunstyrelsen ger socialchefen i uppdrag att ta fram en hand-\nlingsplan.';
    const norm = normalizeText(original);
    const at = norm.text.indexOf('handlingsplan');
    const span = originalSpan(norm, at, at + 'handlingsplan'.length);
    expect(original.slice(span.start, span.end)).toBe('hand-\nlingsplan');
  });
});

describe('matching is diacritic-insensitive', () => {
  it('fold keeps the length and drops å, ä, ö, é: "Återrapportera" and "aterrapportera" match', () => {
    expect(fold('Återrapportera till nämnden')).toBe('aterrapportera till namnden');
    expect(fold('mäns våld')).toBe(fold('mans vald'));
    expect(fold('Ärendet 😀').length).toBe('Ärendet 😀'.length);
  });
});
