/**
 * The work of one extraction, with a ceiling. A unit is about one character read by one pass of a
 * stage; each stage charges what it reads, and each block, sentence and deadline search a fixed
 * amount for its bookkeeping, so the units follow the CPU time the extraction takes. Every stage is
 * linear in the text, so a text within the request limit stays far below the ceiling; the ceiling
 * is the guarantee that no text (a thousand § lines, a table of ten thousand one-word sentences)
 * holds a request, or the local server that runs every handler in one process, for long.
 */
import { refused } from '../domain/errors';

/**
 * Units for the fixed costs: a line (repair and headings), a § block (its facts and sections),
 * a sentence, a clause of a decision (a dozen commission patterns tried), a deadline search.
 * Calibrated so that a unit is about 5 ns of CPU on the inputs of bench/drafts.ts.
 */
export const LINE_UNITS = 30;
export const BLOCK_UNITS = 2_500;
export const SECTION_UNITS = 1_000;
export const POINT_UNITS = 500;
export const SENTENCE_UNITS = 20;
export const CLAUSE_UNITS = 400;
export const SEARCH_UNITS = 20;

/**
 * The most units one extraction may use: about half a second of CPU. Decision texts use about 45
 * units a character, so a 400,000-character protokoll about 20 million.
 */
export const WORK_CEILING = 100_000_000;

/** How many units the extractor does before it lets other requests in (see runInTurns): about a millisecond. */
export const UNITS_PER_TURN = 200_000;

export const textTooComplex = () =>
  refused(
    'text_too_complex',
    'Texten är för stor eller för oregelbunden för att läsas på en gång (till exempel tusentals §-rader eller korta rader utan meningar). Dela upp den, till exempel per paragraf, och klistra in en del i taget.',
    [{ path: 'text', message: 'För mycket att läsa på en gång: dela upp texten.' }],
  );

export class Work {
  units = 0;

  constructor(readonly ceiling: number = WORK_CEILING) {}

  /** Count `units` of work; throws text_too_complex (422) past the ceiling, before the work is done. */
  charge(units: number): void {
    this.units += units;
    if (this.units > this.ceiling) throw textTooComplex();
  }
}

/**
 * A computation in steps: it yields between stages, blocks and sentences, where another request
 * may run. `runSteps` runs it at once; `runInTurns` lets the event loop in every UNITS_PER_TURN.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps, letting the event loop in (setImmediate) whenever `work` has grown by
 * UNITS_PER_TURN since the last pause: the local server runs every handler in one process, and
 * its other requests (GET /health) must not wait for a long text.
 */
export async function runInTurns<T>(steps: Steps<T>, work: Work): Promise<T> {
  let paused = work.units;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (work.units - paused >= UNITS_PER_TURN) {
      await new Promise((resolve) => setImmediate(resolve));
      paused = work.units;
    }
  }
}
