import { describe, expect, it } from 'vitest';
import { DAYS_MEASURES, OUTCOMES, daysToDoneByKind, outcomesByBody, outcomesByYear, statisticsCharts } from '../../shared/views/reports/charts';
import type { ReportItem } from '../../shared/domain/reports/counted';
import type { Statistics } from '../../shared/domain/reports/statistics';
import { statisticsOf } from '../support/statistics-of';
import { statisticsHistory } from '../support/statistics-history';

const today = '2027-11-16';
const stats = statisticsOf(statisticsHistory({ seed: 7, count: 600, today }), { from: '2025-01-01', to: '2027-12-31', today });

/** Decided in 2026 by KS and BUN: KS 2 done on time, 1 overdue; BUN 1 done late. */
const small: ReportItem[] = [
  { id: 'a', kind: 'uppdrag', title: 'A', unit: 'Kommunledningskontoret', decision: { body: 'KS', date: '2026-02-11', paragraph: '§ 12' }, dueDate: '2026-06-30', status: 'done', createdAt: '2026-02-12T08:00:00Z', updatedAt: '2026-05-04T08:00:00Z', closedAt: '2026-05-04T08:00:00Z' },
  { id: 'b', kind: 'uppdrag', title: 'B', unit: 'Kommunledningskontoret', decision: { body: 'KS', date: '2026-02-11', paragraph: '§ 13' }, dueDate: '2026-06-30', status: 'done', createdAt: '2026-02-12T08:00:00Z', updatedAt: '2026-06-01T08:00:00Z', closedAt: '2026-06-01T08:00:00Z' },
  { id: 'c', kind: 'motion', title: 'C', unit: 'Kommunledningskontoret', decision: { body: 'KS', date: '2026-04-15', paragraph: '§ 40' }, dueDate: '2026-09-30', status: 'open', createdAt: '2026-04-16T08:00:00Z', updatedAt: '2026-04-16T08:00:00Z' },
  { id: 'd', kind: 'uppdrag', title: 'D', unit: 'Utbildningsförvaltningen', decision: { body: 'BUN', date: '2026-03-18', paragraph: '§ 22' }, dueDate: '2026-05-29', status: 'done', createdAt: '2026-03-19T08:00:00Z', updatedAt: '2026-06-12T08:00:00Z', closedAt: '2026-06-12T08:00:00Z' },
];
const smallStats = statisticsOf(small, { from: '2026-01-01', to: '2026-12-31', today: '2026-11-16' });

describe('the charts', () => {
  it('are SVG with no script, no link, no style attribute, no outside asset and no English ARIA text', async () => {
    const charts = Object.values(await statisticsCharts(stats));
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(chart!.svg).toMatch(/^<svg role="img" aria-label="[^"]+" focusable="false" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(chart!.svg).not.toMatch(/<script|<foreignObject|<image|\bhref=|\bstyle=|url\(|@import|on[a-z]+=/i);
      expect(chart!.svg).not.toMatch(/aria-roledescription|X-axis|Y-axis|legend for/);
    }
  });

  it('label their axes, legends and bars in Swedish', async () => {
    const byBody = (await outcomesByBody(stats))!.svg;
    for (const label of ['Antal ärenden', ...OUTCOMES.map((o) => o.label), 'KS', 'Utan beslut']) expect(byBody).toContain(`>${label}<`);
    const days = (await daysToDoneByKind(stats))!.svg;
    for (const label of ['Dagar', 'Uppdrag', 'Återrapportering', 'Yttrande', 'Motion', ...DAYS_MEASURES.map((m) => m.label)]) expect(days).toContain(`>${label}<`);
  });

  it('state what they show and the key figures in one or two Swedish sentences', async () => {
    const charts = await statisticsCharts(smallStats);
    expect(charts.body?.description).toBe(
      'Liggande staplar per organ, delade i klara i tid, klara försenat, avbrutna, pågående i tid och försenade. KS har flest beslut, 3, varav 2 klara i tid. Störst andel försenade har KS: 1 av 3 (33\u00a0%).',
    );
    expect(charts.year?.description).toBe('Liggande staplar per beslutsår, delade i klara i tid, klara försenat, avbrutna, pågående i tid och försenade. 2026: 4 beslut, 2 klara i tid och 1 försenat.');
    // KS 2026-02-11 → 2026-05-04 is 82 days, → 2026-06-01 110 days; BUN 2026-03-18 → 2026-06-12 is 86 days.
    expect(charts.kind?.description).toBe(
      'Liggande staplar med antal dagar från beslut till klart per typ av ärende, median och 90:e percentil bland de klara ärendena. Uppdrag: median 86 dagar, 90:e percentil 110 dagar.',
    );
  });

  it('escape a label that looks like markup', async () => {
    const hostile: Statistics = { ...smallStats, groups: { ...smallStats.groups, body: smallStats.groups.body.map((g) => ({ ...g, label: '<script>alert("x")</script>' })) } };
    const svg = (await outcomesByBody(hostile))!.svg;
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(');
  });

  it('are left out when there is nothing to show: no decision, or no item done', async () => {
    const empty = statisticsOf([], { from: '2026-01-01', to: '2026-12-31', today: '2026-11-16' });
    expect(await statisticsCharts(empty)).toEqual({ body: null, year: null, kind: null });
    const openOnly = statisticsOf(small.filter((i) => i.status === 'open'), { from: '2026-01-01', to: '2026-12-31', today: '2026-11-16' });
    expect(await outcomesByYear(openOnly)).not.toBeNull();
    expect(await daysToDoneByKind(openOnly)).toBeNull();
  });
});

// WCAG relative luminance and the Machado, Oliveira and Fernandes (2009) simulation at full severity.
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [0, 2, 4].map((i) => linear(parseInt(hex.slice(1 + i, 3 + i), 16) / 255)) as [number, number, number];
const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
const contrast = (hex: string) => 1.05 / (luminance(rgb(hex)) + 0.05);
const SIMULATIONS: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
function lab(c: number[]): number[] {
  const [r, g, b] = c.map((v) => Math.min(1, Math.max(0, v))) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, luminance([r, g, b]), (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

describe('the chart colours', () => {
  it('each stand out at least 3:1 against the white background (WCAG 1.4.11)', () => {
    for (const { colour } of [...OUTCOMES, ...DAYS_MEASURES]) expect(contrast(colour), colour).toBeGreaterThanOrEqual(3);
  });

  it('stay at least 15 ΔE apart for readers with protanopia, deuteranopia or tritanopia', () => {
    for (const [name, matrix] of Object.entries(SIMULATIONS)) {
      const seen = OUTCOMES.map((o) => lab(matrix.map((row) => row.reduce((sum, k, i) => sum + k * rgb(o.colour)[i]!, 0))));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) expect(Math.hypot(...seen[i]!.map((v, k) => v - seen[j]![k]!)), `${name}: ${OUTCOMES[i]!.label} / ${OUTCOMES[j]!.label}`).toBeGreaterThan(15);
      }
    }
  });
});
