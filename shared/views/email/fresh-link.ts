import { emailLink, escapeHtml, htmlEmail } from './text';
import { oneLine } from '../../domain/text';
import type { RenderedEmail } from './reminder';

/** The email with a new link to a page, asked for from an expired one. */
export function renderFreshLinkEmail(input: { url: string; expires: string; unit?: string | undefined }): RenderedEmail {
  const what = input.unit ? `enhetens lista (${oneLine(input.unit, 100)})` : 'dina ärenden';
  const subject = input.unit ? 'Ny länk till enhetens försenade ärenden' : 'Ny länk till Mina ärenden';
  const lead = `Här är en ny länk till ${what}. Den gäller till och med ${input.expires}.`;
  const footer = 'Länken är personlig: vidarebefordra den inte. Bad du inte om en ny länk kan du bortse från det här meddelandet.';
  const text = ['Hej!', '', lead, '', input.url, '', '-- ', footer, ''].join('\n');
  const html = htmlEmail(
    subject,
    [
      '<p style="margin:0 0 16px">Hej!</p>',
      `<p style="margin:0 0 16px">${escapeHtml(lead)}</p>`,
      `<p style="margin:0 0 16px">${emailLink(input.url, `Öppna ${what}`, 'color:#0b57d0;font-weight:bold')}</p>`,
    ],
    footer,
  );
  return { subject, text, html };
}
