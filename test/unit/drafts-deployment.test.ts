/**
 * Drafting as the deployment runs it (shared/application/drafts): the deployment's council tells whose
 * "fullmäktige" a text means when the text does not say.
 */
import { describe, expect, it } from 'vitest';
import { draftItems, type DraftDeps } from '../../shared/application/drafts/drafts';
import type { Council } from '../../shared/domain/council';

const referral = [
  'Protokoll 2027-09-21',
  '§ 41 Motion om cykelvägar längs länsvägarna',
  'Eva Lind (C) har lämnat in en motion om cykelvägar längs länsvägarna.',
  'Fullmäktiges beslut',
  'Fullmäktige beslutar att remittera motionen till styrelsen för beredning.',
].join('\n');

const deps = (council: Council): DraftDeps => ({
  directory: { all: async () => [] },
  rules: { resolve: async () => ({ dueDate: '2028-09-18', dueExplanation: 'Fullmäktiges sista sammanträde inom ett år' }) },
  clock: () => new Date('2027-11-20T08:00:00Z'),
  council,
  pdfText: async () => ({ text: '' }),
});

describe("the deployment's council in drafting", () => {
  it('a region (COUNCIL=RF) reads a bare "Fullmäktige" as regionfullmäktige', async () => {
    const { drafts } = await draftItems(deps('RF'), { text: referral });
    expect(drafts.map((d) => [d.kind, d.body.decision?.body])).toEqual([['motion', 'RF']]);
  });

  it('a municipality (COUNCIL=KF) reads it as kommunfullmäktige', async () => {
    const { drafts } = await draftItems(deps('KF'), { text: referral });
    expect(drafts.map((d) => [d.kind, d.body.decision?.body])).toEqual([['motion', 'KF']]);
  });
});
