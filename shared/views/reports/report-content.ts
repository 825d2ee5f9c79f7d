/**
 * The statistics page (statistics-page.tsx) and the public page (public-page.tsx): their own few
 * layout and print rules, on top of the page shell's base (report-document.tsx). Classes only; no
 * script, no font, no image, so the pages' strict CSP holds. A string, not a .css file, because a
 * function's bundle carries no stylesheet files: the shell inlines it and allows it by its hash.
 */
export const REPORT_CONTENT_CSS = `/* Tables of figures: numbers right-aligned in equal-width digits. */
.stats-table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
.stats-table caption { text-align: left; font-weight: 600; padding: 0 0 .5rem; }
.stats-table th, .stats-table td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #c8c8c8; vertical-align: top; }
.stats-table thead th { vertical-align: bottom; border-bottom: 2px solid #1b1b1b; }
.stats-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.stats-table .date { white-space: nowrap; }
.stats-totals { max-width: 36rem; }
.stats .hint, .public .hint { color: #4a4a4a; font-size: .9em; }
.stats .late, .public .late { color: #a4161a; }

/* A wide table scrolls sideways inside the page on a phone instead of widening it. Where it is cut,
   a shadow shows there is more (white covers scroll with the content, so a shadow shows only at an
   edge with more beyond it), and on a narrow screen a line above the table says so. */
.table-scroll { overflow-x: auto; margin: 0 0 1.5rem;
  background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left / 2rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.3), rgba(0,0,0,0)) left / .8rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.3), rgba(0,0,0,0)) right / .8rem 100% no-repeat scroll; }
.scroll-hint { display: none; margin: 0 0 .25rem; color: #4a4a4a; font-size: .9em; }
@media (max-width: 48rem) { .scroll-hint { display: block; } }
.table-scroll > .stats-table { margin: 0; }
.table-title { font-weight: 600; margin: 0 0 .5rem; }
/* Read by a screen reader, not shown: a wide table's caption, whose words stand above its region (.table-title). */
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.table-scroll:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.stats-oldest { min-width: 48rem; }

/* Charts: drawn at 600 px or so, scaled down to the column. */
.stats-chart { margin: 0 0 1rem; }
.stats-chart-image svg { display: block; max-width: 100%; height: auto; }
.stats-chart figcaption { max-width: 48rem; margin: .5rem 0 0; }
.stats-method { color: #4a4a4a; font-size: .95rem; }

/* The public page: one card an item. */
.public-items { list-style: none; margin: 0; padding: 0; }
.public-item { border: 1px solid #c8c8c8; border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.public-item h3 { font-size: 1.1rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.public-item dl { display: grid; grid-template-columns: 12rem 1fr; gap: .25rem 1rem; margin: 0; }
.public-item dl > div { display: contents; }
.public-item dt { font-weight: 600; }
.public-item dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 32rem) {
  .public-item dl { grid-template-columns: 1fr; gap: 0; }
  .public-item dd { margin-bottom: .4rem; }
}

@media print {
  @page { size: A4; margin: 15mm 12mm; }
  .stats, .public { font-size: 10pt; }
  .stats h2 { break-after: avoid; }
  /* On paper nothing scrolls: the tables take the sheet's width and repeat their heads on each page. */
  .table-scroll { overflow: visible; background: none; }
  .scroll-hint { display: none; }
  .stats-oldest { min-width: 0; }
  /* Fixed columns, so a long unit name wraps inside its cell instead of widening the table past the sheet. */
  .stats-table { font-size: 8.5pt; table-layout: fixed; }
  .stats-table th, .stats-table td { padding: .2rem .3rem; }
  .stats-table tbody th, .stats-table td { overflow-wrap: anywhere; }
  .stats-table th:first-child { width: 26%; }
  .stats-totals th:first-child { width: 50%; }
  .stats-oldest th:first-child { width: 22%; }
  .stats-oldest th:nth-child(2) { width: 18%; }
  .stats-oldest th:nth-child(3) { width: 19%; }
  .stats-oldest th:nth-child(4) { width: 11%; }
  .stats-oldest th:nth-child(5) { width: 8%; }
  .stats-oldest th:nth-child(6) { width: 10%; }
  .stats-oldest th:nth-child(7) { width: 12%; }
  .stats-table thead { display: table-header-group; }
  .stats-table tr, .stats-chart, .public-item { break-inside: avoid; }
  .stats-chart-image svg { max-height: 120mm; width: auto; }
  .stats .late, .public .late { color: #000; }
}
`;
