import DESIGN_SYSTEM from './design-system.json';
import { STYLESHEET_FILE_NAME } from './stylesheet-name';

/**
 * The workspace's own CSS on top of Designsystemet: the page frame, phone layout (tables keep
 * their column labels when stacked), print, and the few patterns the design system has no class
 * for (sort links in table headers, the history timeline, inline forms). Unlayered, so it wins
 * over the design system's `@layer ds` rules where the two meet.
 */
const PROJECT_CSS = `
:root { --ds-font-family: Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
/* Long Swedish compounds ("Återrapporteringsuppdrag") hyphenate, headings too (the page is lang="sv"); a word a browser cannot hyphenate still wraps rather than run off a phone. */
body { margin: 0; font-family: var(--ds-font-family); overflow-wrap: break-word; hyphens: auto; }
.frame { max-width: 76rem; margin-inline: auto; padding-inline: var(--ds-size-4); }

.site-header { background: var(--ds-color-neutral-background-tinted); border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle); }
.site-header__top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--ds-size-2) var(--ds-size-6); padding-block: var(--ds-size-3); }
.site-name { margin: 0; font-size: var(--ds-heading-xs-font-size); font-weight: var(--ds-font-weight-semibold); }
.site-name a { color: inherit; text-decoration: none; }
.site-user { display: flex; flex-wrap: wrap; align-items: center; gap: var(--ds-size-1) var(--ds-size-4); margin: 0; }
.site-user__who { display: flex; flex-direction: column; line-height: var(--ds-line-height-sm); }
.site-user__role { color: var(--ds-color-neutral-text-subtle); font-size: var(--ds-body-sm-font-size); }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0 var(--ds-size-1); margin: 0; padding: 0; list-style: none; }
.site-nav a { display: block; padding: var(--ds-size-2) var(--ds-size-3); color: var(--ds-color-neutral-text-default); text-decoration: none; border-bottom: 4px solid transparent; font-weight: var(--ds-font-weight-medium); }
.site-nav a:hover { text-decoration: underline; }
.site-nav a[aria-current="page"] { border-bottom-color: var(--ds-color-accent-base-default); color: var(--ds-color-accent-text-default); }
.site-nav a:focus-visible, .sort-link:focus-visible { outline: var(--dsc-focus-outline); box-shadow: var(--dsc-focus-boxShadow); }

main { display: block; padding-block: var(--ds-size-6) var(--ds-size-10); }
main:focus { outline: none; }
/* Space between blocks; hidden inputs take no room, so they do not count as the first block. */
main > :not([type=hidden]) ~ *, .flow > :not([type=hidden]) ~ * { margin-block-start: var(--ds-size-5); }
.lead { color: var(--ds-color-neutral-text-subtle); margin-block: var(--ds-size-1) 0; }
.site-footer { border-top: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle); color: var(--ds-color-neutral-text-subtle); font-size: var(--ds-body-sm-font-size); padding-block: var(--ds-size-4) var(--ds-size-8); }
.site-footer p { margin: 0; }
.hint { color: var(--ds-color-neutral-text-subtle); font-size: var(--ds-body-sm-font-size); margin: 0; }
.muted { color: var(--ds-color-neutral-text-subtle); }
.late { color: var(--ds-color-danger-text-default); font-weight: var(--ds-font-weight-semibold); }
.soon { color: var(--ds-color-warning-text-default); font-weight: var(--ds-font-weight-semibold); }
.nowrap { white-space: nowrap; }
.email { overflow-wrap: anywhere; }
.narrow { max-width: 40rem; }
.prewrap { white-space: pre-wrap; }

section > h2 { margin-block-end: var(--ds-size-2); }
.section { margin-block-start: var(--ds-size-8); }
.cards { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--ds-size-4); }
.cards > li > .ds-card > * + * { margin-block-start: var(--ds-size-3); }
.card-title { margin: 0; font-size: var(--ds-heading-2xs-font-size); font-weight: var(--ds-font-weight-semibold); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: var(--ds-size-1) var(--ds-size-4); margin: 0; }
.facts dt { font-weight: var(--ds-font-weight-semibold); }
.facts dd { margin: 0; min-width: 0; }
.inline-forms { display: grid; gap: var(--ds-size-4); grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); align-items: start; }
.inline-forms form, .form-box { border: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle); border-radius: var(--ds-border-radius-md); padding: var(--ds-size-4); }
.inline-forms form > :not([type=hidden]) ~ *, .form-box > :not([type=hidden]) ~ *, .stack > :not([type=hidden]) ~ * { margin-block-start: var(--ds-size-4); }
.form-title { margin: 0; font-size: var(--ds-body-md-font-size); font-weight: var(--ds-font-weight-semibold); }
.field-row { display: grid; gap: var(--ds-size-4); grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); align-items: start; }
.field-row > .ds-field { margin: 0; }
.ds-fieldset > legend { font-weight: var(--ds-font-weight-semibold); font-size: var(--ds-body-lg-font-size); }
.due-choice { border-inline-start: 4px solid var(--ds-color-neutral-border-subtle); padding-inline-start: var(--ds-size-4); }
.due-choice > * + * { margin-block-start: var(--ds-size-3); }
.buttons { display: flex; flex-wrap: wrap; gap: var(--ds-size-3); align-items: center; }
.ds-input:not([type=radio], [type=checkbox]) { max-width: 40rem; }
.ds-input[type=date], .ds-input[type=month], .short-field .ds-input { max-width: 14rem; }
textarea.ds-input { max-width: 48rem; }
.ds-details > summary { font-weight: var(--ds-font-weight-medium); }
.ds-details > div > * + * { margin-block-start: var(--ds-size-4); }
.ds-error-summary ul { margin: 0; padding-inline-start: var(--ds-size-5); }
.ds-alert > * + * { margin-block-start: var(--ds-size-2); }
.ds-alert > :first-child { margin-block-start: 0; }
.ds-alert p { margin: 0; }
.ds-alert > .ds-heading { font-weight: var(--ds-font-weight-semibold); }
main > :is(section, form, .section) { margin-block-start: var(--ds-size-8); }

.table-wrap { overflow-x: auto; }
.ds-table caption { text-align: start; }
.ds-table .col-title { width: 34%; }
.ds-table .ds-tag { width: auto; word-break: normal; }
.ds-table th[aria-sort] { padding: 0; }
.sort-link { display: block; padding: var(--ds-size-2) var(--ds-size-3); color: inherit; text-decoration: underline; text-underline-offset: .2em; }
.sort-link::after { content: " ↕"; color: var(--ds-color-neutral-text-subtle); }
th[aria-sort="ascending"] .sort-link::after { content: " ▲"; color: inherit; }
th[aria-sort="descending"] .sort-link::after { content: " ▼"; color: inherit; }
th[aria-sort="ascending"], th[aria-sort="descending"] { background: var(--ds-color-neutral-surface-tinted); }
.pager, .exports, .table-wrap + * { margin-block-start: var(--ds-size-4); }
.pager { display: flex; flex-wrap: wrap; gap: var(--ds-size-4); align-items: center; }
.exports { display: flex; flex-wrap: wrap; gap: var(--ds-size-2) var(--ds-size-6); margin: 0; padding: 0; list-style: none; }

.timeline { list-style: none; margin: 0; padding: 0; border-inline-start: 3px solid var(--ds-color-neutral-border-subtle); }
.timeline > li { position: relative; padding: 0 0 var(--ds-size-5) var(--ds-size-5); }
.timeline > li::before { content: ""; position: absolute; inset-inline-start: calc(-0.5rem - 1.5px); top: .35rem; width: 1rem; height: 1rem; border-radius: 50%; background: var(--ds-color-neutral-background-default); border: 3px solid var(--ds-color-accent-base-default); }
.timeline h3 { margin: 0; font-size: var(--ds-body-md-font-size); font-weight: var(--ds-font-weight-semibold); }
.timeline p, .timeline ul { margin: var(--ds-size-1) 0 0; }
.timeline ul { padding-inline-start: var(--ds-size-5); }
.changes li { overflow-wrap: anywhere; }
.changes { list-style: disc; }

/* Granska beslut: each proposal beside its source in the protokoll, whose lines are kept. */
.proposal-grid { display: grid; gap: var(--ds-size-6); grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); align-items: start; }
.source-text { margin: var(--ds-size-2) 0 0; padding: var(--ds-size-3) var(--ds-size-4); border-inline-start: 4px solid var(--ds-color-neutral-border-default); background: var(--ds-color-neutral-background-tinted); white-space: pre-line; font-size: var(--ds-body-sm-font-size); }
.source-text mark { background: var(--ds-color-warning-surface-tinted); color: inherit; outline: 1px solid var(--ds-color-warning-border-subtle); padding: 0 .1em; }
.issues { margin: 0; padding-inline-start: var(--ds-size-5); }
@media (max-width: 60rem) { .proposal-grid { grid-template-columns: 1fr; } }

@media (max-width: 40rem) {
  .frame { padding-inline: var(--ds-size-3); }
  /* A page's heading at a size where a long compound ("Återrapporteringsuppdrag") fits a phone's line whole. */
  main h1 { font-size: 1.625rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-block-end: var(--ds-size-2); }
  .site-nav a { padding-inline: var(--ds-size-2); }
  /* Tables stack into one card per row; each cell says which column it is. */
  .stack-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .stack-table, .stack-table tbody, .stack-table tr, .stack-table td, .stack-table tbody th { display: block; width: 100%; }
  .ds-table.stack-table { border: 0; }
  .stack-table tr { border: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle); border-radius: var(--ds-border-radius-md); margin-block-end: var(--ds-size-3); }
  .ds-table.stack-table > tbody > tr > :is(th, td) { border-bottom: 0; padding-block: var(--ds-size-1); }
  .stack-table [data-label]::before { content: attr(data-label); display: block; font-weight: var(--ds-font-weight-semibold); font-size: var(--ds-body-sm-font-size); color: var(--ds-color-neutral-text-subtle); }
  .sort-bar { display: block; }
  .ds-card { --dsc-card-padding: var(--ds-size-4); }
}
@media (min-width: 40.01rem) { .sort-bar { display: none; } }

/* On paper only: what a form's choice was (a checkbox is not printed). */
.print-only { display: none; }
@media print {
  @page { margin: 15mm 12mm; }
  /* The design system sizes text in rem: one root size scales it all for paper. */
  html { font-size: 9pt; }
  body { background: #fff; color: #000; }
  .frame { max-width: none; padding: 0; }
  .ds-skip-link, .site-nav, .site-user form, .flash, .no-print, form, .ds-details:not([open]), .pager, .exports, .sort-bar { display: none !important; }
  .site-header { background: none; border-bottom: 2px solid #000; }
  main { padding-block: var(--ds-size-4); }
  a { color: inherit; text-decoration: none; }
  .sort-link::after { content: none; }
  .ds-table tr, .cards > li, .timeline > li, .proposal-source { break-inside: avoid; }
  /* A table fits the paper's width: a scrolling wrapper would print only what is in view, so the
     columns give up the screen's title width and padding, and the text is a size smaller. */
  .table-wrap { overflow: visible; }
  .ds-table { --dsc-table-padding: var(--ds-size-1) var(--ds-size-2); font-size: 8pt; }
  .ds-table .col-title { width: auto; }
  h1, h2, h3, caption { break-after: avoid; }
  .ds-card { border-color: #888; }
  .timeline { margin-inline-start: .6rem; }
  .print-only { display: block; }
}
`;

/** A file the workspace serves under `/assets/`; its name carries a hash of its content, so it may be cached for good. */
export interface Asset {
  fileName: string;
  body: string;
  contentType: string;
}

/**
 * The one stylesheet of the workspace: Designsystemet's components and default theme (as published,
 * `design-system.json`) and the project CSS. Pages link it as `/assets/<fileName>`; its CSS needs
 * nothing beyond `style-src 'self'` and, for the design system's icons (masks), `img-src data:`.
 * Loaded only by `GET /assets/{file}` (shared/http/workspace/auth.ts): pages need only its name.
 */
export const STYLESHEET: Asset = {
  fileName: STYLESHEET_FILE_NAME,
  body: `/* ${DESIGN_SYSTEM.source} */\n${DESIGN_SYSTEM.css}\n/* Bevakning */${PROJECT_CSS}`,
  contentType: 'text/css; charset=utf-8',
};

/** The headers of `GET /assets/<fileName>`: the name changes with the content, so a year's caching is safe. */
export const ASSET_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
};
