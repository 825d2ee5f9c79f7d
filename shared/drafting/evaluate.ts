/**
 * Scoring of the drafting rules on a corpus of decision texts with the items a clerk would
 * register. An item is found when a proposed draft (confidence ≥ PROPOSED_CONFIDENCE) has the
 * same kind, the same responsible role (normalized, diacritic-insensitive) and a source that
 * overlaps the expected quote; its deadline is exact when `due` is deep-equal (both absent counts).
 * Each item missed is diagnosed: *not seen* when no draft at all overlaps its quote, else *mislabelled*
 * (a draft there has the wrong kind or role, or is doubtful), which tells finding from labelling.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { calendarDate, due as dueSchema, KINDS } from '../domain/items/vocabulary';
import { extractDrafts, normalizeRole, PROPOSED_CONFIDENCE, type Draft, type DraftContext, type Unproposed } from './extract';
import { fold } from './fold';

/** The contract's due forms, a report-back to a body by a date, and an outside deadline with no recipient named (see DraftDue). */
const expectedDue = z.union([
  dueSchema,
  z.strictObject({ meeting: z.strictObject({ body: z.string(), by: calendarDate }) }),
  z.strictObject({ externalDeadline: calendarDate, recipient: z.string().optional(), decidedBy: z.string().optional() }),
]);

const expectedItem = z.strictObject({
  kind: z.enum(KINDS),
  responsibleRole: z.string().optional(),
  due: expectedDue.optional(),
  /** Words the title should contain (diacritic-insensitive). */
  titleWords: z.array(z.string()),
  /** A quote of the submitted text the item comes from; `occurrence` picks a later repeat. */
  source: z.string().min(1),
  occurrence: z.int().min(1).optional(),
  /** Why (the real corpus's gold). */
  note: z.string().optional(),
});
export type ExpectedItem = z.infer<typeof expectedItem>;

export const corpusCase = z.strictObject({
  description: z.string(),
  known: z.strictObject({ body: z.string().optional(), meetingDate: calendarDate.optional(), caseNumber: z.string().optional() }).optional(),
  /** The day the clerk pastes the text; matters only when the text has no date at all. */
  today: calendarDate.optional(),
  /** The text, one string per line (joined with "\n"), as pasted from the PDF. */
  text: z.array(z.string()),
  expected: z.array(expectedItem),
});
export type CorpusCase = z.infer<typeof corpusCase>;

/** A real decision text (test/fixtures/drafts/real/): a corpus case with where it comes from and its split. */
export const realCase = corpusCase.extend({
  id: z.string(),
  source: z.looseObject({ url: z.string(), publisher: z.string(), document: z.string(), retrieved: z.string() }),
  genre: z.string(),
  damaged: z.boolean(),
  goldWrittenBy: z.string().optional(),
  /** "test" texts are never tuned on: only their aggregate figures are shown. */
  split: z.enum(['dev', 'test']),
});
export type RealCase = z.infer<typeof realCase>;

export const DEFAULT_TODAY = '2026-06-01';

export interface Match {
  expected: ExpectedItem;
  draft: Draft;
  dueExact: boolean;
  titleWordsFound: boolean;
}

/**
 * Why an expected item was missed: `notSeen` when no draft (proposed or doubtful) overlaps its quote;
 * otherwise mislabelled, by the nearest fault: `doubtful` (a draft of its kind and role there, below
 * PROPOSED_CONFIDENCE), `role` (of its kind, another role), `kind` (only drafts of another kind), or
 * `taken` (a fitting draft there was matched to another expected item).
 */
export type MissReason = 'notSeen' | 'doubtful' | 'role' | 'kind' | 'taken';
export const MISLABELLED: readonly MissReason[] = ['doubtful', 'role', 'kind', 'taken'];

export interface Miss {
  expected: ExpectedItem;
  reason: MissReason;
  /** Its quote overlaps a sentence listed for the clerk to read (Extraction.unproposed). */
  shown: boolean;
}

export interface CaseResult {
  name: string;
  description: string;
  drafts: Draft[];
  proposed: Draft[];
  matches: Match[];
  /** The expected items no proposal matched, each with why. */
  misses: Miss[];
  extra: Draft[];
  /** The sentences mentioning work that gave no draft (Extraction.unproposed). */
  unproposed: Unproposed[];
}

/** Per kind (uppdrag, aterrapportering, yttrande, motion) and overall. */
export interface KindScores {
  overall: Scores;
  byKind: Record<string, Scores>;
}

export interface Scores {
  cases: number;
  expected: number;
  proposed: number;
  matched: number;
  precision: number;
  recall: number;
  /** Share of matched items whose `due` is exactly the expected one. */
  dueExact: number;
  /** Share of matched items whose title has all the expected words. */
  titleWords: number;
  /** Drafts below the proposing confidence: shown to the clerk as doubtful, not scored. */
  doubtful: number;
}

const roleKey = (role: string | undefined) => (role ? fold(normalizeRole(role)) : '');

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function sameDue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

function quoteSpan(text: string, item: ExpectedItem, name: string): { start: number; end: number } {
  let at = -1;
  for (let n = 0; n < (item.occurrence ?? 1); n++) {
    at = text.indexOf(item.source, at + 1);
    if (at < 0) throw new Error(`${name}: the quote "${item.source}" is not in the text`);
  }
  return { start: at, end: at + item.source.length };
}

export function scoreCase(name: string, c: CorpusCase, lookupRole: DraftContext['lookupRole']): CaseResult {
  const text = c.text.join('\n');
  const { drafts, unproposed } = extractDrafts(text, c.known ?? {}, { lookupRole, today: c.today ?? DEFAULT_TODAY });
  const proposed = drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
  const free = new Set(proposed);
  const matches: Match[] = [];
  const misses: Miss[] = [];
  for (const expected of c.expected) {
    const span = quoteSpan(text, expected, name);
    const overlaps = (d: { source: { start: number; end: number } }) => d.source.start < span.end && span.start < d.source.end;
    const fitting = (d: Draft) => d.kind === expected.kind && roleKey(d.responsibleRole) === roleKey(expected.responsibleRole) && overlaps(d);
    const fits = [...free].filter(fitting);
    const draft = fits.find((d) => sameDue(d.due, expected.due)) ?? fits[0];
    if (!draft) {
      const shown = unproposed.some((u) => overlaps(u));
      misses.push({ expected, reason: missReason(drafts.filter(overlaps), fitting, expected), shown });
      continue;
    }
    free.delete(draft);
    const title = fold(draft.title);
    matches.push({
      expected,
      draft,
      dueExact: sameDue(draft.due, expected.due),
      titleWordsFound: expected.titleWords.every((w) => title.includes(fold(w))),
    });
  }
  return { name, description: c.description, drafts, proposed, matches, misses, extra: [...free], unproposed };
}

function missReason(there: Draft[], fitting: (d: Draft) => boolean, expected: ExpectedItem): MissReason {
  if (there.length === 0) return 'notSeen';
  const fits = there.filter(fitting);
  if (fits.some((d) => d.confidence >= PROPOSED_CONFIDENCE)) return 'taken';
  if (fits.length > 0) return 'doubtful';
  return there.some((d) => d.kind === expected.kind) ? 'role' : 'kind';
}

/**
 * The missed items of the results counted by reason, with `mislabelled` the sum of all but `notSeen`,
 * and `shown` those among them whose sentence the clerk is shown to read (Extraction.unproposed).
 */
export function diagnose(results: CaseResult[]): Record<MissReason | 'mislabelled' | 'shown', number> {
  const counts: Record<MissReason | 'mislabelled' | 'shown', number> = { notSeen: 0, mislabelled: 0, doubtful: 0, role: 0, kind: 0, taken: 0, shown: 0 };
  for (const { reason, shown } of results.flatMap((r) => r.misses)) {
    counts[reason] += 1;
    if (MISLABELLED.includes(reason)) counts.mislabelled += 1;
    if (shown) counts.shown += 1;
  }
  return counts;
}

export function summarize(results: CaseResult[]): Scores {
  const expected = results.reduce((n, r) => n + r.matches.length + r.misses.length, 0);
  const proposed = results.reduce((n, r) => n + r.proposed.length, 0);
  const matches = results.flatMap((r) => r.matches);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    cases: results.length,
    expected,
    proposed,
    matched: matches.length,
    precision: ratio(matches.length, proposed),
    recall: ratio(matches.length, expected),
    dueExact: ratio(matches.filter((m) => m.dueExact).length, matches.length),
    titleWords: ratio(matches.filter((m) => m.titleWordsFound).length, matches.length),
    doubtful: results.reduce((n, r) => n + r.drafts.length - r.proposed.length, 0),
  };
}

/** What `keptUnderDamage` counts: the items found in the texts as they are, and how many of them the damaged texts still give. */
export interface KeptUnderDamage {
  found: number;
  kept: number;
  /** Proposals the damaged texts make that the texts as they are did not (kind, role and due). */
  added: number;
  /** "<case> <kind>|<role>|<due>" of each item lost. */
  lost: string[];
}

const draftKey = (d: Draft) => `${d.kind}|${roleKey(d.responsibleRole)}|${JSON.stringify(canonical(d.due ?? null))}`;

/**
 * How many of the items a corpus's texts give (expected items found, by kind, role and due) the same texts still give
 * after `damage` (see damage.ts). A damaged text's quotes no longer stand where the gold says, so its proposals are
 * compared with the undamaged text's found drafts, not with the gold.
 */
export function keptUnderDamage(cases: { name: string; case: CorpusCase }[], damage: (text: string) => string, lookupRole: DraftContext['lookupRole']): KeptUnderDamage {
  const total: KeptUnderDamage = { found: 0, kept: 0, added: 0, lost: [] };
  for (const { name, case: c } of cases) {
    const before = scoreCase(name, c, lookupRole);
    // What the text as it is proposed, counted: a proposal the damage repeats is one added.
    const known = new Map<string, number>();
    for (const key of before.proposed.map(draftKey)) known.set(key, (known.get(key) ?? 0) + 1);
    const after = extractDrafts(damage(c.text.join('\n')), c.known ?? {}, { lookupRole, today: c.today ?? DEFAULT_TODAY })
      .drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE)
      .map(draftKey);
    const left = [...after];
    for (const key of before.matches.map((m) => draftKey(m.draft))) {
      total.found += 1;
      const at = left.indexOf(key);
      if (at >= 0) {
        total.kept += 1;
        left.splice(at, 1);
      } else total.lost.push(`${name} ${key}`);
    }
    for (const key of after) {
      const unmatched = known.get(key) ?? 0;
      if (unmatched > 0) known.set(key, unmatched - 1);
      else total.added += 1;
    }
  }
  return total;
}

/** The scores of the results for each kind (expected items and proposals of that kind) and overall. */
export function summarizeByKind(results: CaseResult[]): KindScores {
  const ofKind = (kind: string): CaseResult[] =>
    results.map((r) => ({
      ...r,
      drafts: r.drafts.filter((d) => d.kind === kind),
      proposed: r.proposed.filter((d) => d.kind === kind),
      matches: r.matches.filter((m) => m.expected.kind === kind),
      misses: r.misses.filter((m) => m.expected.kind === kind),
      extra: r.extra.filter((d) => d.kind === kind),
    }));
  return { overall: summarize(results), byKind: Object.fromEntries(KINDS.map((kind) => [kind, summarize(ofKind(kind))])) };
}

/**
 * The real corpus of a folder, split into dev and test; none when the folder is missing or empty.
 * Each file is checked against the format (a file that does not fit fails the run).
 */
export function loadRealCorpus(dir: string): { dev: { name: string; case: RealCase }[]; test: { name: string; case: RealCase }[] } {
  if (!existsSync(dir)) return { dev: [], test: [] };
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), case: realCase.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));
  return { dev: all.filter((c) => c.case.split === 'dev'), test: all.filter((c) => c.case.split === 'test') };
}

/** The corpus cases of a folder, one JSON file each, by file name. */
export function loadCorpus(dir: string): { name: string; case: CorpusCase }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), case: corpusCase.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));
}
