/**
 * The eval's diagnosis of a missed item: not seen (no draft on its quote) or mislabelled (a draft there
 * of another kind or role, or doubtful), so a set's misses tell finding from labelling.
 */
import { describe, expect, it } from 'vitest';
import { diagnose, scoreCase, type CorpusCase } from '../../shared/drafting/evaluate';
import { directoryLookup } from '../fixtures/drafts/directory';

const decision = 'Beslut\nKommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för cykelvägar senast den 30 april 2027.\nKommunstyrelsen lägger informationen om badhuset till handlingarna.';
const kase = (expected: CorpusCase['expected']): CorpusCase => ({ description: 'invented', known: { body: 'KS', meetingDate: '2027-03-10' }, text: decision.split('\n'), expected });
const item = { titleWords: [] as string[], due: { date: '2027-04-30' } };
const reasons = (c: CorpusCase) => scoreCase('invented', c, directoryLookup).misses.map((m) => m.reason);

describe('a missed item is diagnosed as not seen or mislabelled', () => {
  it('found with its kind and role: no miss', () => {
    expect(reasons(kase([{ ...item, kind: 'uppdrag', responsibleRole: 'kommundirektören', source: 'ta fram en plan' }]))).toEqual([]);
  });

  it('no draft overlaps its quote: not seen', () => {
    expect(reasons(kase([{ ...item, kind: 'uppdrag', responsibleRole: 'kommundirektören', source: 'informationen om badhuset' }]))).toEqual(['notSeen']);
  });

  it('a draft of its kind overlaps the quote with another role: wrong role', () => {
    expect(reasons(kase([{ ...item, kind: 'uppdrag', responsibleRole: 'ekonomichefen', source: 'ta fram en plan' }]))).toEqual(['role']);
  });

  it('only a draft of another kind overlaps the quote: wrong kind', () => {
    expect(reasons(kase([{ ...item, kind: 'aterrapportering', responsibleRole: 'kommundirektören', source: 'ta fram en plan' }]))).toEqual(['kind']);
  });

  it('the one fitting draft was matched to an item before it: taken', () => {
    const twice = { ...item, kind: 'uppdrag', responsibleRole: 'kommundirektören', source: 'ta fram en plan' } as CorpusCase['expected'][number];
    expect(reasons(kase([twice, twice]))).toEqual(['taken']);
  });

  it('a draft of its kind and role below the proposing confidence (a proposal to the council): doubtful', () => {
    const c: CorpusCase = {
      description: 'invented',
      text: ['Förslag till beslut', 'Kommunstyrelsen föreslår kommunfullmäktige besluta att ge kommundirektören i uppdrag att ta fram en plan för cykelvägar senast den 30 april 2027.'],
      known: { body: 'KS', meetingDate: '2027-03-10' },
      expected: [{ ...item, kind: 'uppdrag', responsibleRole: 'kommundirektören', source: 'ta fram en plan' }],
    };
    expect(reasons(c)).toEqual(['doubtful']);
  });

  it('counts per set: mislabelled is the sum of the reasons that are not "not seen"', () => {
    const results = [
      scoreCase('a', kase([{ ...item, kind: 'uppdrag', responsibleRole: 'kommundirektören', source: 'informationen om badhuset' }]), directoryLookup),
      scoreCase('b', kase([{ ...item, kind: 'aterrapportering', responsibleRole: 'kommundirektören', source: 'ta fram en plan' }, { ...item, kind: 'uppdrag', responsibleRole: 'ekonomichefen', source: 'ta fram en plan' }]), directoryLookup),
    ];
    expect(diagnose(results)).toEqual({ notSeen: 1, mislabelled: 2, doubtful: 0, role: 1, kind: 1, taken: 0, shown: 0 });
  });

  it('a missed item whose sentence is listed for the clerk to read counts as shown, whatever its reason', () => {
    const c: CorpusCase = {
      description: 'invented',
      text: ['Beslut', 'Förvaltningen har sedan tidigare i uppdrag att ta fram en ny plan för badhuset till juni 2027.'],
      known: { body: 'KS', meetingDate: '2027-03-10' },
      expected: [{ ...item, kind: 'uppdrag', responsibleRole: 'förvaltningen', source: 'ny plan för badhuset' }],
    };
    const result = scoreCase('invented', c, directoryLookup);
    expect(result.misses.map((m) => [m.reason, m.shown])).toEqual([['notSeen', true]]);
    expect(diagnose([result])).toMatchObject({ notSeen: 1, shown: 1 });
  });
});
