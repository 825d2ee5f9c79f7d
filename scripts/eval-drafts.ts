/**
 * `npm run eval:drafts`: run the drafting rules on four sets of decision texts and print
 * precision, recall and exact deadlines per kind and overall for each: the synthetic cases
 * (test/fixtures/drafts/cases), the blind invented texts (test/fixtures/drafts/blind: written by people who
 * had not read the rules, tuned on since their first run), the real texts of the dev split and those of the test split
 * (test/fixtures/drafts/real, see shared/drafting/evaluate.ts). Per text, what was found, missed
 * and proposed in excess is printed for the synthetic, blind and dev sets only: the test split is never
 * looked at text by text, so the rules are not tuned on it. `--verbose` also prints every draft;
 * `--dev` leaves the test split out altogether (not even its aggregates), for tuning runs. Each set's
 * missed items are counted as not seen (no draft on their quote) or mislabelled (see `diagnose`). `--damage` prints
 * instead, for the synthetic set and the dev split, how many of the items found are still found when each text takes
 * a layout damage (shared/drafting/damage.ts), and with `--verbose` each item lost: the test split is not read.
 */
import { fileURLToPath } from 'node:url';
import { DAMAGES } from '../shared/drafting/damage';
import { diagnose, keptUnderDamage, loadCorpus, loadRealCorpus, scoreCase, summarizeByKind, type CaseResult, type CorpusCase, type Scores } from '../shared/drafting/evaluate';
import { directoryLookup } from '../test/fixtures/drafts/directory';

const fixtures = (folder: string) => fileURLToPath(new URL(`../test/fixtures/drafts/${folder}`, import.meta.url));
const verbose = process.argv.includes('--verbose');
const devOnly = process.argv.includes('--dev');
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const describeDue = (due: unknown) => (due ? JSON.stringify(due) : 'ingen');
const score = (cases: { name: string; case: CorpusCase }[]) => cases.map(({ name, case: c }) => scoreCase(name, c, directoryLookup));

function printCases(results: CaseResult[]): void {
  for (const r of results) {
    const ok = r.misses.length === 0 && r.extra.length === 0 && r.matches.every((m) => m.dueExact);
    console.log(`${ok ? '✓' : '✗'} ${r.name}: ${r.matches.length}/${r.matches.length + r.misses.length} found, ${r.extra.length} extra`);
    for (const m of r.matches) {
      const notes = [m.dueExact ? '' : `due ${describeDue(m.draft.due)} ≠ ${describeDue(m.expected.due)}`, m.titleWordsFound ? '' : `title "${m.draft.title}"`];
      const note = notes.filter(Boolean).join('; ');
      if (note || verbose) console.log(`    found  ${m.expected.kind} ${m.expected.responsibleRole ?? '–'}${note ? `: ${note}` : ''}`);
    }
    for (const { expected: e, reason, shown } of r.misses) console.log(`    missed ${e.kind} ${e.responsibleRole ?? '–'} ${describeDue(e.due)} [${reason}${shown ? ', shown to read' : ''}] «${e.source}»`);
    if (verbose) for (const u of r.unproposed) console.log(`    to read ${u.mentions.join(', ')} «${u.source.sentence}»`);
    for (const d of r.extra) console.log(`    extra  ${d.kind} ${d.responsibleRole ?? '–'} ${describeDue(d.due)} (${d.confidence}) «${d.title}»`);
    if (verbose) for (const d of r.drafts) console.log(`    draft  ${JSON.stringify(d)}`);
  }
}

function line(label: string, s: Scores): string {
  return `  ${label.padEnd(17)} expected ${String(s.expected).padStart(3)}, proposed ${String(s.proposed).padStart(3)}, matched ${String(s.matched).padStart(3)}   precision ${percent(s.precision).padStart(7)}  recall ${percent(s.recall).padStart(7)}  exact deadlines ${percent(s.dueExact).padStart(7)}`;
}

function printScores(title: string, results: CaseResult[]): void {
  console.log('');
  console.log(`${title}: ${results.length} texts`);
  if (results.length === 0) return;
  const { overall, byKind } = summarizeByKind(results);
  for (const [kind, s] of Object.entries(byKind)) console.log(line(kind, s));
  console.log(line('overall', overall));
  console.log(`  title words ${percent(overall.titleWords)}, doubtful drafts (not scored) ${overall.doubtful}`);
  const d = diagnose(results);
  console.log(
    `  missed ${d.notSeen + d.mislabelled}: not seen ${d.notSeen}, mislabelled ${d.mislabelled} (wrong kind ${d.kind}, wrong role ${d.role}, doubtful ${d.doubtful}, a fitting draft taken by another item ${d.taken})`,
  );
  const toRead = results.reduce((n, r) => n + r.unproposed.length, 0);
  const found = overall.matched + d.shown;
  console.log(
    `  sentences shown to read (mention work, gave no draft): ${toRead}, ${(toRead / results.length).toFixed(2)} per text; of the missed items ${d.shown} stand in one, so proposed or shown: ${found} of ${overall.expected} = ${percent(overall.expected ? found / overall.expected : 1)}`,
  );
}

function printDamage(title: string, cases: { name: string; case: CorpusCase }[]): void {
  console.log(`\n${title}: ${cases.length} texts, the items found kept under each damage`);
  for (const [name, damage] of Object.entries(DAMAGES)) {
    const kept = keptUnderDamage(cases, damage, directoryLookup);
    console.log(`  ${name.padEnd(38)} ${String(kept.kept).padStart(3)} of ${String(kept.found).padStart(3)} = ${percent(kept.found ? kept.kept / kept.found : 1).padStart(7)}, proposals added ${kept.added}`);
    if (verbose) for (const lost of kept.lost) console.log(`      lost ${lost}`);
  }
}

if (process.argv.includes('--damage')) {
  printDamage('Synthetic (test/fixtures/drafts/cases)', loadCorpus(fixtures('cases')));
  printDamage('Real, dev split', loadRealCorpus(fixtures('real')).dev);
  process.exit(0);
}

const synthetic = score(loadCorpus(fixtures('cases')));
const blind = score(loadCorpus(fixtures('blind')));
const real = loadRealCorpus(fixtures('real'));
const dev = score(real.dev);
const test = devOnly ? [] : score(real.test);

console.log('Synthetic cases');
printCases(synthetic);
console.log('\nBlind invented texts');
printCases(blind);
if (dev.length) {
  console.log('\nReal texts, dev split');
  printCases(dev);
}
printScores('Synthetic (test/fixtures/drafts/cases)', synthetic);
printScores('Blind invented (test/fixtures/drafts/blind)', blind);
printScores('Real, dev split', dev);
if (!devOnly) printScores('Real, test split (aggregate only)', test);
