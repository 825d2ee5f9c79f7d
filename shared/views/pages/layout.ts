import { createHash } from 'node:crypto';
import { html, raw, type Html } from './html';

/**
 * The one stylesheet of the pages, inline and allowed by its hash: the Content-Security-Policy
 * then forbids every script, every outside asset and every other style.
 */
const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b5394; --late: #a4161a; --soon: #7a4b00; --bg: #fff; --panel: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 3px solid var(--accent); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
a { color: var(--accent); }
.lead { color: var(--muted); margin: 0; }
.message { border-left: 4px solid var(--accent); background: var(--panel); padding: .75rem 1rem; margin: 1rem 0; }
.message:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.message.error { border-color: var(--late); }
ol.items { list-style: none; margin: 0; padding: 0; }
.item { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 0 0 1rem; }
.days { font-weight: 700; margin: 0 0 .5rem; }
.late, .days.late { color: var(--late); }
.soon, .days.soon { color: var(--soon); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 .75rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: break-word; hyphens: auto; }
.pending { background: var(--panel); padding: .5rem .75rem; margin: 0 0 .75rem; border-radius: 4px; }
details { border-top: 1px solid var(--line); padding: .5rem 0 0; margin-top: .5rem; }
summary { cursor: pointer; font-weight: 600; color: var(--accent); padding: .25rem 0; }
form { margin: .5rem 0; }
label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
textarea, input[type=date], input[type=text], select { width: 100%; max-width: 32rem; font: inherit; padding: .4rem; border: 1px solid #6b6b6b; border-radius: 4px; }
textarea { min-height: 4.5rem; }
button { font: inherit; font-weight: 600; margin-top: .5rem; padding: .5rem 1rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
caption { text-align: left; }
caption h2 { margin: 1.5rem 0 .5rem; }
tbody th { font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; margin: 0 0 1rem; }
.filters select { width: auto; }
@media (max-width: 40rem) { table, caption, tbody, tr, th, td { display: block; } thead { position: absolute; left: -9999px; } tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; padding: .25rem 0; } th, td { border: 0; } td[data-label]::before { content: attr(data-label); display: block; font-size: .85rem; font-weight: 600; color: var(--muted); } }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
.address { overflow-wrap: normal; hyphens: manual; word-break: normal; }
.hint { color: var(--muted); font-size: .9em; margin: .25rem 0; }
.error-summary { border: 3px solid var(--late); padding: .5rem 1rem; margin: .5rem 0 1rem; }
.error-summary:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.error-summary h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--late); font-weight: 600; }
.field.invalid { border-left: 4px solid var(--late); padding-left: .75rem; }
.field-error { color: var(--late); font-weight: 600; margin: .25rem 0; }
.field.invalid textarea, .field.invalid input { border: 2px solid var(--late); }
footer { color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); margin-top: 2rem; }
@media (max-width: 32rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .25rem; } }
@media print { details, form, .no-print { display: none; } .item { break-inside: avoid; } header { border-color: #000; } a { color: inherit; } table { font-size: .8rem; } th, td { padding: .25rem .3rem; } tr { break-inside: avoid; } }
table.report th, table.report td { overflow-wrap: break-word; } table.report .hint { font-size: .9em; } table.report .date { white-space: nowrap; }
@media print { table.report { font-size: .75rem; } table.report th, table.report td { padding: .25rem .3rem; } table.report tr { break-inside: avoid; } }
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * What a signed page sends with every answer: no script at all, no outside asset, forms only to
 * this site, never framed, never cached, and no Referer (the link in the address is a secret).
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src ${STYLE_HASH}; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export interface PageContent {
  title: string;
  /** A line under the heading: whom the page is for, until when the link works. */
  lead?: Html | string;
  body: Html;
  /** The footer line; without it, the one about personal email links. */
  footer?: Html | string;
}

export function document(page: PageContent): string {
  return html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${page.title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header><h1>${page.title}</h1>${page.lead ? html`<p class="lead">${page.lead}</p>` : ''}</header>
<main>
${page.body}
</main>
<footer><p>${page.footer ?? 'Uppföljning av politiska beslut. Länken i ditt e-postmeddelande är personlig: vidarebefordra den inte.'}</p></footer>
</body>
</html>
`.value;
}
