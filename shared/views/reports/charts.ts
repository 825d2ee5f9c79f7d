import { parse, View, type Locale } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from '../email/text';
import type { Figures, Statistics, StatisticsGroup } from '../../domain/reports/statistics';

/**
 * The statistics page's charts: SVG drawn on the server with Vega-Lite (compiled to Vega, rendered
 * by Vega's headless SVG renderer: no canvas, no DOM, no fonts loaded). The SVG carries no
 * script, no link, no style attribute and no outside asset, so it passes the pages' strict CSP.
 *
 * Every chart comes with a text alternative that states what it shows and its key figures; its
 * data is the group table the page shows with it (the body, year and kind tables), so a reader
 * who cannot see the chart, or prints in black and white, loses nothing.
 *
 * Vega and Vega-Lite are heavy: measured on the development machine, about 0.12 s to import
 * unbundled, 800 kB minified (280 kB gzipped) and 40 ms to import when bundled with esbuild, and
 * 10 to 15 ms to draw one chart once warm (70 ms the first). Only the reports function should
 * bundle this module.
 */

export interface Chart {
  /** An id for the page's anchors: "utfall-per-organ". */
  id: string;
  title: string;
  /** One or two Swedish sentences: what the chart shows and its key figures. */
  description: string;
  /** An inline `<svg role="img">` named by `title`. */
  svg: string;
}

/**
 * The five outcomes in stacking order (closed, then open; the tables' column order), with their
 * column names and colours. The colours are from Okabe and Ito's palette for colour-blind readers
 * (blue, reddish purple, dark grey, bluish green, vermillion), each at least 3:1 against the white
 * background (WCAG 1.4.11) and still apart under simulated protanopia, deuteranopia and tritanopia
 * (test/unit/charts.test.ts); a white edge separates adjacent segments.
 */
export const OUTCOMES = [
  { key: 'doneOnTime', label: 'Klara i tid', colour: '#0072B2' },
  { key: 'doneLate', label: 'Klara försenat', colour: '#CC79A7' },
  { key: 'cancelled', label: 'Avbrutna', colour: '#555555' },
  { key: 'openOnTime', label: 'Pågående i tid', colour: '#009E73' },
  { key: 'openOverdue', label: 'Försenade', colour: '#D55E00' },
] as const satisfies readonly { key: keyof Figures; label: string; colour: string }[];

/** "klara i tid, klara försenat, avbrutna, pågående i tid och försenade" */
const OUTCOME_LIST = `${OUTCOMES.slice(0, -1).map((o) => o.label.toLowerCase()).join(', ')} och ${OUTCOMES.at(-1)!.label.toLowerCase()}`;

/** Median and 90th percentile in the days chart: blue and vermillion, as in OUTCOMES. */
export const DAYS_MEASURES = [
  { key: 'medianDaysToDone', label: 'Median', colour: '#0072B2' },
  { key: 'p90DaysToDone', label: '90:e percentil', colour: '#D55E00' },
] as const satisfies readonly { key: keyof Figures; label: string; colour: string }[];

const INK = '#1b1b1b';
/**
 * The plot's width in pixels: with its labels and legend an SVG is 360 to 500 px wide, so on a
 * 390 px phone it is scaled to 70 to 100 % and its 14 px text reads at 10 px or more.
 */
const CHART_WIDTH = 300;
/** Swedish numbers in the axes and labels: a space between thousands. */
const SWEDISH_NUMBERS: Locale = { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'] } };
const CONFIG = {
  locale: SWEDISH_NUMBERS,
  // The page's own fonts; nothing is loaded.
  font: 'system-ui, Arial, sans-serif',
  background: '#ffffff',
  // Vega's default ARIA labels are English ("X-axis titled …"): the chart is one image named by its title instead.
  aria: false,
  view: { stroke: null },
  axis: { labelFontSize: 14, titleFontSize: 14, labelColor: INK, titleColor: INK, titleFontWeight: 600, domainColor: '#6b6b6b', tickColor: '#6b6b6b', gridColor: '#d9d9d9' },
  // One entry a line above the plot: Vega estimates text widths generously, and side by side they widen the chart.
  legend: { labelFontSize: 14, labelColor: INK, symbolType: 'square', symbolSize: 180, orient: 'top', direction: 'vertical', title: null },
} as const;

/** "2 134": Swedish digit grouping. */
export const swedishNumber = (n: number) => n.toLocaleString('sv-SE');
/** "1 ärende", "2 134 ärenden". */
export const countOf = (n: number, one: string, many: string) => `${swedishNumber(n)} ${n === 1 ? one : many}`;
/** "67 %": `part` of `whole`, rounded to a whole percent. */
export const percentOf = (part: number, whole: number) => `${Math.round((100 * part) / whole)}\u00a0%`;

/** Renders a Vega-Lite spec to SVG, names it by `title` as one image, and frees the view. */
async function render(spec: TopLevelSpec, title: string): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // Vega keeps English roles on its group containers even with ARIA off; inside one image they say nothing.
    return svg.replace(/ (?:role="graphics-[a-z]+"|aria-roledescription="[^"]*")/g, '').replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(title)}" focusable="false" `);
  } finally {
    view.finalize();
  }
}

/** Horizontal bars, one a group, split into the five outcomes. */
function outcomeSpec(groups: StatisticsGroup[]): TopLevelSpec {
  const values = groups.flatMap((group) => OUTCOMES.map((outcome, order) => ({ group: group.label, outcome: outcome.label, order, count: group[outcome.key] })));
  return {
    width: CHART_WIDTH,
    height: { step: 28 },
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      // No title on the group axis: the chart's title names it ("per organ"), and the phone keeps the width.
      y: { field: 'group', type: 'nominal', title: null, sort: groups.map((g) => g.label) },
      x: { field: 'count', type: 'quantitative', title: 'Antal ärenden', stack: 'zero', axis: { format: ',d', tickMinStep: 1 } },
      color: { field: 'outcome', type: 'nominal', scale: { domain: OUTCOMES.map((o) => o.label), range: OUTCOMES.map((o) => o.colour) } },
      order: { field: 'order', type: 'quantitative' },
    },
    config: CONFIG,
  };
}

/**
 * "Utfall per organ": the outcomes of each body's decisions; null when the period has no decision.
 * The text names the body with the most decisions and the one with the largest share overdue
 * (items without a decision are drawn but not named there).
 */
export async function outcomesByBody(stats: Statistics): Promise<Chart | null> {
  const groups = stats.groups.body;
  if (groups.length === 0) return null;
  const title = 'Utfall per organ';
  const bodies = groups.filter((g) => g.key !== null);
  const facts: string[] = [];
  if (bodies.length > 0) {
    const largest = bodies.reduce((a, b) => (b.decided > a.decided ? b : a));
    const worst = bodies.reduce((a, b) => (b.openOverdue / b.decided > a.openOverdue / a.decided ? b : a));
    facts.push(`${largest.label} har flest beslut, ${swedishNumber(largest.decided)}, varav ${countOf(largest.doneOnTime, 'klart', 'klara')} i tid.`);
    facts.push(
      worst.openOverdue
        ? `Störst andel försenade har ${worst.label}: ${swedishNumber(worst.openOverdue)} av ${swedishNumber(worst.decided)} (${percentOf(worst.openOverdue, worst.decided)}).`
        : 'Inget organ har försenade ärenden.',
    );
  }
  return {
    id: 'utfall-per-organ',
    title,
    description: [`Liggande staplar per organ, delade i ${OUTCOME_LIST}.`, ...facts].join(' '),
    svg: await render(outcomeSpec(groups), title),
  };
}

/** "Utfall per beslutsår": the same split for each year of decision; null when the period has no decision. */
export async function outcomesByYear(stats: Statistics): Promise<Chart | null> {
  const groups = stats.groups.year;
  if (groups.length === 0) return null;
  const title = 'Utfall per beslutsår';
  const years = groups.map((g) => `${g.label}: ${countOf(g.decided, 'beslut', 'beslut')}, ${countOf(g.doneOnTime, 'klart', 'klara')} i tid och ${countOf(g.openOverdue, 'försenat', 'försenade')}`);
  return {
    id: 'utfall-per-ar',
    title,
    description: `Liggande staplar per beslutsår, delade i ${OUTCOME_LIST}. ${years.join('; ')}.`,
    svg: await render(outcomeSpec(groups), title),
  };
}

/** "Dagar från beslut till klart": median and 90th percentile for each kind with a done item; null when none is done. */
export async function daysToDoneByKind(stats: Statistics): Promise<Chart | null> {
  const groups = stats.groups.kind.filter((g) => g.medianDaysToDone !== null && g.p90DaysToDone !== null);
  if (groups.length === 0) return null;
  const title = 'Dagar från beslut till klart';
  const values = groups.flatMap((group) => DAYS_MEASURES.map((measure) => ({ kind: group.label, measure: measure.label, days: group[measure.key] })));
  const kinds = groups.map((g) => `${g.label}: median ${countOf(g.medianDaysToDone!, 'dag', 'dagar')}, 90:e percentil ${countOf(g.p90DaysToDone!, 'dag', 'dagar')}`);
  const spec: TopLevelSpec = {
    width: CHART_WIDTH,
    data: { values },
    encoding: {
      y: { field: 'kind', type: 'nominal', title: null, sort: groups.map((g) => g.label) },
      yOffset: { field: 'measure', type: 'nominal', sort: DAYS_MEASURES.map((m) => m.label) },
      // Room after the longest bar for its number.
      x: { field: 'days', type: 'quantitative', title: 'Dagar', axis: { format: ',d', tickMinStep: 1 }, scale: { domainMax: Math.ceil(Math.max(...values.map((v) => v.days!)) * 1.15) } },
    },
    layer: [
      { mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 }, encoding: { color: { field: 'measure', type: 'nominal', scale: { domain: DAYS_MEASURES.map((m) => m.label), range: DAYS_MEASURES.map((m) => m.colour) } } } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 14, fill: INK }, encoding: { text: { field: 'days', type: 'quantitative', format: ',d' } } },
    ],
    height: { step: 24 },
    config: CONFIG,
  };
  return {
    id: 'dagar-till-klart',
    title,
    description: `Liggande staplar med antal dagar från beslut till klart per typ av ärende, median och 90:e percentil bland de klara ärendena. ${kinds.join('; ')}.`,
    svg: await render(spec, title),
  };
}

/** The statistics page's charts, each with the group table that holds its data; a chart with nothing to show is null. */
export interface StatisticsCharts {
  body: Chart | null;
  year: Chart | null;
  kind: Chart | null;
}

export async function statisticsCharts(stats: Statistics): Promise<StatisticsCharts> {
  const [body, year, kind] = await Promise.all([outcomesByBody(stats), outcomesByYear(stats), daysToDoneByKind(stats)]);
  return { body, year, kind };
}
