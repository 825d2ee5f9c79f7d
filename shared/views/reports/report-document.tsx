/** @jsxImportSource preact */
import { createHash } from 'node:crypto';
import type { ComponentChildren } from 'preact';
import { renderPage } from '../render';
import { REPORT_CONTENT_CSS } from './report-content';

/**
 * The page shell of the statistics page and the public page: a Swedish document with one inline
 * stylesheet (the shell's base and REPORT_CONTENT_CSS), the content in `<main>`, and a footer.
 * The stylesheet is allowed by its hash; the Content-Security-Policy forbids every script, every
 * outside asset (the charts are inline SVG) and every other style.
 */

const BASE_CSS = `:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #fff; }
main, .report-footer { max-width: 64rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
.lead { color: #4a4a4a; margin: 0 0 1rem; }
a { color: #0b5394; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.report-footer { color: #4a4a4a; font-size: .9rem; border-top: 1px solid #c8c8c8; margin-top: 2rem; }
@media print { main, .report-footer { max-width: none; padding: 0; } a { color: inherit; } .no-print { display: none; } }
`;
const STYLE = `${BASE_CSS}${REPORT_CONTENT_CSS}`;

/**
 * What the statistics page is sent with: no script, no outside asset, no form, never framed, no
 * Referer, never cached (it is internal). The public page replaces `cache-control` (cacheable).
 */
export const REPORT_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export interface ReportDocumentProps {
  /** The document's title (the content carries its own `<h1>`). */
  title: string;
  /** The footer line. */
  footer: string;
  /** Whether search engines may index it: the public page, not the internal reports. */
  indexable?: boolean;
  children: ComponentChildren;
}

/** The whole HTML document for `children`, with `<!doctype html>`; user text is escaped and cleaned (renderPage). */
export function reportDocument({ title, footer, indexable = false, children }: ReportDocumentProps): string {
  return renderPage(
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        {!indexable && <meta name="robots" content="noindex, nofollow" />}
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <main>{children}</main>
        <footer class="report-footer">
          <p>{footer}</p>
        </footer>
      </body>
    </html>,
  );
}
