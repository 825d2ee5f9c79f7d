import { describe, expect, it } from 'vitest';
import { extractDrafts, extractDraftsInTurns, type DraftContext } from '../../shared/drafting/extract';
import { MAX_SENTENCE, readDocument, sentencesOf } from '../../shared/drafting/structure';
import { normalizeText } from '../../shared/drafting/text';
import { WORK_CEILING, Work } from '../../shared/drafting/work';
import { DomainError } from '../../shared/domain/errors';
import { ADVERSARIAL_TEXTS } from '../fixtures/drafts/adversarial';

const ctx = (work: Work): DraftContext => ({ lookupRole: () => undefined, today: '2026-06-01', work });

/** The work units extractDrafts charges for a text, with no ceiling: all of it, also when the text is then refused for giving too many drafts. */
function workFor(text: string): number {
  const work = new Work(Infinity);
  try {
    extractDrafts(text, {}, ctx(work));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'too_many_drafts')) throw error;
  }
  return work.units;
}

describe('every stage of the extractor is linear in the text (work counted, not timed)', () => {
  for (const [kind, make] of Object.entries(ADVERSARIAL_TEXTS)) {
    it(`${kind}: twice the text costs at most twice the work, and a bounded amount per character`, () => {
      const small = workFor(make(40_000));
      const large = workFor(make(80_000));
      expect(large).toBeLessThanOrEqual(2 * small + 10_000);
      expect(large / 80_000).toBeLessThan(1_500);
    });
  }

  it('no run of white space longer than three spaces or one blank line reaches the rules', () => {
    const text = normalizeText(`Beslut${' '.repeat(5_000)}att\n${'\n \n'.repeat(2_000)}Kommunstyrelsen\t\t\t\t\u00a0\u2003ger`).text;
    expect(text).not.toMatch(/ {4}|\n{3}|\n \n/);
    // "Beslut" beside its text a column gap apart is a margin label: its own line (drafts-text.test.ts).
    expect(text).toBe('Beslut\natt\n\nKommunstyrelsen   ger');
  });

  it('no sentence the rules read is longer than MAX_SENTENCE and one word (cut at 100 characters), however long the run without a full stop', () => {
    for (const make of [ADVERSARIAL_TEXTS['one endless word']!, ADVERSARIAL_TEXTS['single letters separated by spaces']!]) {
      const doc = readDocument(make(20_000));
      const lengths = doc.blocks.flatMap((b) => sentencesOf(doc, b)).map((s) => s.end - s.start);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_SENTENCE + 101);
      expect(lengths.reduce((a, b) => a + b, 0)).toBeGreaterThan(19_000);
    }
  });
});

describe('a commission whose tasks follow as a list takes them within MAX_SENTENCE', () => {
  const lead = 'Kommunstyrelsen ger kommundirektören i uppdrag att:\n';
  // Distinct tasks ("utreda aaaa", "utreda aaab", …), so that no two drafts are one.
  const letters = (n: number) => Array.from({ length: 4 }, (_, k) => String.fromCharCode(97 + (Math.floor(n / 26 ** (3 - k)) % 26))).join('');
  const listed = (count: number) => Array.from({ length: count }, (_, i) => `- utreda ${letters(i)}\n`);
  const decision = (items: string[]) => `Kommunstyrelsen\nProtokoll 2027-02-14\n\n§ 12 Trygghet\n\nBeslut\n\n${lead}${items.join('')}`;

  it('400 list items after one lead: the lead takes the items that fit in MAX_SENTENCE, the rest stay points of their own', () => {
    const items = listed(400);
    const text = decision(items);
    let fits = 0;
    for (let length = lead.length; fits < items.length && length + (items[fits]?.length ?? 0) - 1 <= MAX_SENTENCE; fits++) length += items[fits]?.length ?? 0;
    const work = new Work();
    const { drafts } = extractDrafts(text, {}, ctx(work));
    const taken = drafts.filter((d) => d.responsibleRole === 'kommundirektören');
    expect(taken.length).toBe(fits);
    expect(taken.at(-1)?.title).toBe(`Utreda ${letters(fits - 1)}`);
    expect(taken.length).toBeLessThan(items.length);
    expect(Math.max(...taken.map((d) => d.source.end - d.source.start))).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(work.units).toBeLessThan(WORK_CEILING);
  });

  it('20,000 list items after one lead are read within the ceiling and refused with too_many_drafts, on the field text: no clerk reviews thousands of drafts', () => {
    const work = new Work();
    const refusal = (() => {
      try {
        extractDrafts(decision(listed(20_000)), {}, ctx(work));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ kind: 'refused', code: 'too_many_drafts', issues: [{ path: 'text' }] });
    expect(work.units).toBeLessThan(WORK_CEILING);
  });
});

describe("a request's work has a ceiling", () => {
  it('a text of 100,000 § lines is refused with 422 text_too_complex, on the field text, before its rules run', () => {
    const work = new Work();
    let refusal: unknown;
    try {
      extractDrafts(ADVERSARIAL_TEXTS['§ lines']!(400_000), {}, ctx(work));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'refused', code: 'text_too_complex', issues: [{ path: 'text' }] });
    expect((refusal as DomainError).message).toMatch(/Dela upp den/);
    // Refused when the § blocks were counted, before the first rule ran.
    expect(work.units).toBeLessThan(WORK_CEILING * 3);
  });

  it('a 60-paragraph protokoll of 200,000 characters uses less than a fifth of the ceiling', () => {
    const paragraph = (n: number) =>
      `§ ${n}   Dnr KS 2026/${n}\nÄrende ${n}\n\nÄrendet\n${'Förvaltningen har sett över rutinerna och föreslår att arbetet fortsätter. '.repeat(40)}\n\nBeslut\nKommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för område ${n} och återrapportera till kommunstyrelsen i november.\n`;
    const text = `Kommunstyrelsen\nSammanträdesdatum 2026-03-11\n\n${Array.from({ length: 60 }, (_, i) => paragraph(i + 1)).join('\n')}`;
    expect(text.length).toBeGreaterThan(190_000);
    expect(workFor(text)).toBeLessThan(WORK_CEILING / 5);
  });
});

describe('a server runs the extractor in turns', () => {
  it('extractDraftsInTurns lets other callbacks run before it finishes, and proposes exactly what extractDrafts does', async () => {
    // Commissions that differ: the same one told again in a text of no § is one draft.
    const text = Array.from({ length: 400 }, (_, n) => `Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för område ${n + 1} och återrapportera till kommunstyrelsen i maj. `).join('');
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    const inTurns = await extractDraftsInTurns(text, {}, { lookupRole: () => undefined, today: '2026-06-01' });
    const atOnce = extractDrafts(text, {}, { lookupRole: () => undefined, today: '2026-06-01' });
    expect(ranBetween).toBe(true);
    expect(inTurns).toEqual(atOnce);
    expect(atOnce.drafts.length).toBeGreaterThan(300);
  });
});
