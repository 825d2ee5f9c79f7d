/**
 * Faults a new user found in Granska beslut (session seven), fixed as kinds, on invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, type DraftContext } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2026-11-30' };
/** Kommunstyrelsen's § 140 of Monday 23 November 2026, its title on the line after the § line. */
const paragraph = (title: string, decision: string) => `Kommunstyrelsen\nSammanträdesprotokoll 2026-11-23\n§ 140 Dnr KS 2026/301\n${title}\nBeslut\n${decision}`;
const drafts = (text: string) => extractDrafts(text, {}, ctx).drafts;

describe('Västra Götalandsregionen is an authority, though its name does not begin with "Region"', () => {
  it('"ska vara Västra Götalandsregionen tillhanda senast …" names the recipient', () => {
    const [draft] = drafts(paragraph('Regional cykelstrategi', 'Kommunstyrelsen ger samhällsbyggnadschefen i uppdrag att ta fram ett yttrande över remissen. Yttrandet ska vara Västra Götalandsregionen tillhanda senast 2027-02-26.'));
    expect(draft).toMatchObject({ kind: 'yttrande', due: { externalDeadline: '2027-02-26', recipient: 'Västra Götalandsregionen', decidedBy: 'KS' } });
    expect(draft!.flagReason ?? '').not.toContain('Mottagaren');
  });
});

describe('a § titled as a remiss is named once in the title', () => {
  it.each([
    ['Remiss – Regional cykelstrategi för Västra Götaland', 'Regional cykelstrategi för Västra Götaland'],
    ['Remiss över förslag till regional cykelstrategi', 'förslag till regional cykelstrategi'],
    ['Regional cykelstrategi för Västra Götaland', 'Regional cykelstrategi för Västra Götaland'],
  ])('§ titled "%s": "… över remissen – %s"', (title, subject) => {
    const [draft] = drafts(paragraph(title, 'Kommunstyrelsen ger samhällsbyggnadschefen i uppdrag att ta fram ett yttrande över remissen. Yttrandet ska vara Länsstyrelsen tillhanda senast 2027-02-26.'));
    expect(draft!.title).toBe(`Ta fram ett yttrande över remissen – ${subject}`);
  });
});
