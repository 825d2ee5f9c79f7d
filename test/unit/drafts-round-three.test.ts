/**
 * Round three of the drafting rules (issue 19): how Swedish decisions and their summaries are written,
 * each rule specified on invented sentences, with the near misses it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const proposed = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
const kf = { body: 'KF', meetingDate: '2027-03-22' };
const row = (d: ReturnType<typeof proposed>[number]) => [d.kind, d.responsibleRole, d.due];

describe('an adverb between the verb of a commission and its object', () => {
  it('"KF uppdrog dessutom till samtliga nämnder att planera …" is a commission, with the report-back the next sentence gives', () => {
    const text = 'Beslut i korthet\n\nKommunfullmäktige uppdrog dessutom till samtliga nämnder att planera för en anpassning av budgeten. Dessa ska presenteras för kommunfullmäktige i maj 2027.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'samtliga nämnder', { meeting: { body: 'KF', month: '2027-05' } }]]);
  });

  it('"uppdrar också åt kommundirektören att …" in a decision is a commission', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt uppdra också åt kommundirektören att ta fram en lokalförsörjningsplan senast den 30 juni 2027.';
    expect(proposed(text, kf).map(row)).toEqual([['uppdrag', 'kommundirektören', { date: '2027-06-30' }]]);
  });

  it('"X ska dessutom redovisa sin utredning för kommunfullmäktige" in a summary is a report-back with no date', () => {
    const text = 'Beslut i korthet\n\nKommunfullmäktige beslutade att avslå kulturnämndens begäran om mer pengar. Kulturnämnden ska dessutom redovisa sin utredning om ekonomin för kommunfullmäktige.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'kulturnämnden', undefined]]);
  });

  it('near miss: "uppdrog dessutom åt" told of an earlier date in a summary is history', () => {
    const text = 'Beslut i korthet\n\nKommunfullmäktige uppdrog dessutom 2019-05-20 till kommunstyrelsen att planera för en ny skola. Nu är skolan byggd.';
    expect(proposed(text, kf)).toEqual([]);
  });

  it('near miss: "dessutom" before an uppmaning keeps it an exhortation', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt dessutom uppmana samtliga nämnder att planera för en anpassning av budgeten.';
    expect(proposed(text, kf)).toEqual([]);
  });
});

describe('a body named before "presentera": "ta fram och till fullmäktige presentera förslag"', () => {
  it('is a report-back to that body, with no date when none is written', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt ge kommunstyrelsen i uppdrag att ta fram och till fullmäktige presentera förslag på strategier för tillväxt.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'kommunstyrelsen', undefined]]);
  });

  it('with a month, is due at that body\'s meeting in the month', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt ge kommunstyrelsen i uppdrag att ta fram och i oktober 2027 till fullmäktige presentera en strategi för tillväxt.';
    expect(proposed(text, kf).map(row)).toEqual([['aterrapportering', 'kommunstyrelsen', { meeting: { body: 'KF', month: '2027-10' } }]]);
  });

  it('near miss: "presentera förslaget för medborgarna" reports to no body: an uppdrag', () => {
    const text = 'Kommunfullmäktige beslutar\n\natt ge kommunstyrelsen i uppdrag att ta fram och presentera förslag på strategier för medborgarna.';
    expect(proposed(text, kf).map((d) => d.kind)).toEqual(['uppdrag']);
  });
});

describe('a body that wants to know by a time: "vill fullmäktige veta … senast …"', () => {
  it('"… så vill fullmäktige veta hur arbetet fortskridit senast i juni 2028" is a report-back to KF in June, no one named', () => {
    const text = 'Beslut i korthet\n\nNär det gäller revisionens granskning av upphandlingen så vill fullmäktige veta hur arbetet med förbättringar fortskridit senast i juni 2028.';
    const [d, ...rest] = proposed(text, kf);
    expect(rest).toEqual([]);
    expect([d?.kind, d?.responsibleRole, d?.due, d?.title]).toEqual(['aterrapportering', undefined, { meeting: { body: 'KF', month: '2028-06' } }, 'Redovisning av hur arbetet med förbättringar fortskridit']);
  });

  it('"Socialnämnden vill veta senast den 1 oktober 2027 hur …" is a report-back to the nämnd, by that date', () => {
    const text = 'Beslut i korthet\n\nSocialnämnden vill veta senast den 1 oktober 2027 hur väntetiderna har utvecklats.';
    expect(proposed(text, { body: 'SN', meetingDate: '2027-03-10' }).map(row)).toEqual([['aterrapportering', undefined, { date: '2027-10-01' }]]);
  });

  it('near miss: a wish with no "senast" ("Fullmäktige vill veta mer om …") is no item', () => {
    const text = 'Beslut i korthet\n\nFullmäktige vill veta mer om hur skolorna arbetar med trygghet.';
    expect(proposed(text, kf)).toEqual([]);
  });

  it('near miss: people who want to know ("Många invånare vill veta … senast") are no body', () => {
    const text = 'Beslut i korthet\n\nMånga invånare vill veta senast i juni 2027 när den nya skolan öppnar.';
    expect(proposed(text, kf)).toEqual([]);
  });

  it('near miss: a question ("Vill fullmäktige veta … senast i juni?") decides nothing', () => {
    const text = 'Beslut i korthet\n\nVill fullmäktige veta hur arbetet går senast i juni 2027?';
    expect(proposed(text, kf)).toEqual([]);
  });
});

describe('motions a summary tells one by one, each with its own referral ("Motionen remitterades till …")', () => {
  const page =
    'Kommunfullmäktige 22 mars 2027, beslut i korthet\n\nInkomna motioner\n\nFler laddstolpar i Nolby\n\nI en motion vill Per Ek (M) att kommunen bygger fler laddstolpar vid skolorna och idrottshallarna. Idag finns två.\n\nMotionen remitterades till kommunstyrelsen för beredning.\n\nMotion om ett nytt badhus\n\nLena Ek (S) vill att kommunen bygger ett nytt badhus med en bassäng på 50 meter i centrum.\n\nMotionen remitterades till kommunstyrelsens för beredning.';

  it('each is one motion, raised at this meeting, for the body it is referred to (a dangling genitive is the body), named by its title line', () => {
    expect(proposed(page, kf).map((d) => [d.kind, d.responsibleRole, d.due, d.title])).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-22' }, 'Besvara motion: fler laddstolpar i Nolby'],
      ['motion', 'kommunstyrelsen', { raised: '2027-03-22' }, 'Besvara motion om ett nytt badhus'],
    ]);
  });

  it('"X hade motionerat om … . Motionen remitterades till kommunstyrelsen" was raised before: no raised date, named by its sentence', () => {
    const text = 'Beslut i korthet\n\n• Per Ek hade motionerat om kortare väntetider i hemtjänsten. Motionen remitterades till kommunstyrelsen.';
    expect(proposed(text, kf).map((d) => [d.kind, d.responsibleRole, d.due, d.title])).toEqual([
      ['motion', 'kommunstyrelsen', undefined, 'Besvara motionen om kortare väntetider i hemtjänsten'],
    ]);
  });

  it('near miss: "Motionen avslogs" and "Motionen besvarades" in a summary raise no motion', () => {
    const text = 'Beslut i korthet\n\nMotion om ett nytt badhus\n\nLena Ek (S) ville ha ett nytt badhus. Motionen avslogs.\n\nMotion om laddstolpar\n\nMotionen besvarades.';
    expect(proposed(text, kf)).toEqual([]);
  });

  it('near miss: "ärendet återremitterades till kommunstyrelsen" sends an answer back: no motion', () => {
    const text = 'Beslut i korthet\n\nSvar på motion om ett nytt badhus\n\nÄrendet återremitterades till kommunstyrelsen.';
    expect(proposed(text, kf)).toEqual([]);
  });
});

describe('"komma med förslag" reports back to the deciding body, as "återkomma med förslag" does', () => {
  const sn = { body: 'SN', meetingDate: '2027-05-12' };

  it('"Förvaltningen får i uppdrag att komma med ett förslag till utformning i oktober" is a report-back to the nämnd in October', () => {
    const text = 'Beslut i korthet\n\nSamhällsnämnden vill utreda ett naturreservat. Samhällsförvaltningen får i uppdrag att komma med ett förslag till utformning i oktober 2027.';
    expect(proposed(text, sn).map(row)).toEqual([['aterrapportering', 'samhällsförvaltningen', { meeting: { body: 'SN', month: '2027-10' } }]]);
  });

  it('"komma in med underlag" with no time is a report-back with no date', () => {
    const text = 'Samhällsnämnden beslutar\n\natt ge förvaltningen i uppdrag att komma in med underlag om taxorna.';
    expect(proposed(text, sn).map(row)).toEqual([['aterrapportering', 'förvaltningen', undefined]]);
  });

  it('near miss: "komma överens med grannkommunerna" is work, not a report-back', () => {
    const text = 'Samhällsnämnden beslutar\n\natt ge förvaltningen i uppdrag att komma överens med grannkommunerna om vägunderhållet.';
    expect(proposed(text, sn).map((d) => d.kind)).toEqual(['uppdrag']);
  });
});
