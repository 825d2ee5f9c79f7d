import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRealCorpus, scoreCase, summarizeByKind } from '../../shared/drafting/evaluate';
import { directoryLookup } from '../fixtures/drafts/directory';

const dir = mkdtempSync(join(tmpdir(), 'real-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An invented text in the real corpus's format. */
const realFile = (id: string, split: 'dev' | 'test', text: string[], expected: unknown[]) =>
  writeFileSync(
    join(dir, `${id}.json`),
    JSON.stringify({
      id,
      source: { url: `https://kommun.example.se/${id}.pdf`, publisher: 'Exempels kommun', document: 'Kommunstyrelsen, protokoll', retrieved: '2026-11-30' },
      genre: 'protokollsutdrag',
      damaged: false,
      description: 'Invented for the loader test',
      known: { body: 'KS', meetingDate: '2027-03-10' },
      text,
      expected,
      goldWrittenBy: 'test',
      split,
    }),
  );

realFile('k-exempel-ks-2027-03-10-p1', 'dev', ['Beslut', 'Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan och återrapportera till kommunstyrelsen under hösten 2027.'], [
  { kind: 'aterrapportering', responsibleRole: 'kommundirektören', due: { meeting: { body: 'KS', by: '2027-12-31' } }, titleWords: ['plan'], source: 'ger kommundirektören i uppdrag', note: 'A season.' },
]);
realFile('k-exempel-ks-2027-03-10-p2', 'test', ['Remiss', 'Remissvar ska ha inkommit senast den 29 april 2027.'], [
  { kind: 'yttrande', due: { externalDeadline: '2027-04-29', decidedBy: 'KS' }, titleWords: [], source: 'Remissvar ska ha inkommit', note: 'No recipient named; KS, the known body, decides.' },
]);
realFile('k-exempel-ks-2027-03-10-p3', 'test', ['Beslut', 'Kommunstyrelsen lägger informationen till handlingarna.'], []);

describe('the real corpus is evaluated in its dev and test splits', () => {
  it('reads real-format files (source, genre, split, note, the `by` form, a yttrande without recipient) and parts them by split', () => {
    const { dev, test } = loadRealCorpus(dir);
    expect(dev.map((c) => c.name)).toEqual(['k-exempel-ks-2027-03-10-p1']);
    expect(test.map((c) => c.name)).toEqual(['k-exempel-ks-2027-03-10-p2', 'k-exempel-ks-2027-03-10-p3']);
  });

  it('scores per kind and overall: the season and the recipient-less remiss are both found with exact deadlines', () => {
    const { dev, test } = loadRealCorpus(dir);
    const scores = summarizeByKind([...dev, ...test].map(({ name, case: c }) => scoreCase(name, c, directoryLookup)));
    expect(scores.overall).toMatchObject({ cases: 3, expected: 2, matched: 2, precision: 1, recall: 1, dueExact: 1 });
    expect(scores.byKind.yttrande).toMatchObject({ expected: 1, matched: 1 });
    expect(scores.byKind.aterrapportering).toMatchObject({ expected: 1, matched: 1 });
    expect(scores.byKind.motion).toMatchObject({ expected: 0, proposed: 0 });
  });

  it('a missing folder is no texts in either split', () => {
    expect(loadRealCorpus(join(dir, 'not-there'))).toEqual({ dev: [], test: [] });
  });
});
