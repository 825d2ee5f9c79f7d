import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAMAGES } from '../../shared/drafting/damage';
import { keptUnderDamage, loadRealCorpus, scoreCase, summarizeByKind } from '../../shared/drafting/evaluate';
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

describe('the items found are counted again under simulated layout damage (--damage)', () => {
  const cases = [
    {
      name: 'uppdrag-och-motion',
      case: {
        description: 'Invented',
        known: { body: 'KF', meetingDate: '2027-03-22' },
        text: [
          '§ 12 Handlingsplan mot klotter',
          'Beslut',
          'Kommunfullmäktige ger kommunstyrelsen i uppdrag att ta fram en handlingsplan mot klotter och återrapportera till kommunfullmäktige i juni 2027.',
          '§ 13 Motion om laddstolpar',
          'Kommunfullmäktige remitterar motionen till kommunstyrelsen för beredning.',
        ],
        expected: [
          { kind: 'aterrapportering' as const, responsibleRole: 'kommunstyrelsen', due: { meeting: { body: 'KF', month: '2027-06' } }, titleWords: ['handlingsplan'], source: 'ger kommunstyrelsen i uppdrag' },
          { kind: 'motion' as const, responsibleRole: 'kommunstyrelsen', due: { raised: '2027-03-22' }, titleWords: ['laddstolpar'], source: 'remitterar motionen' },
        ],
      },
    },
  ];

  it('no damage keeps every item found, and adds none', () => {
    expect(keptUnderDamage(cases, (t) => t, directoryLookup)).toEqual({ found: 2, kept: 2, added: 0, lost: [] });
  });

  it('a damage that loses a decision loses its item, named with its kind, role (normalized) and due', () => {
    const k = keptUnderDamage(cases, (t) => t.replace(/§ 13[\s\S]*/, ''), directoryLookup);
    expect([k.kept, k.lost]).toEqual([1, ['uppdrag-och-motion motion|kommunstyrelse|{"raised":"2027-03-22"}']]);
  });

  it('the simulated damages do what they say, the same way each time', () => {
    const line = 'Kommunfullmäktige ger kommunstyrelsen i uppdrag att ta fram en handlingsplan mot klotter.';
    expect(DAMAGES['lines broken at 70 characters']?.(line)).toBe('Kommunfullmäktige ger kommunstyrelsen i uppdrag att ta fram en\nhandlingsplan mot klotter.');
    // A line that fits keeps its column gaps: breaking lines is one damage, margin labels another.
    expect(DAMAGES['lines broken at 70 characters']?.('Beslut         Kommunstyrelsen ger')).toBe('Beslut         Kommunstyrelsen ger');
    expect(DAMAGES['lines broken at 50, words hyphenated']?.(line)).toBe('Kommunfullmäktige ger kommunstyrelsen i uppdrag\natt ta fram en handlingsplan mot klotter.');
    // Hyphenated at the last syllable break that fits; a word with none that fits goes whole onto the next line.
    expect(DAMAGES['lines broken at 50, words hyphenated']?.('Nämnden ger förvaltningen i uppdrag att se organisationen')).toBe('Nämnden ger förvaltningen i uppdrag att se organi-\nsationen');
    expect(DAMAGES['lines broken at 50, words hyphenated']?.('Kommunstyrelsen ger förvaltningen i uppdrag att återrapportera')).toBe('Kommunstyrelsen ger förvaltningen i uppdrag att\nåterrapportera');
    expect(DAMAGES['margin labels beside their text']?.(`Beslut\n${line}`)).toBe(`${'Beslut'.padEnd(28)}${line}`);
    expect(DAMAGES['§ signs lost']?.('§ 12 Handlingsplan')).toBe('12 Handlingsplan');
    expect(DAMAGES['the page run into one line']?.(`Beslut\n${line}`)).toBe(`Beslut ${line}`);
  });
});
