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

describe('a page laid out in lines and columns reads as the page shows it', () => {
  const column = [
    'Kommunstyrelsen sammanträdde den 14 mars och fattade bland annat dessa',
    'beslut om skolans lokaler och om gatubelysningen i de norra delarna av',
    'kommunen, som kommunstyrelsen har diskuterat under flera sammanträden.',
    'Skolans lokaler i Västerby, Österby och Norrby',
    'Nämnden ger förvaltningen i uppdrag att utreda skolans lokaler.',
    'Beslutet gäller från och med den första april och till årets slut.',
  ];

  it('a heading above a sentence stays its own line: the sentence’s first word would have fitted beside it', () => {
    expect(expectTraceable(column.join('\n')).text.split('\n')).toContain('Skolans lokaler i Västerby, Österby och Norrby');
  });

  it('near miss: a full line goes on onto the next even where the next starts with a capital ("… i samråd med" / "Trafikverket")', () => {
    const lines = [...column.slice(0, 3), 'Kommunstyrelsen ger kommundirektören i uppdrag att utreda gatubelysning och', 'Trafikverkets vägbelysning längs riksväg 40 i de norra delarna.'];
    expect(normalizeText(lines.join('\n')).text).toContain('gatubelysning och Trafikverkets vägbelysning');
  });

  it('a line ending on a word no sentence ends on goes on, capital or not ("… med flera om" / "HPV-vaccination …")', () => {
    const norm = expectTraceable('Motion av Henrik Lund (SD) med flera om\nHPV-vaccination för pojkar till och med 18 års ålder');
    expect(norm.text).toBe('Motion av Henrik Lund (SD) med flera om HPV-vaccination för pojkar till och med 18 års ålder');
  });

  it('a motion broken off before its name ("… har lämnat in en" / "motion om …") is one sentence; a new "Motion om" line is not', () => {
    expect(normalizeText('Cecilia Öberg (V) med flera har lämnat in en\nmotion om gröna investeringsmedel.').text).toBe('Cecilia Öberg (V) med flera har lämnat in en motion om gröna investeringsmedel.');
    expect(normalizeText('Motion av Anna Berg (C) om belysning i Västerby\nMotion (KD) om en ny förskola i Österby').text.split('\n')).toHaveLength(2);
  });

  it('a case number opens an entry of a list: "Dnr KS 2027/101 Motion av …" is a line of its own', () => {
    const norm = normalizeText('Dnr KS 2027/100 Motion av Anna Berg (C) om belysning i Västerby\nDnr KS 2027/101 Motion av Per Lund (KD) om en ny förskola');
    expect(norm.text.split('\n')).toHaveLength(2);
  });

  it('the text after a label on its line may wrap ("Beslut: Kommunstyrelsen … i" / "uppdrag att …"); a label alone may not', () => {
    expect(normalizeText('Beslut: Kommunstyrelsen beslutar att ge förvaltningen i\nuppdrag att genomföra besparingarna.').text).toBe(
      'Beslut: Kommunstyrelsen beslutar att ge förvaltningen i uppdrag att genomföra besparingarna.',
    );
    expect(normalizeText('Beslut\nkommunstyrelsen ger förvaltningen i uppdrag att genomföra besparingarna.').text.split('\n')[0]).toBe('Beslut');
  });

  it('a line starting in lower case goes on the sentence above even where it reads as a label ("behandlades följande ärenden:")', () => {
    expect(normalizeText('Vid kommunfullmäktiges sammanträde måndagen den 27 februari\nbehandlades bland annat följande ärenden:').text.split('\n')).toHaveLength(1);
  });

  it('a margin label beside its text, a column gap apart ("Beslut      Kommunstyrelsen ger …"), is two lines', () => {
    const norm = expectTraceable('Beslut                      Kommunstyrelsen ger kommundirektören i uppdrag att utreda lokalerna.');
    expect(norm.text.split('\n')).toEqual(['Beslut', 'Kommunstyrelsen ger kommundirektören i uppdrag att utreda lokalerna.']);
  });

  it('a letter’s sender beside its date is two lines; near miss: a register’s row stays one', () => {
    expect(normalizeText('Länsstyrelsen i Ekby län        2027-04-01').text.split('\n')).toEqual(['Länsstyrelsen i Ekby län', '2027-04-01']);
    expect(normalizeText('KS 2027/14     2027-01-24     Motion om laddstolpar').text.split('\n')).toHaveLength(1);
  });

  it('a syllable of two letters hyphenated at a line end is joined ("se-" / "nast", "be-" / "redskap"); near miss: "tv-" / "program" keeps its hyphen', () => {
    expect(expectTraceable('Planen ska vara klar se-\nnast den 1 december 2026.').text).toBe('Planen ska vara klar senast den 1 december 2026.');
    expect(normalizeText('Myndigheten för samhällsskydd och be-\nredskap').text).toBe('Myndigheten för samhällsskydd och beredskap');
    expect(normalizeText('Kulturnämnden bekostar tv-\nprogrammet om biblioteken.').text).toBe('Kulturnämnden bekostar tv-programmet om biblioteken.');
  });

  it('a line ending on a comma goes on ("• Ann Berg och Johan Rask," / "Socialdemokraterna, om …"); near miss: not onto the next bullet', () => {
    expect(normalizeText('• Ann Berg och Johan Rask,\nSocialdemokraterna, om förstärkt beredskap').text.split('\n')).toHaveLength(1);
    expect(normalizeText('• Ann Berg och Johan Rask,\n• Maria Tör, Vänsterpartiet').text.split('\n')).toHaveLength(2);
  });

  it('near miss: a short word of its own before a line-end hyphen keeps it ("it-" / "stöd", "ai-" / "verktyg")', () => {
    expect(normalizeText('Förvaltningen köper in nytt it-\nstöd och ai-\nverktyg till skolorna.').text).toBe('Förvaltningen köper in nytt it-stöd och ai-verktyg till skolorna.');
  });

  it('near miss: numbered references in brackets ("[1] Kommunen … [2] Regionen …") are no kungörelser: one line', () => {
    expect(normalizeText('Enligt rapporten [1] Kommunen har ökat och [2] Regionen har minskat sina kostnader.').text.split('\n')).toHaveLength(1);
  });

  it('a line ending on "senast" goes on onto the date on the next line ("… tillhanda senast" / "2026-05-29.")', () => {
    expect(normalizeText('Era svar ska vara Naturvårdsverket tillhanda senast\n2026-05-29. Svar lämnas via e-post.').text.split('\n')).toHaveLength(1);
  });

  it('a list run into one line ("… den 17 augusti: 1. Att … 2. Att …", "… jobb. • SD-gruppen …") has its points on lines again', () => {
    const norm = expectTraceable('Kommunstyrelsen beslutade bl a följande den 17 augusti: 1. Att avge yttrande över remissen. 2. Att anta planen.');
    expect(norm.text.split('\n')).toEqual(['Kommunstyrelsen beslutade bl a följande den 17 augusti:', '1. Att avge yttrande över remissen.', '2. Att anta planen.']);
    expect(normalizeText('Följande motioner har lämnats in. • Kerstin Åberg (V) om vita jobb. • SD-gruppen om mat.').text.split('\n')).toHaveLength(3);
  });

  it('bullets run into a line without a full stop ("… Nyhedsskolan • uppdateringar …") and kungörelser closed by a bracket ("…] Neptuni åkrar") are apart too', () => {
    expect(normalizeText('Motionerna som lämnades in var: • motion om att bygga ut Nyhedsskolan • uppdateringar av idrottshallar').text.split('\n')).toHaveLength(3);
    const notices = 'Försvarsmakten, prövotidsredovisning vid Kosta skjutfält [yttrande senast 12 mars 2018] Neptuni åkrar, ett tilläggsbeslut [överklagas senast 26 februari 2018] Swedish DLA Agro AB, dagvatten [yttrande senast 4 mars 2018]';
    expect(normalizeText(notices).text.split('\n')).toHaveLength(3);
  });

  it('near miss: one number after a full stop ("… enligt förslaget. 3. Kap") is no list', () => {
    expect(normalizeText('Nämnden beslutar enligt förslaget. 3. Kapitlet gäller från 2028.').text.split('\n')).toHaveLength(1);
  });

  it('a line repeated as the opening of each point of a list is no page header ("1. Kommunfullmäktige ger kommunstyrelsen i uppdrag")', () => {
    const points = [1, 2, 3].map((n) => `${n}. Kommunfullmäktige ger kommunstyrelsen i uppdrag\natt se över taxa ${n}.`).join('\n');
    const norm = normalizeText(points);
    expect(norm.text.match(/ger kommunstyrelsen i uppdrag att se över taxa/g)).toHaveLength(3);
    expect(norm.furniture).toEqual([]);
  });
});

describe('matching is diacritic-insensitive', () => {
  it('fold keeps the length and drops å, ä, ö, é: "Återrapportera" and "aterrapportera" match', () => {
    expect(fold('Återrapportera till nämnden')).toBe('aterrapportera till namnden');
    expect(fold('mäns våld')).toBe(fold('mans vald'));
    expect(fold('Ärendet 😀').length).toBe('Ärendet 😀'.length);
  });
});
