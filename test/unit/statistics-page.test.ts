import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { statisticsCharts } from '../../shared/views/reports/charts';
import { StatisticsContent, statisticsSummary } from '../../shared/views/reports/statistics-page';
import type { ReportItem } from '../../shared/domain/reports/counted';
import { statisticsOf } from '../support/statistics-of';
import { statisticsHistory } from '../support/statistics-history';

const page = async (items: ReportItem[], options: Parameters<typeof statisticsOf>[1]) => {
  const stats = statisticsOf(items, options);
  return render(h(StatisticsContent, { stats, charts: await statisticsCharts(stats) }));
};
/** The text of every `tag` element, as read (no markup, no soft hyphen). */
const texts = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>|\u00ad/g, ''));

const uppdrag: ReportItem = {
  id: 'u1',
  kind: 'uppdrag',
  title: 'Ta fram riktlinjer för skolskjuts',
  caseNumber: 'BUN 2026/44',
  decision: { body: 'BUN', date: '2026-05-20', paragraph: '§ 44' },
  unit: 'Utbildningsförvaltningen',
  dueDate: '2026-09-30',
  status: 'open',
  createdAt: '2026-05-21T07:00:00Z',
  updatedAt: '2026-05-21T07:00:00Z',
};

describe('the statistics page', () => {
  const today = '2027-11-16';
  const history = statisticsHistory({ seed: 3, count: 800, today });

  it('has a heading with the period, the summary, a chart and a table a grouping, and the oldest open items', async () => {
    const html = await page(history, { from: '2025-01-01', to: '2027-12-31', today });
    expect(texts(html, 'h1')).toEqual(['Verkställighet av beslut: statistik']);
    expect(html).toContain('Beslut fattade 1 januari 2025–31 december 2027. Läget den 16 november 2027.');
    expect(texts(html, 'h2')).toEqual(['Sammanfattning', 'Per organ', 'Per beslutsår', 'Per typ av ärende', 'Per ansvarig enhet', 'Äldsta pågående ärenden', 'Så räknas siffrorna']);
    expect(texts(html, 'figcaption').map((c) => c.split('.')[0])).toEqual(['Utfall per organ', 'Utfall per beslutsår', 'Dagar från beslut till klart']);
    expect(texts(html, 'caption')).toEqual([
      'Alla beslut i perioden',
      'Ärenden per organ',
      'Ärenden per beslutsår',
      'Ärenden per typ av ärende',
      'Ärenden per ansvarig enhet',
      'De 20 äldsta pågående ärendena, äldsta beslutet först',
    ]);
    const groupHead = /<caption class="visually-hidden">Ärenden per organ<\/caption><thead><tr>([\s\S]*?)<\/tr>/.exec(html)![1]!;
    expect(texts(groupHead, 'th')).toEqual(['Organ', 'Beslutade', 'Klara i tid', 'Klara försenat', 'Avbrutna', 'Pågående i tid', 'Försenade', 'Förlängda', 'Median dagar till klart', '90:e percentil']);
  });

  it('never prints undefined, null, NaN or an object, also for items without a decision', async () => {
    const html = await page(history, { from: '2025-01-01', to: '2027-12-31', today });
    expect(html).not.toMatch(/undefined|null|NaN|\[object/);
    expect(html).toContain('<th scope="row">Utan beslut</th>');
  });

  it('sums the period up in words a clerk could read out', () => {
    const stats = statisticsOf(
      [
        uppdrag,
        { ...uppdrag, id: 'u2', status: 'done', closedAt: '2026-09-15T08:00:00Z', updatedAt: '2026-09-15T08:00:00Z' },
        { ...uppdrag, id: 'u3', status: 'done', closedAt: '2026-10-02T08:00:00Z', updatedAt: '2026-10-02T08:00:00Z', deadlineChanges: 1 },
        { ...uppdrag, id: 'u4', status: 'cancelled', closedAt: '2026-06-10T08:00:00Z', updatedAt: '2026-06-10T08:00:00Z' },
      ],
      { from: '2026-01-01', to: '2026-12-31', today: '2026-11-16' },
    );
    // 20 May → 15 September is 118 days, → 2 October 135 days.
    expect(statisticsSummary(stats.totals)).toBe(
      'Under perioden fattades 4 beslut att följa upp. 2 ärenden är klara, 1 av dem i tid (50\u00a0%). 1 ärende pågår, varav 1 är försenat. 1 ärende har avbrutits. 1 ärende fick ändrad tidsfrist. Mediantiden från beslut till klart var 118 dagar.',
    );
  });

  it('says how long nine in ten took only of ten finished items or more', () => {
    const finished = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...uppdrag, id: `k${i}`, status: 'done' as const, closedAt: `2026-09-${String(10 + i).padStart(2, '0')}T08:00:00Z`, updatedAt: `2026-09-${String(10 + i).padStart(2, '0')}T08:00:00Z` }));
    const period = { from: '2026-01-01', to: '2026-12-31', today: '2026-11-16' };
    expect(statisticsSummary(statisticsOf(finished(9), period).totals)).not.toContain('nio av tio');
    // 20 May → 10–19 September: 113–122 days; the median (of 117 and 118) 117, the ninth of ten in order 121.
    expect(statisticsSummary(statisticsOf(finished(10), period).totals)).toMatch(/Mediantiden från beslut till klart var 117 dagar; nio av tio ärenden var klara inom 121 dagar\.$/);
  });

  it('says so when the period has no decision, and shows no chart and no group table', async () => {
    const html = await page([uppdrag], { from: '2025-01-01', to: '2025-12-31', today: '2026-11-16' });
    expect(html).toContain('Inga beslut fattades under perioden.');
    expect(html).toContain('Inga beslut från perioden har pågående ärenden.');
    expect(html).not.toMatch(/<figure|<svg|Per organ/);
  });

  it('names the filters in the heading line and escapes every user text', async () => {
    const hostile = { ...uppdrag, title: '<img src=x onerror=alert(1)>', unit: '"><script>alert(1)</script>' };
    const html = await page([hostile], { from: '2026-01-01', to: '2026-12-31', today: '2026-11-16', filters: { body: 'BUN', kind: 'uppdrag', unit: hostile.unit } });
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).toContain('Beslut fattade 1 januari 2026–31 december 2026, organ BUN, enhet &quot;>&lt;script>alert(1)&lt;/script>, typ uppdrag.');
  });
});
