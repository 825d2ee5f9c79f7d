/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { KIND_LABELS } from '../../domain/items/vocabulary';
import { countOf, percentOf, statisticsCharts, swedishNumber, type Chart, type StatisticsCharts } from './charts';
import { GROUPINGS } from './csv';
import { DownloadLinks, type ReportDownloads } from './downloads';
import { reportDocument } from './report-document';
import { dayMonthYear } from '../../application/reports/reports';
import type { Figures, GroupDimension, OldestOpenItem, Statistics, StatisticsGroup } from '../../domain/reports/statistics';

/**
 * The statistics page's content (what goes inside the page shell's `<main>`): a heading with the
 * period, a summary in words, the totals, one section a grouping (its chart as a `<figure>` with
 * the text alternative in the `<figcaption>`, then the group table that holds the chart's data),
 * the oldest open items, and how the figures are counted. Every figure is text in a table, so the
 * page reads aloud, prints in black and white and needs no script. Layout and print rules:
 * ./report-content.ts (classes only).
 *
 * This module draws the charts with Vega (./charts.ts): the reports function imports it only when
 * the page is asked for (`await import(…)`), so its other answers never load Vega.
 */

/**
 * The column names of the figures, in the tables' order; `heading` carries soft hyphens where a
 * narrow printed column may break the word ("För-senade"), never elsewhere.
 */
const COLUMNS: { key: keyof Figures; label: string; heading: string }[] = [
  { key: 'decided', label: 'Beslutade', heading: 'Beslu\u00adtade' },
  { key: 'doneOnTime', label: 'Klara i tid', heading: 'Klara i tid' },
  { key: 'doneLate', label: 'Klara försenat', heading: 'Klara för\u00adsenat' },
  { key: 'cancelled', label: 'Avbrutna', heading: 'Av\u00adbrutna' },
  { key: 'openOnTime', label: 'Pågående i tid', heading: 'På\u00adgående i tid' },
  { key: 'openOverdue', label: 'Försenade', heading: 'För\u00adsenade' },
  { key: 'extended', label: 'Förlängda', heading: 'För\u00adlängda' },
  { key: 'medianDaysToDone', label: 'Median dagar till klart', heading: 'Median dagar till klart' },
  { key: 'p90DaysToDone', label: '90:e percentil', heading: '90:e per\u00adcentil' },
];

const STATISTICS_TITLE = 'Verkställighet av beslut: statistik';

/** One section a grouping, in GROUPINGS' order; the groups' column is named as in the spreadsheet. */
const SECTIONS: { dimension: GroupDimension; id: string; heading: string }[] = [
  { dimension: 'body', id: 'per-organ', heading: 'Per organ' },
  { dimension: 'year', id: 'per-ar', heading: 'Per beslutsår' },
  { dimension: 'kind', id: 'per-typ', heading: 'Per typ av ärende' },
  { dimension: 'unit', id: 'per-enhet', heading: 'Per ansvarig enhet' },
];

const figure = (value: number | null) => (value === null ? '–' : swedishNumber(value));

/** The period and the filters in words: "Beslut fattade 1 januari–31 december 2026 i KS, Uppdrag." */
function periodLine(stats: Statistics): string {
  const { body, unit, kind } = stats.filters;
  const narrowed = [body ? `organ ${body}` : '', unit ? `enhet ${unit}` : '', kind ? `typ ${KIND_LABELS[kind].toLowerCase()}` : ''].filter(Boolean);
  return `Beslut fattade ${dayMonthYear(stats.from)}–${dayMonthYear(stats.to)}${narrowed.length ? `, ${narrowed.join(', ')}` : ''}. Läget den ${dayMonthYear(stats.asOf)}.`;
}

/** "Nio av tio ärenden" is said of ten finished items or more: of two, it would be read as a share that is not there. */
const NINE_IN_TEN_FROM = 10;

/** Three to five sentences a clerk could read out at a meeting. */
export function statisticsSummary(totals: Figures): string {
  const { decided, doneOnTime, doneLate, cancelled, openOnTime, openOverdue, extended, medianDaysToDone, p90DaysToDone } = totals;
  if (decided === 0) return 'Inga beslut fattades under perioden.';
  const done = doneOnTime + doneLate;
  const open = openOnTime + openOverdue;
  const sentences = [
    `Under perioden fattades ${countOf(decided, 'beslut', 'beslut')} att följa upp.`,
    done ? `${countOf(done, 'ärende är klart', 'ärenden är klara')}, ${swedishNumber(doneOnTime)} av dem i tid (${percentOf(doneOnTime, done)}).` : 'Inget ärende är klart ännu.',
    open ? `${countOf(open, 'ärende pågår', 'ärenden pågår')}, varav ${swedishNumber(openOverdue)} ${openOverdue === 1 ? 'är försenat' : 'är försenade'}.` : 'Inget ärende pågår.',
    cancelled ? `${countOf(cancelled, 'ärende har avbrutits', 'ärenden har avbrutits')}.` : '',
    extended ? `${countOf(extended, 'ärende', 'ärenden')} fick ändrad tidsfrist.` : '',
    medianDaysToDone === null
      ? ''
      : p90DaysToDone !== null && done >= NINE_IN_TEN_FROM
        ? `Mediantiden från beslut till klart var ${countOf(medianDaysToDone, 'dag', 'dagar')}; nio av tio ärenden var klara inom ${countOf(p90DaysToDone, 'dag', 'dagar')}.`
        : `Mediantiden från beslut till klart var ${countOf(medianDaysToDone, 'dag', 'dagar')}.`,
  ];
  return sentences.filter(Boolean).join(' ');
}

/**
 * A wide table in a region that scrolls sideways, its title shown above the region so that on a phone it wraps
 * within the page instead of running off the screen with the table. The table's own caption says the same to
 * a screen reader, hidden on screen; the title is hidden from the screen reader.
 */
function Scroll({ label, title, children }: { label: string; title: string; children: ComponentChildren }) {
  return (
    <>
      <p class="table-title" aria-hidden="true">
        {title}
      </p>
      <p class="scroll-hint">Tabellen är bredare än skärmen: dra i den åt sidan för att se alla kolumner.</p>
      <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </>
  );
}

function TotalsTable({ totals }: { totals: Figures }) {
  const counts = COLUMNS.filter((c) => c.key !== 'medianDaysToDone' && c.key !== 'p90DaysToDone');
  return (
    <table class="stats-table stats-totals">
      <caption>Alla beslut i perioden</caption>
      <thead>
        <tr>
          <th scope="col">Mått</th>
          <th scope="col" class="num">Antal</th>
          <th scope="col" class="num">Andel av beslutade</th>
        </tr>
      </thead>
      <tbody>
        {counts.map(({ key, label }) => (
          <tr>
            <th scope="row">{label}</th>
            <td class="num">{figure(totals[key])}</td>
            <td class="num">{key === 'decided' || totals.decided === 0 ? '–' : percentOf(totals[key] ?? 0, totals.decided)}</td>
          </tr>
        ))}
      </tbody>
      <tbody>
        <tr>
          <th scope="row">Median dagar till klart</th>
          <td class="num">{figure(totals.medianDaysToDone)}</td>
          <td class="num">–</td>
        </tr>
        <tr>
          <th scope="row">90:e percentil, dagar till klart</th>
          <td class="num">{figure(totals.p90DaysToDone)}</td>
          <td class="num">–</td>
        </tr>
      </tbody>
    </table>
  );
}

function GroupTable({ groups, caption, column }: { groups: StatisticsGroup[]; caption: string; column: string }) {
  return (
    <Scroll label={caption} title={caption}>
      <table class="stats-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            {COLUMNS.map(({ heading }) => (
              <th scope="col" class="num">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr>
              <th scope="row">{group.label}</th>
              {COLUMNS.map(({ key }) => (
                <td class="num">
                  {figure(group[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

function ChartFigure({ chart }: { chart: Chart }) {
  return (
    <figure class="stats-chart" id={chart.id}>
      <div class="stats-chart-image" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <figcaption>
        <strong>{chart.title}.</strong> {chart.description} Siffrorna står i tabellen under diagrammet.
      </figcaption>
    </figure>
  );
}

function OldestOpen({ rows }: { rows: OldestOpenItem[] }) {
  if (rows.length === 0) return <p>Inga beslut från perioden har pågående ärenden.</p>;
  const caption = rows.length === 1 ? 'Det äldsta pågående ärendet' : `De ${rows.length} äldsta pågående ärendena`;
  return (
    <Scroll label={caption} title={`${caption}, äldsta beslutet först`}>
      <table class="stats-table stats-oldest">
        <caption class="visually-hidden">{caption}, äldsta beslutet först</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Beslut</th>
            <th scope="col">Ansvarig enhet</th>
            <th scope="col">Tidsfrist</th>
            <th scope="col" class="num">Dagar sedan beslut</th>
            <th scope="col">Läge</th>
            <th scope="col" class="num">Ändrad tids&shy;frist</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                {row.title}
                <br />
                <span class="hint">{KIND_LABELS[row.kind]}</span>
              </th>
              <td>{row.decision}</td>
              <td>{row.unit}</td>
              <td class="date">{row.dueDate}</td>
              <td class="num">{swedishNumber(row.daysOpen)}</td>
              <td>{row.overdue ? <strong class="late">Försenat</strong> : 'I tid'}</td>
              <td class="num">{row.deadlineChanges === 0 ? 'Nej' : countOf(row.deadlineChanges, 'gång', 'gånger')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

/** How the figures are counted, in the words of statistics.ts, for the auditors' report. */
function Method() {
  return (
    <section class="stats-method" aria-labelledby="sa-raknas">
      <h2 id="sa-raknas">Så räknas siffrorna</h2>
      <ul>
        <li>Ett ärende räknas till perioden efter beslutsdatum. Ett yttrande som registrerats från en remiss utan beslut räknas efter registreringsdagen och redovisas som ”Utan beslut”.</li>
        <li>Ärendena räknas som de står i dag: ett beslut från perioden som blev klart efter periodens slut räknas som klart.</li>
        <li>Klart i tid betyder stängt senast den dag tidsfristen gällde, efter eventuell förlängning, räknat i svensk tid. Försenade är pågående ärenden vars tidsfrist har passerat.</li>
        <li>Förlängda är ärenden vars tidsfrist har ändrats minst en gång, oavsett läge.</li>
        <li>Dagar till klart räknas i kalenderdagar från beslutsdatum till den dag ärendet stängdes, bara för klara ärenden. Median och 90:e percentil tas fram med närmaste-rang-metoden: medianen är det värde som minst hälften av ärendena ligger på eller under.</li>
      </ul>
    </section>
  );
}

/** The statistics page's content, for `GET /reports/statistik` as `text/html`; with `downloads`, links to the same figures as files (not printed). */
export function StatisticsContent({ stats, charts, downloads }: { stats: Statistics; charts: StatisticsCharts; downloads?: ReportDownloads | undefined }) {
  return (
    <div class="stats">
      <h1>{STATISTICS_TITLE}</h1>
      <p class="lead">{periodLine(stats)}</p>
      {downloads && <DownloadLinks downloads={downloads} />}

      <section aria-labelledby="sammanfattning">
        <h2 id="sammanfattning">Sammanfattning</h2>
        <p>{statisticsSummary(stats.totals)}</p>
        <TotalsTable totals={stats.totals} />
      </section>

      {stats.totals.decided > 0 &&
        SECTIONS.map(({ dimension, id, heading }) => {
          const chart = dimension === 'unit' ? null : charts[dimension];
          return (
            <section aria-labelledby={id} class="stats-group">
              <h2 id={id}>{heading}</h2>
              {chart && <ChartFigure chart={chart} />}
              <GroupTable groups={stats.groups[dimension]} caption={`Ärenden ${heading.toLowerCase()}`} column={GROUPINGS[dimension]} />
            </section>
          );
        })}

      <section aria-labelledby="aldsta">
        <h2 id="aldsta">Äldsta pågående ärenden</h2>
        <OldestOpen rows={stats.oldestOpen} />
      </section>

      <Method />
    </div>
  );
}

/** `GET /reports/statistik` as `text/html`: the whole printable page, its charts drawn. Sent with REPORT_PAGE_HEADERS. */
export async function statisticsDocument(stats: Statistics, downloads?: ReportDownloads): Promise<string> {
  const charts = await statisticsCharts(stats);
  return reportDocument({
    title: STATISTICS_TITLE,
    footer: `Uttag ur kommunens uppföljning av politiska beslut, läget den ${dayMonthYear(stats.asOf)}.`,
    children: <StatisticsContent stats={stats} charts={charts} downloads={downloads} />,
  });
}
