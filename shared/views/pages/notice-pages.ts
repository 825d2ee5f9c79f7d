import { html, type Html } from './html';
import { document } from './layout';

/**
 * Pages that show no item data: a link that does not work, an expired one (with the way to a
 * fresh one), a sent fresh link, and errors. `toPage` is the relative path back to the page the
 * link opens, so the answer works at any depth under /p/.
 */
function notice(title: string, body: Html): string {
  return document({ title, body });
}

export function invalidLinkPage(): string {
  return notice(
    'Länken fungerar inte',
    html`<p>Länken är ogiltig: den kan ha ändrats, kortats av när den kopierades, eller ersatts av en nyare.</p>
<p>Använd länken i det senaste e-postmeddelandet om dina ärenden. Fungerar ingen länk, kontakta registratorn på kansliet.</p>`,
  );
}

/** `ttlDays`: how long a link works (`LINK_TTL_DAYS`), as the page says. */
export function expiredLinkPage(input: { toPage: string; csrf: string; ttlDays: number }): string {
  return notice(
    'Länken har gått ut',
    html`<p>Länkarna i e-postmeddelandena gäller i ${input.ttlDays} ${input.ttlDays === 1 ? 'dag' : 'dagar'}. Den här har gått ut, så ingen information visas.</p>
<form method="post" action="${input.toPage}/new-link">
<input type="hidden" name="csrf" value="${input.csrf}">
<p>Vi kan skicka en ny länk till den e-postadress som länken gällde.</p>
<button type="submit">Skicka en ny länk till min e-post</button>
</form>`,
  );
}

export function freshLinkSentPage(outcome: 'sent' | 'limited'): string {
  return outcome === 'sent'
    ? notice('En ny länk är skickad', html`<p>Vi har skickat en ny länk till din e-postadress. Den kommer inom några minuter.</p>`)
    : notice(
        'För många nya länkar i dag',
        html`<p>Du har redan fått flera nya länkar i dag. Använd den senaste, eller vänta till i morgon.</p>`,
      );
}

export function errorPage(input: { title: string; text: string; toPage?: string }): string {
  return notice(input.title, html`<p>${input.text}</p>${input.toPage ? html`<p><a href="${input.toPage}">Tillbaka till sidan</a></p>` : ''}`);
}
