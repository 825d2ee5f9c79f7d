import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/drafting/fold';
import { bodyCode, documentLexicon, inSentence, normalizeRole, opening, restoreDiacritics } from '../../shared/drafting/swedish';
import { findTimings } from '../../shared/drafting/timing';

const timings = (text: string, ref: string) => findTimings(fold(text), 0, text.length, ref);

describe('roles: one directory key for the definite and indefinite forms', () => {
  it.each([
    ['kommunchefen', 'kommunchef'],
    ['Kommunchef', 'kommunchef'],
    ['kommundirektören', 'kommundirektör'],
    ['förvaltningschefen', 'förvaltningschef'],
    ['socialnämnden', 'socialnämnd'],
    ['barn- och utbildningsnämnden', 'barn- och utbildningsnämnd'],
    ['kommunstyrelsens ordförande', 'kommunstyrelsens ordförande'],
    ['ordföranden', 'ordförande'],
    ['handläggaren', 'handläggare'],
    ['HR-chefen', 'hr-chef'],
    ['arbetsutskottet', 'arbetsutskott'],
    ['kommunstyrelsen', 'kommunstyrelse'],
    ['rektorn', 'rektor'],
  ])('%s → %s', (role, key) => {
    expect(normalizeRole(role)).toBe(key);
  });

  it('is idempotent, so the directory and the drafts may both normalize', () => {
    expect(normalizeRole(normalizeRole('Kommundirektören'))).toBe('kommundirektör');
  });
});

describe('bodies: the short name the meeting plans use', () => {
  it.each([
    ['kommunstyrelsen', 'KS'],
    ['kommunstyrelsens', 'KS'],
    ['kommunfullmäktige', 'KF'],
    ['kommunstyrelsens arbetsutskott', 'KSAU'],
    ['socialnämnden', 'SN'],
    ['barn- och utbildningsnämnden', 'BUN'],
    ['vård- och omsorgsnämnden', 'VON'],
    ['tekniska nämnden', 'TN'],
    ['samhällsbyggnadsnämnden', 'SBN'],
    ['KS', 'KS'],
  ])('%s → %s', (phrase, code) => {
    expect(bodyCode(phrase)).toBe(code);
  });

  it('"nämnden" and "arbetsutskottet" mean the deciding body and its working committee', () => {
    expect(bodyCode('nämnden', 'BUN')).toBe('BUN');
    expect(bodyCode('arbetsutskottet', 'KS')).toBe('KSAU');
    expect(bodyCode('nämndens', undefined)).toBeUndefined();
  });
});

describe('deadlines in Swedish', () => {
  it('a month without a year is the next such month on or after the decision', () => {
    expect(timings('återrapportera i september', '2026-03-11')[0]).toMatchObject({ form: 'month', month: '2026-09' });
    expect(timings('återrapportera i februari', '2026-03-11')[0]).toMatchObject({ form: 'month', month: '2027-02' });
    expect(timings('återrapportera i mars', '2026-03-11')[0]).toMatchObject({ form: 'month', month: '2026-03' });
  });

  it('a written year wins: "i februari 2027"', () => {
    expect(timings('slutredovisa i februari 2027', '2026-09-14')[0]).toMatchObject({ form: 'month', month: '2027-02' });
  });

  it('Swedish month names and numeric dates: "senast 30 juni 2026", "senast 2026-10-31", "den 15/12", "30:e september"', () => {
    expect(timings('senast 30 juni 2026 ta fram', '2026-05-20')[0]).toMatchObject({ form: 'date', date: '2026-06-30', marked: true });
    expect(timings('senast 2026-10-31 ta fram', '2026-06-03')[0]).toMatchObject({ form: 'date', date: '2026-10-31' });
    expect(timings('redovisa den 15/12', '2026-05-27')[0]).toMatchObject({ date: '2026-12-15' });
    expect(timings('senast den 30:e september', '2026-05-27')[0]).toMatchObject({ form: 'date', date: '2026-09-30' });
  });

  it('a day and month without a year is the next such date: "senast den 1 mars" decided in November', () => {
    expect(timings('senast den 1 mars', '2026-11-12')[0]).toMatchObject({ date: '2027-03-01' });
  });

  it('a quarter and a half year are periods due by their last day; "inom sex månader" is a date', () => {
    expect(timings('senast under första kvartalet 2027', '2026-09-28')[0]).toMatchObject({ form: 'period', by: '2027-03-31' });
    expect(timings('under andra halvåret 2026', '2026-01-10')[0]).toMatchObject({ form: 'period', by: '2026-12-31' });
    expect(timings('inom sex månader från detta beslut', '2026-08-26')[0]).toMatchObject({ form: 'date', date: '2027-02-26' });
  });

  it('a date at a meeting is the meeting’s date: "till kommunstyrelsens sammanträde 2026-12-07", "för nämnden den 2 december"', () => {
    expect(timings('till kommunstyrelsens sammanträde 2026-12-07', '2026-06-03')[0]).toMatchObject({ form: 'meetingDate', date: '2026-12-07' });
    expect(timings('ska redovisas för nämnden den 2 december 2026', '2026-09-16')[0]).toMatchObject({ form: 'meetingDate' });
    expect(timings('redovisa till kommunstyrelsen senast den 2 december 2026', '2026-09-16')[0]).toMatchObject({ form: 'date' });
  });

  it('a season is a period: "under hösten 2026" by 2026-12-31, "under våren" (no year) the next spring\'s end', () => {
    expect(timings('återrapportera under hösten 2026', '2026-03-16')[0]).toMatchObject({ form: 'period', by: '2026-12-31' });
    expect(timings('klart under våren', '2026-09-16')[0]).toMatchObject({ form: 'period', by: '2027-06-30' });
  });

  it('times that name no period stay vague: "i samband med delårsrapporten", "efter sommaren"', () => {
    expect(timings('i samband med delårsrapporten', '2026-03-16')[0]).toMatchObject({ form: 'vague' });
    expect(timings('första sammanträdet efter sommaren', '2026-03-16')[0]).toMatchObject({ form: 'vague' });
  });
});

describe('lost å, ä, ö are put back in what people read', () => {
  it('"mans vald" is "mäns våld" and known word parts are restored in a damaged text', () => {
    const damaged = 'Handlingsplan mot mans vald for forebyggande arbete pa forvaltningen';
    const restored = restoreDiacritics(damaged, documentLexicon(damaged));
    expect(restored).toBe('Handlingsplan mot mäns våld för förebyggande arbete på förvaltningen');
  });

  it('an undamaged text keeps "for" and "vald" as they are', () => {
    const text = 'Hon vald till ordförande for till Stockholm för mötet i nämnden.';
    expect(restoreDiacritics('vald for', documentLexicon(text))).toBe('vald for');
  });
});

describe('words continuing a title keep an abbreviation in capitals', () => {
  it.each([
    ['Förslag till ny avfallsplan', 'förslag till ny avfallsplan'],
    ['SOU 2027:3 Ett hållbart mottagande', 'SOU 2027:3 Ett hållbart mottagande'],
    ['IT-strategin för skolan', 'IT-strategin för skolan'],
    ['KS förslag till budget', 'KS förslag till budget'],
    ['Ö', 'ö'],
    ['', ''],
  ])('%j continues a sentence as %j', (words, expected) => {
    expect(inSentence(words, documentLexicon(''))).toBe(expected);
  });

  it('a name the document capitalises inside its sentences keeps its capital; a word capitalised only where a sentence or line begins does not', () => {
    const text = 'Kommunen har fått Statskontorets redovisning på remiss.\nFörslag till yttrande har tagits fram tillsammans med Tensta Träff.';
    const lexicon = documentLexicon(text);
    expect(inSentence('Statskontorets redovisning Vägledning till en bättre tillsyn', lexicon)).toBe('Statskontorets redovisning Vägledning till en bättre tillsyn');
    expect(inSentence('Tensta Träff, Hagstråket 13', lexicon)).toBe('Tensta Träff, Hagstråket 13');
    expect(inSentence('Kommunens förslag', lexicon)).toBe('kommunens förslag');
    expect(inSentence('Förslag till yttrande', lexicon)).toBe('förslag till yttrande');
  });

  it('words opening a title take a capital, and nothing is no title', () => {
    expect([opening('köpa in fastigheten'), opening('Kommunstyrelsen'), opening('')]).toEqual(['Köpa in fastigheten', 'Kommunstyrelsen', '']);
  });

  it('a remiss of an SOU is answered with "Skicka yttrandet över SOU …", not "sOU"', async () => {
    const { extractDrafts } = await import('../../shared/drafting/extract');
    const text = 'Kommunstyrelsen\n\nRemiss från Finansdepartementet\n\nKommunstyrelsens beslut\nFörvaltningens skrivelse överlämnas till Finansdepartementet som kommunens yttrande över SOU 2027:3.\nSvaren ska ha kommit in till Finansdepartementet senast den 15 mars 2027.';
    const [draft] = extractDrafts(text, {}, { lookupRole: () => undefined, today: '2027-01-20' }).drafts;
    expect(draft?.title).toBe('Skicka yttrandet över SOU 2027:3');
  });
});
