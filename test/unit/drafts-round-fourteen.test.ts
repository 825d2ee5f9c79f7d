/**
 * Round fourteen of the drafting rules (issue 19): whose decision a draft records, when nothing is
 * known of the text but the text itself (a protokoll pasted into Granska beslut with no body or date
 * chosen).
 * - The body named first in a § is the decider only when it acts: "Kommunstyrelsen får i uppdrag att
 *   …" in kommunfullmäktige's protokoll is the council's commission to kommunstyrelsen.
 * - A date the decision sets as a deadline ("… senast den 30 juni 2027") is not the date of the meeting.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, type DraftContext } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Each draft's decision and who does the work, for a text pasted with nothing known. */
const decisions = (text: string) => extractDrafts(text, {}, ctx).drafts.map((d) => [d.decision, d.responsibleRole]);

describe('the decider of a § is the body that decides, not the body given the work', () => {
  it.each([
    ['"får i uppdrag"', 'Kommunstyrelsen får i uppdrag att se över lokalerna senast den 30 juni 2027.'],
    ['"ges i uppdrag"', 'Kommunstyrelsen ges i uppdrag att se över lokalerna senast den 30 juni 2027.'],
    ['"uppdras"', 'Kommunstyrelsen uppdras att se över lokalerna senast den 30 juni 2027.'],
  ])('kommunfullmäktige’s protokoll: kommunstyrelsen %s is KF’s commission to KS', (_, sentence) => {
    expect(decisions(`Kommunfullmäktige\nProtokoll 2027-03-09\n§ 46 Lokalöversyn\nBeslut\n${sentence}`)).toEqual([
      [{ body: 'KF', date: '2027-03-09', paragraph: '§ 46' }, 'kommunstyrelsen'],
    ]);
  });

  it('a body that decides at the start of the decision is still its decider', () => {
    expect(
      decisions('Protokoll 2027-03-09\n§ 46 Lokalöversyn\nBeslut\nKommunstyrelsen beslutar att ge kommundirektören i uppdrag att se över lokalerna senast den 30 juni 2027.'),
    ).toEqual([[{ body: 'KS', date: '2027-03-09', paragraph: '§ 46' }, 'kommundirektören']]);
  });
});

describe('the meeting date is never the deadline the decision sets', () => {
  it('a § with no dated header: the decision date is left for the clerk, not taken from "senast den 30 juni 2027"', () => {
    expect(decisions('§ 46 Lokalöversyn\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att se över lokalerna senast den 30 juni 2027.')).toEqual([
      [{ body: 'KS', paragraph: '§ 46' }, 'kommundirektören'],
    ]);
  });

  it('the date on the § line itself is still the meeting’s', () => {
    expect(decisions('KS § 46 2027-03-09 Lokalöversyn\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att se över lokalerna senast den 30 juni 2027.')).toEqual([
      [{ body: 'KS', date: '2027-03-09', paragraph: '§ 46' }, 'kommundirektören'],
    ]);
  });
});
