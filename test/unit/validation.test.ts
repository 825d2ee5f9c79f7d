import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { planYear } from '../../shared/application/plans/commands';
import { bodyName, CONTROL_MESSAGE, isCleanMultiline, isOneLine } from '../../shared/domain/items/vocabulary';
import { createItemBody, deadlinePreviewBody, patchItemBody } from '../../shared/application/items/commands';
import { listQuery } from '../../shared/application/items/query';
import { parseOrThrow, toIssues } from '../../shared/domain/validation';
import type { DomainError } from '../../shared/domain/errors';

/** A valid registration: an uppdrag from KS 12 April 2027, due 30 June 2027. */
const valid = {
  kind: 'uppdrag',
  title: 'Utreda formerna för medborgardialog',
  decision: { body: 'KS', date: '2027-04-12', paragraph: '§ 40' },
  responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
  unit: 'Kommunledningskontoret',
  due: { date: '2027-06-30' },
};

const issuesOf = (schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return toIssues(result.error as never, input);
};

describe('a refused registration names each field as the API names it, in plain Swedish', () => {
  const cases: [string, unknown, { path: string; message: string }[]][] = [
    ['an unknown kind lists the kinds', { ...valid, kind: 'beslut' }, [{ path: 'kind', message: 'Typ ska vara uppdrag, återrapportering, yttrande eller motion.' }]],
    ['a kind that is not text lists the kinds', { ...valid, kind: 3 }, [{ path: 'kind', message: 'Typ ska vara uppdrag, återrapportering, yttrande eller motion.' }]],
    ['a missing title', { ...valid, title: undefined }, [{ path: 'title', message: 'Ange rubrik.' }]],
    ['a title that is not text', { ...valid, title: 5 }, [{ path: 'title', message: 'Ska vara text.' }]],
    ['an empty title', { ...valid, title: '  ' }, [{ path: 'title', message: 'Får inte vara tomt.' }]],
    ['a missing address of the official, by its whole path', { ...valid, responsible: { name: 'Kim Berg' } }, [{ path: 'responsible.email', message: 'Ange ansvarigs e-postadress.' }]],
    ['an official given as a name only', { ...valid, responsible: 'Kim Berg' }, [{ path: 'responsible', message: 'Ska vara ett objekt med name och email.' }]],
    ['an address that is none', { ...valid, responsible: { name: 'Kim Berg', email: 'kim.berg' } }, [{ path: 'responsible.email', message: 'Ska vara en e-postadress.' }]],
    ['a day that does not exist', { ...valid, due: { date: '2027-02-29' } }, [{ path: 'due.date', message: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.' }]],
    [
      'a due of no known form lists the five forms',
      { ...valid, due: { senast: '2027-06-30' } },
      [{ path: 'due', message: 'Ange tidsfristen (due) i en av fem former: ett datum (date); ett sammanträde (meeting) med organ (body) och månad (month) eller datum (date); ett sammanträde (meeting) med organ (body) och senast-datum (by); ett svarsdatum (externalDeadline) med mottagare (recipient) och beslutande organ (decidedBy) om det finns; väckt-datum (raised).' }],
    ],
    [
      'a due given as a bare date lists the five forms',
      { ...valid, due: '2027-06-30' },
      [{ path: 'due', message: 'Ange tidsfristen (due) i en av fem former: ett datum (date); ett sammanträde (meeting) med organ (body) och månad (month) eller datum (date); ett sammanträde (meeting) med organ (body) och senast-datum (by); ett svarsdatum (externalDeadline) med mottagare (recipient) och beslutande organ (decidedBy) om det finns; väckt-datum (raised).' }],
    ],
    ['a meeting with a body only', { ...valid, due: { meeting: { body: 'KS' } } }, [{ path: 'due.meeting', message: 'Ange sammanträdet (meeting) med organ (body) och en av månad (month), datum (date) eller senast-datum (by).' }]],
    ['a thirteenth month', { ...valid, due: { meeting: { body: 'KS', month: '2027-13' } } }, [{ path: 'due.meeting.month', message: 'Ska vara en månad, ÅÅÅÅ-MM.' }]],
    ['a meeting by a day that does not exist', { ...valid, due: { meeting: { body: 'SN', by: '2027-11-31' } } }, [{ path: 'due.meeting.by', message: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.' }]],
    ['a body in lower case', { ...valid, decision: { body: 'ks', date: '2027-04-12' } }, [{ path: 'decision.body', message: 'Ska vara organets förkortning med versaler, t.ex. KS eller BUN.' }]],
    [
      'an uppdrag without a decision: only a yttrande may wait for one',
      { ...valid, decision: undefined },
      [{ path: 'decision', message: 'Ange decision med body och date. Bara ett yttrande kan registreras innan något organ har beslutat.' }],
    ],
    ['a remiss on an uppdrag', { ...valid, remiss: { received: '2027-04-01' } }, [{ path: 'remiss', message: 'remiss gäller bara yttranden (kind yttrande).' }]],
    ['a raised date on an uppdrag', { ...valid, due: { raised: '2027-04-26' } }, [{ path: 'due.raised', message: 'raised gäller bara motioner (kind motion).' }]],
    ['a reminder 0 days before', { ...valid, reminders: { beforeDays: [0], overdueEveryDays: 7, escalateAfterDays: 7 } }, [{ path: 'reminders.beforeDays.0', message: 'Ska vara ett heltal, 1–365 dagar.' }]],
    ['an unknown field', { ...valid, prioritet: 'hög' }, [{ path: 'prioritet', message: 'Okänt fält.' }]],
    ['no body at all', undefined, [{ path: '', message: 'Skicka uppgifterna som ett JSON-objekt.' }]],
  ];

  it.each(cases)('%s', (_, input, issues) => {
    expect(issuesOf(createItemBody, input)).toEqual(issues);
  });

  it('the message of the refusal names every field to correct', () => {
    const refusal = (() => {
      try {
        parseOrThrow(createItemBody, { ...valid, kind: 'beslut', title: undefined, responsible: { name: 'Kim Berg' } });
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('expected a refusal');
    })();

    expect(refusal).toMatchObject({ kind: 'invalid', code: 'validation_failed', message: 'Uppgifterna behöver rättas: typ, rubrik, ansvarigs e-postadress.' });
  });

  it('a change names its fields alike: an unknown status lists the statuses', () => {
    expect(issuesOf(patchItemBody, { status: 'klar' })).toEqual([{ path: 'status', message: 'Status ska vara öppet, klart eller avbrutet (open, done eller cancelled).' }]);
  });

  it('a deadline preview needs kind and due; a missing due is told its forms', () => {
    expect(issuesOf(deadlinePreviewBody, {})).toEqual([
      { path: 'kind', message: 'Ange typ.' },
      { path: 'due', message: 'Ange tidsfristen (due) i en av fem former: ett datum (date); ett sammanträde (meeting) med organ (body) och månad (month) eller datum (date); ett sammanträde (meeting) med organ (body) och senast-datum (by); ett svarsdatum (externalDeadline) med mottagare (recipient) och beslutande organ (decidedBy) om det finns; väckt-datum (raised).' },
    ]);
  });
});

describe('messages name a field in Swedish; issues[].path keeps the machine path', () => {
  it('a missing decision date: "Uppgifterna behöver rättas: beslutsdatum.", the issue at decision.date', () => {
    const refusal = (() => {
      try {
        parseOrThrow(createItemBody, { ...valid, decision: { body: 'KS' } });
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('expected a refusal');
    })();

    expect(refusal).toMatchObject({ message: 'Uppgifterna behöver rättas: beslutsdatum.', issues: [{ path: 'decision.date', message: 'Ange beslutsdatum.' }] });
  });
});

describe('a field named like an object property is no Swedish field name', () => {
  it.each(['constructor', 'hasOwnProperty', '__proto__', 'toString'])('an unknown field "%s" is named by its path, not crashed on', (key) => {
    const refusal = (() => {
      try {
        parseOrThrow(createItemBody, JSON.parse(JSON.stringify({ ...valid, [key]: 1 })));
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('expected a refusal');
    })();

    expect(refusal).toMatchObject({ code: 'validation_failed', message: `Uppgifterna behöver rättas: ${key}.` });
  });
});

describe('a refused list query names the parameter and its allowed values', () => {
  const cases: [Record<string, string>, { path: string; message: string }[]][] = [
    [{ state: 'stängd' }, [{ path: 'state', message: 'Status ska vara pågår, försenat, klart eller avbrutet (open, overdue, done eller cancelled).' }]],
    [{ limit: 'alla' }, [{ path: 'limit', message: 'Antal per sida ska vara ett heltal, 1–100.' }]],
    [{ limit: '101' }, [{ path: 'limit', message: 'Antal per sida ska vara ett heltal, 1–100.' }]],
    [{ kind: 'beslut' }, [{ path: 'kind', message: 'Typ ska vara uppdrag, återrapportering, yttrande eller motion.' }]],
    [{ attention: 'alla' }, [{ path: 'attention', message: 'Behöver åtgärd ska vara no_meeting_in_time, meeting_already_held eller any.' }]],
    [{ extensionRequested: 'ja' }, [{ path: 'extensionRequested', message: 'Begärd förlängning ska vara true eller false.' }]],
    [{ attention: 'any', extensionRequested: 'true' }, [{ path: 'attention', message: 'Ange attention eller extensionRequested=true, inte båda.' }]],
    [{ dueBefore: '2027-06-31' }, [{ path: 'dueBefore', message: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.' }]],
  ];

  it.each(cases)('%j', (query, issues) => {
    expect(issuesOf(listQuery, query)).toEqual(issues);
  });
});

describe('kind in Swedish', () => {
  it.each([
    ['återrapportering', 'aterrapportering'],
    ['Återrapportering', 'aterrapportering'],
    ['a\u030aterrapportering', 'aterrapportering'],
    ['aterrapportering', 'aterrapportering'],
    ['Yttrande', 'yttrande'],
  ])('"%s" is understood and stored as the code %s', (written, code) => {
    expect(createItemBody.parse({ ...valid, kind: written }).kind).toBe(code);
    expect(listQuery.parse({ kind: written }).kind).toBe(code);
  });
});

describe('the text rule: no control, line-separator or bidi character, no lone surrogate', () => {
  const forbidden = ['\u0000', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\u2028', '\u2029', '\u202A', '\u202E', '\u2066', '\u2069', '\ud83d', '\ude00'];
  it.each(forbidden.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s is refused on one line and in longer text', (_, character) => {
    expect(isOneLine(`Utreda ${character}gnp.exe`)).toBe(false);
    expect(isCleanMultiline(`Utreda ${character}gnp.exe`)).toBe(false);
  });

  it('an emoji (a whole surrogate pair), å, ä, ö and an invisible RLM pass; tab and line breaks only in longer text', () => {
    expect(isOneLine('Skolskjuts 😀 för åk 1–3 \u200F')).toBe(true);
    expect(isOneLine('Första\tandra')).toBe(false);
    expect(isCleanMultiline('Första stycket.\r\n\tAndra 😀.')).toBe(true);
  });

  it("a title with a bidi override is refused at title with the rule's message", () => {
    expect(issuesOf(createItemBody, { ...valid, title: 'Faktura\u202Efdp.exe' })).toEqual([{ path: 'title', message: CONTROL_MESSAGE }]);
  });
});

describe("zod's own messages come out as plain Swedish", () => {
  it.each([
    ['a list where the body belongs', [1], [{ path: '', message: 'Skicka ett JSON-objekt.' }]],
    ['a number where text belongs', { ...valid, unit: 7 }, [{ path: 'unit', message: 'Ska vara text.' }]],
  ])('%s', (_, input, issues) => {
    expect(issuesOf(createItemBody, input)).toEqual(issues);
  });

  it.each(['0000', 'abc', '2027.5', '2101'])('a plan year of %s: "Året ska vara ett heltal 2000–2100."', (year) => {
    expect(issuesOf(planYear, year)).toEqual([{ path: '', message: 'Året ska vara ett heltal 2000–2100.' }]);
  });

  it('a bound of our own schema without its own message: "Minst 2." rather than the locale\'s "För lite(t)"', () => {
    expect(issuesOf(z.object({ n: z.number().min(2) }), { n: 1 })).toEqual([{ path: 'n', message: 'Minst 2.' }]);
    expect(issuesOf(z.object({ s: z.string().max(3) }), { s: 'abcd' })).toEqual([{ path: 's', message: 'Högst 3 tecken.' }]);
  });
});

describe("a body's short name", () => {
  it('is an abbreviation, never the body\'s name in capitals ("KOMMUNSTYRELSEN", "SOCIALNÄMNDEN"), which nothing would ever match', () => {
    for (const name of ['KOMMUNSTYRELSEN', 'SOCIALNÄMNDEN', 'KOMMUNFULLMÄKTIGE', 'ARBETSUTSKOTTET']) {
      expect(toIssues(bodyName.safeParse(name).error!, name), name).toEqual([{ path: '', message: 'Ska vara organets förkortning, t.ex. KS, inte dess namn.' }]);
    }
    for (const code of ['KS', 'KSAU', 'BUN', 'MBN-AU', 'GVN', 'RS']) expect(bodyName.safeParse(code).success, code).toBe(true);
  });
});
