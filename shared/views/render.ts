import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { cleanText } from '../domain/text';

/**
 * What every workspace page is sent with: its one stylesheet from this site and the design
 * system's inline SVG icons (`data:`), no script at all, forms only to this site, never framed,
 * never cached (pages show personal data), and no Referer to other sites (as the pages under /p/).
 */
export const WORKSPACE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/**
 * A page as the HTML document to send. preact escapes every text and attribute; as in the emails,
 * no bidi override, zero-width or control character from user text reaches the page either.
 */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${cleanText(renderToString(page))}`;
}
