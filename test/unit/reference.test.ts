import { describe, expect, it } from 'vitest';
import { decisionReference, itemReference, paragraphReference, type ReferenceSource } from '../../shared/domain/items/reference';

const yttrande = (fields: Partial<ReferenceSource>): ReferenceSource => ({
  due: { externalDeadline: '2027-09-30', recipient: 'Region Skåne', decidedBy: 'KS' },
  ...fields,
});

describe('a decision is shown with what is known and nothing invented', () => {
  it.each<[string, ReferenceSource, string | undefined]>([
    ['a decision with its § and case number', { decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' }, caseNumber: 'KS 2026/141' }, 'KS 2026-03-11 § 58, KS 2026/141'],
    ['a § written without the sign', { decision: { body: 'KS', date: '2026-03-11', paragraph: '58' }, caseNumber: 'KS 2026/141' }, 'KS 2026-03-11 § 58, KS 2026/141'],
    ['a § written without the space', { decision: { body: 'KS', date: '2026-03-11', paragraph: '§58' } }, 'KS 2026-03-11 § 58'],
    ['two paragraphs', { decision: { body: 'SN', date: '2027-02-17', paragraph: '§§ 12–13' } }, 'SN 2027-02-17 §§ 12–13'],
    ['a decision before the minutes are approved: no § yet, no case number', { decision: { body: 'KS', date: '2028-04-03' } }, 'KS 2028-04-03'],
    ['a backlog row without a case number', { decision: { body: 'BUN', date: '2026-05-20', paragraph: '§ 44' } }, 'BUN 2026-05-20 § 44'],
    ['a case number but no §', { decision: { body: 'KS', date: '2028-04-03' }, caseNumber: 'KS 2028/77' }, 'KS 2028-04-03, KS 2028/77'],
    [
      'a remiss registered on arrival, from the sender in due',
      yttrande({ remiss: { received: '2027-07-19', reference: 'Dnr 2027-1234' } }),
      'Remiss från Region Skåne, inkom 2027-07-19, Dnr 2027-1234',
    ],
    ['a remiss with only its sender known', yttrande({ remiss: {} }), 'Remiss från Region Skåne'],
    ['a remiss and the municipality’s own case number', yttrande({ remiss: { received: '2027-07-19' }, caseNumber: 'KS 2027/512' }), 'Remiss från Region Skåne, inkom 2027-07-19, KS 2027/512'],
    ['a remiss whose sender is not in due', { due: { date: '2027-09-30' }, remiss: { reference: 'Dnr 2027-1234' } }, 'Remiss, Dnr 2027-1234'],
    ['nothing known at all', { due: { date: '2027-09-30' } }, undefined],
  ])('%s', (_, item, expected) => {
    const reference = decisionReference(item);

    expect(reference).toBe(expected);
    expect(reference ?? '').not.toMatch(/§ §|undefined|null/);
  });

  it('a paragraph as clerks cite it', () => {
    expect(['§ 58', '58', '§58', '§  58', 'p. 3'].map(paragraphReference)).toEqual(['§ 58', '§ 58', '§ 58', '§ 58', 'p. 3']);
  });

  it('an item in a sentence: its title, and where it comes from when anything is known', () => {
    expect(itemReference({ title: 'Utreda e-tjänstplattform', decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 141' } })).toBe('"Utreda e-tjänstplattform" (KS 2026-03-11 § 141)');
    expect(itemReference({ title: 'Yttrande över cykelstrategi', due: { date: '2027-09-30' } })).toBe('"Yttrande över cykelstrategi"');
  });
});
