const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The URL if it is http(s), so a `javascript:` or `data:` link can never reach an `href`. */
export function safeHref(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link in an email's HTML part. It opens in a tab of its own: a web inbox that shows mail in a
 * frame (the local one does) would otherwise try to open the page inside that frame, which the
 * pages forbid (`frame-ancestors 'none'`). `href` must already be `safeHref`'s; `text` is escaped.
 */
export function emailLink(href: string, text: string, style = 'color:#0b57d0'): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener" style="${style}">${escapeHtml(text)}</a>`;
}

/**
 * The HTML part of every email: a single column that reads on a phone, inline styles only (mail
 * clients drop style sheets), the footer set off below. `content` is markup already escaped.
 */
export function htmlEmail(subject: string, content: string[], footer: string): string {
  return [
    '<!doctype html>',
    '<html lang="sv">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto">',
    ...content,
    `<p style="margin:24px 0 0;padding-top:8px;border-top:1px solid #cccccc;font-size:14px;color:#555555">${escapeHtml(footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
