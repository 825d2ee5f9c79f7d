/**
 * Round thirteen of the drafting rules (issue 19), on invented sentences in the ways council minutes
 * send a motion for preparation:
 * - "Motionen ställs på remiss till …" sends it as "sänds på remiss till" does;
 * - a first verb before the referral ("anses väckt och", "får ställas och", "tas upp till behandling
 *   och") still refers the motion;
 * - "Anmälan av motion om …", the agenda's heading for a motion handed in, titles the answer by the
 *   motion, not by the heading.
 * Near misses: a motion granted or answered and passed on for execution or information is no referral.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunfullmäktige met on Tuesday 9 March 2027. */
const kf: KnownFacts = { body: 'KF', meetingDate: '2027-03-09' };
/** The proposed drafts of a KF § on a motion whose decision reads `decision`: kind, role, deadline and title. */
const read = (decision: string, heading = 'Motion om fler laddstolpar') =>
  extractDrafts(`§ 45 ${heading}\nBeslut\n${decision}`, kf, ctx)
    .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
    .map((d) => [d.kind, d.responsibleRole, d.due, d.title]);

describe('a motion sent for preparation in other words', () => {
  it.each([
    ['"ställs på remiss till"', 'Motionen ställs på remiss till tekniska nämnden.', 'tekniska nämnden'],
    ['"anses väckt och överlämnas till"', 'Motionen anses väckt och överlämnas till kommunstyrelsen för beredning.', 'kommunstyrelsen'],
    ['"får ställas och överlämnas till"', 'Kommunfullmäktige beslutar att motionen får ställas och överlämnas till kommunstyrelsen för beredning.', 'kommunstyrelsen'],
    ['"tas upp till behandling och remitteras till"', 'Motionen tas upp till behandling och remitteras till kommunstyrelsen.', 'kommunstyrelsen'],
  ])('%s refers the motion, raised at this meeting', (_, decision, role) => {
    expect(read(decision)).toEqual([['motion', role, { raised: '2027-03-09' }, 'Besvara motion om fler laddstolpar']]);
  });

  it('"Anmälan av motion om …" titles the answer by the motion', () => {
    expect(read('Motionen anmäls och remitteras till kommunstyrelsen.', 'Anmälan av motion om fler laddstolpar')).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-09' }, 'Besvara motion om fler laddstolpar'],
    ]);
  });
});

describe('near misses: a motion decided is not sent for preparation', () => {
  it.each([
    ['"avslås och överlämnas … för kännedom"', 'Motionen avslås och överlämnas till kommunstyrelsen för kännedom.'],
    ['"anses besvarad och överlämnas … för kännedom"', 'Motionen anses besvarad och överlämnas till kommunstyrelsen för kännedom.'],
  ])('%s gives no motion to answer', (_, decision) => {
    expect(read(decision).filter(([kind]) => kind === 'motion')).toEqual([]);
  });
});
