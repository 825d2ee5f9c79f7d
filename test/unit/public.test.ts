import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../../shared/domain/items/item';
import { publicBodySettings, publicBodyView, type PublicBodySettings, type PublicSourceItem } from '../../shared/domain/reports/public';
import { PublicBodyContent } from '../../shared/views/reports/public-page';
import { toIssues } from '../../shared/domain/validation';
import { full, NEVER_PUBLIC } from '../support/public-items';

const today = '2027-05-15';

const closed = (id: string, closedAt: string): StoredItem => ({ ...full, id, title: `Avslutat ${id}`, status: 'done', closedAt, updatedAt: closedAt });

const FORBIDDEN = NEVER_PUBLIC;

const ALLOWED_FIELDS = ['title', 'decision', 'unit', 'deadline', 'state', 'stateLabel', 'closedOn', 'statusReport', 'responsible'];

const outputs = (items: PublicSourceItem[], settings: PublicBodySettings) => {
  const view = publicBodyView('KS', items, settings, today)!;
  return { view, html: render(h(PublicBodyContent, { view })), json: JSON.stringify(view) };
};

describe('the public page of a body', () => {
  it('shows nothing of an item but the allowed fields, in the HTML and in the JSON', () => {
    const { view, html, json } = outputs([full, closed('c1', '2027-04-30T10:00:00Z')], { public: true });
    for (const value of [...FORBIDDEN, full.responsible.name]) {
      expect(html, value).not.toContain(value);
      expect(json, value).not.toContain(value);
    }
    for (const item of [...view.open, ...view.recentlyClosed]) expect(ALLOWED_FIELDS).toEqual(expect.arrayContaining(Object.keys(item)));
    expect(view.open[0]).toEqual({
      title: 'Utreda fritidsgårdarnas öppettider',
      decision: 'KS 2027-02-10 § 31, KS 2027/88',
      unit: 'Kultur- och fritidsförvaltningen',
      deadline: '2027-06-14',
      state: 'open',
      stateLabel: 'Pågår',
      statusReport: { text: 'Enkäten är utskickad, svar i juni. Frågor till [namn borttaget], [e-postadress borttagen].', date: '2027-05-02' },
    });
  });

  it("names the responsible official, and no one else, when the admin chose to show names", () => {
    const { view, html, json } = outputs([full], { public: true, showNames: true });
    expect(view.open[0]?.responsible).toBe('Kim Berglund');
    expect(html).toContain('<dt>Ansvarig</dt><dd>Kim Berglund</dd>');
    for (const value of FORBIDDEN) {
      expect(html, value).not.toContain(value);
      expect(json, value).not.toContain(value);
    }
    expect(view.open[0]?.statusReport?.text).toBe('Enkäten är utskickad, svar i juni. Frågor till Kim Berglund, [e-postadress borttagen].');
  });

  it('keeps a closed item for 90 days: closed on 14 February 2027 (Stockholm) shows on 15 May, on 13 February it does not', () => {
    const { view } = outputs(
      [
        closed('in', '2027-02-14T10:00:00Z'),
        // 00:30 on 14 February in Stockholm, still 13 February in UTC.
        closed('midnight', '2027-02-13T23:30:00Z'),
        closed('out', '2027-02-13T22:30:00Z'),
        { ...closed('cancelled', '2027-05-10T10:00:00Z'), status: 'cancelled' },
      ],
      { public: true },
    );
    expect(view.recentlyClosed.map((i) => [i.title, i.stateLabel, i.closedOn])).toEqual([
      ['Avslutat cancelled', 'Avbrutet', '2027-05-10'],
      ['Avslutat in', 'Klart', '2027-02-14'],
      ['Avslutat midnight', 'Klart', '2027-02-14'],
    ]);
  });

  it('lists open items by deadline, marks the overdue ones, and leaves out other bodies and items without a decision', () => {
    const { decision: _, ...noDecision } = full;
    const { view, html } = outputs(
      [
        full,
        { ...full, title: 'Försenat uppdrag', dueDate: '2027-05-14' },
        { ...full, title: 'BUN:s uppdrag', decision: { body: 'BUN', date: '2027-02-10', paragraph: '§ 3' } },
        { ...noDecision, title: 'Remissvar' },
      ],
      { public: true },
    );
    expect(view.open.map((i) => [i.title, i.stateLabel])).toEqual([['Försenat uppdrag', 'Försenat'], ['Utreda fritidsgårdarnas öppettider', 'Pågår']]);
    expect(html).toContain('<strong class="late">Försenat</strong>');
    expect(html).toContain('1 av dem har passerat sin tidsfrist.');
    expect(html).not.toMatch(/BUN:s uppdrag|Remissvar|undefined|null/);
  });

  it('is not there until an admin has made the body public', () => {
    expect(publicBodyView('KS', [full], { public: false, showNames: true }, today)).toBeNull();
  });

  it('escapes an item title that looks like markup', () => {
    const { html } = outputs([{ ...full, title: '<img src=x onerror=alert(1)>' }], { public: true });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });
});

describe('the public-body settings', () => {
  it('take public and showNames as booleans and nothing else, with Swedish errors naming the field', () => {
    expect(publicBodySettings.parse({ public: true, showNames: false })).toEqual({ public: true, showNames: false });
    const input = { public: 'ja', names: true };
    const result = publicBodySettings.safeParse(input);
    expect(toIssues(result.error!, input)).toEqual([
      { path: 'public', message: 'Ska vara true eller false.' },
      { path: 'names', message: 'Okänt fält.' },
    ]);
  });
});
