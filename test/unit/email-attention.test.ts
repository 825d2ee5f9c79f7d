import { describe, expect, it } from 'vitest';
import { needsOf } from '../../shared/views/email/attention';
import type { ItemView } from '../../shared/domain/items/item';

const KIM = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };

/** An item whose official says it is not theirs; the rest of the item plays no part in the sentence. */
const notMine = (note: string) =>
  ({ responsible: KIM, unit: 'Kultur- och fritidsförvaltningen', daysLeft: 3, reassignRequest: { note, by: KIM.email, at: '2027-06-07T08:00:00.000Z' } }) as unknown as ItemView;

describe("the clerk's email quotes the official's note as Swedish punctuates a quote", () => {
  it('a note that ends in a full stop ends the sentence: no second full stop after the quote', () => {
    expect(needsOf(notMine('Borde ligga på parkenheten.'))).toEqual([
      `Kim Berg (${KIM.email}) säger att ärendet inte är hens: ”Borde ligga på parkenheten.” Byt ansvarig på ärendet.`,
    ]);
  });

  it('a note without a full stop gets the sentence its full stop after the quote', () => {
    expect(needsOf(notMine('Det är parkenhetens'))).toEqual([`Kim Berg (${KIM.email}) säger att ärendet inte är hens: ”Det är parkenhetens”. Byt ansvarig på ärendet.`]);
  });
});
