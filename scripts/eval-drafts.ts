/**
 * `npm run eval:drafts`: run the drafting rules on the corpus in test/fixtures/drafts and print,
 * per case, what was found, missed and proposed in excess, then precision, recall and exact deadlines.
 * `--verbose` also prints every draft.
 */
import { fileURLToPath } from 'node:url';
import { loadCorpus, scoreCase, summarize } from '../shared/drafting/evaluate';
import { directoryLookup } from '../test/fixtures/drafts/directory';

const dir = fileURLToPath(new URL('../test/fixtures/drafts/cases', import.meta.url));
const verbose = process.argv.includes('--verbose');
const results = loadCorpus(dir).map(({ name, case: c }) => scoreCase(name, c, directoryLookup));
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const describeDue = (due: unknown) => (due ? JSON.stringify(due) : 'ingen');

for (const r of results) {
  const ok = r.missed.length === 0 && r.extra.length === 0 && r.matches.every((m) => m.dueExact);
  console.log(`${ok ? '✓' : '✗'} ${r.name}: ${r.matches.length}/${r.matches.length + r.missed.length} found, ${r.extra.length} extra`);
  for (const m of r.matches) {
    const notes = [m.dueExact ? '' : `due ${describeDue(m.draft.due)} ≠ ${describeDue(m.expected.due)}`, m.titleWordsFound ? '' : `title "${m.draft.title}"`];
    const note = notes.filter(Boolean).join('; ');
    if (note || verbose) console.log(`    found  ${m.expected.kind} ${m.expected.responsibleRole ?? '–'}${note ? `: ${note}` : ''}`);
  }
  for (const e of r.missed) console.log(`    missed ${e.kind} ${e.responsibleRole ?? '–'} ${describeDue(e.due)} «${e.source}»`);
  for (const d of r.extra) console.log(`    extra  ${d.kind} ${d.responsibleRole ?? '–'} ${describeDue(d.due)} (${d.confidence}) «${d.title}»`);
  if (verbose) for (const d of r.drafts) console.log(`    draft  ${JSON.stringify(d)}`);
}

const s = summarize(results);
console.log('');
console.log(`cases ${s.cases}, expected items ${s.expected}, proposed ${s.proposed}, matched ${s.matched}, doubtful (not scored) ${s.doubtful}`);
console.log(`precision ${percent(s.precision)}  recall ${percent(s.recall)}  exact deadlines ${percent(s.dueExact)}  title words ${percent(s.titleWords)}`);
