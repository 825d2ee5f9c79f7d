import { escapeHtml, oneLine } from './text';
import type { RenderedEmail } from './reminder';

/** The email with a new link to a page, asked for from an expired one. */
export function renderFreshLinkEmail(input: { url: string; expires: string; unit?: string | undefined }): RenderedEmail {
  const what = input.unit ? `enhetens lista (${oneLine(input.unit, 100)})` : 'dina ärenden';
  const subject = input.unit ? 'Ny länk till enhetens försenade ärenden' : 'Ny länk till Mina ärenden';
  const text = [
    'Hej!',
    '',
    `Här är en ny länk till ${what}. Den gäller till och med ${input.expires}.`,
    '',
    input.url,
    '',
    'Länken är personlig: vidarebefordra den inte. Bad du inte om en ny länk kan du bortse från det här meddelandet.',
  ].join('\n');
  const html = `<!doctype html><html lang="sv"><body>
<p>Hej!</p>
<p>Här är en ny länk till ${escapeHtml(what)}. Den gäller till och med ${escapeHtml(input.expires)}.</p>
<p><a href="${escapeHtml(input.url)}">Öppna ${escapeHtml(what)}</a></p>
<p>Länken är personlig: vidarebefordra den inte. Bad du inte om en ny länk kan du bortse från det här meddelandet.</p>
</body></html>`;
  return { subject, text, html };
}
