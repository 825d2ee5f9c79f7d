import * as z from 'zod';
import { KINDS } from '../../domain/items/vocabulary';
import { PAGE_FORMS } from '../../views/pages/forms';
import { route } from '../contract';

// A token that is no link answers the page "Länken fungerar inte", whatever its length.
const token = z.object({ token: z.string().meta({ description: 'The signed link (a secret: never logged)' }) });
const tokenAndItem = token.extend({ id: z.string() });
const page = (description: string) => ({ description, types: ['text/html'] as const });
const actionResponses = {
  303: { description: "Back to the page (`Location` relative), with `?m=` naming the outcome: the action's name, `closed` or `missing`" },
  400: page('The page itself, the refused form open with what was typed and a Swedish message beside each field at fault; nothing stored'),
  403: page('The form token does not belong to this link, or a cross-site request'),
  404: page("Altered, rotated-out or unknown link, or a manager's link"),
  410: page('Expired link'),
} as const;
/**
 * A page's form as the router takes it: its fields, each once. What a wrong value means is the
 * page's to say (a message on the page, not an error page), so `PAGE_FORMS` is applied by the handler.
 */
const fields = (form: keyof typeof PAGE_FORMS) =>
  z.record(z.string(), z.string()).meta({ description: `Fields: ${Object.keys(PAGE_FORMS[form].shape).join(', ')}` });

const action = (path: `/p/{token}/uppdrag/{id}/${string}`, form: keyof typeof PAGE_FORMS, summary: string, description: string) =>
  route({
    method: 'POST',
    path,
    function: 'pages',
    access: 'link',
    pages: true,
    summary,
    description: `${description} Needs the page's form token (\`csrf\`, bound to the link); answers 303 back to the page with a message code, or 400 with the page and the form to correct.`,
    params: tokenAndItem,
    body: { form: fields(form) },
    responses: actionResponses,
  });

/** The pages people open from a link in an email: the signed link is the credential. */
export const PAGES_ROUTES = [
  route({
    method: 'GET',
    path: '/p/{token}',
    function: 'pages',
    access: 'link',
    pages: true,
    summary: "Mina ärenden: an official's open items, opened from a reminder",
    description:
      'The page an email links to. Swedish HTML, server-rendered, no script, printable. For an official\'s link (from a reminder): "Mina ärenden", their open items, most urgent first, with forms to act on each. For a manager\'s link (from the weekly overview or an escalation): "Försenat och på väg", the unit\'s overdue items and those due within 14 days, read-only, filterable by kind (`typ`) and official (`ansvarig`), sortable (`sortera`). The signed link is the credential (HMAC-SHA256 with a key id, 14 days, naming the person and, for a manager, the unit): no token, and API Gateway\'s JWT authorizer is not on this route. An altered or rotated-out link answers 404 and an expired one 410, both with no data; the 410 page offers a fresh link to the address on file. Headers: a strict Content-Security-Policy, `Referrer-Policy: no-referrer`, `Cache-Control: no-store`.',
    params: token,
    // A page is lenient with its query: an unknown filter shows the whole list, never an error page.
    query: z.object({
      m: z.string().optional().meta({ description: "Official's page: which message to show after an action (a code, never text)" }),
      typ: z.string().optional().meta({ description: `Unit page: only this kind (${KINDS.join(', ')})` }),
      ansvarig: z.string().optional().meta({ description: "Unit page: only this official's items (email)" }),
      sortera: z.string().optional().meta({ description: 'Unit page: order: forsening (default), tidsfrist, ansvarig, typ' }),
      arende: z.string().optional().meta({ description: "Official's page: the item the message is about, linked from it" }),
    }),
    responses: { 200: page('Mina ärenden, or Försenat och på väg'), 404: page('Altered, rotated-out or unknown link: no data'), 410: page('Expired link: no data, a button for a fresh link') },
  }),
  action('/p/{token}/uppdrag/{id}/done', 'done', 'Markera som klart: close an own item with a note', 'Markera som klart: closes the item exactly as `PATCH` with `status: done` and the note would, by the official, with history `via: e-postlänk`.'),
  action(
    '/p/{token}/uppdrag/{id}/extension',
    'extension',
    'Begär förlängning: ask the registrar for a later deadline',
    'Begär förlängning: records a pending request (history `extension_requested`) shown to registrars in `GET /uppdrag?extensionRequested=true` and in their next email. A registrar grants it by changing the deadline with a reason, or refuses it with `PATCH {"extensionRequest": "refused", "reason": …}`; the official is told in their next email.',
  ),
  action('/p/{token}/uppdrag/{id}/status-report', 'status-report', 'Lämna lägesrapport: a short status note on the record', "Lämna lägesrapport: a short status note kept in history (`status_report`); the latest is the item's `statusReport`, shown in lists and reports. The same note twice in a row (a reload, a double click) is kept once."),
  action('/p/{token}/uppdrag/{id}/not-mine', 'not-mine', 'Inte mitt ärende: ask the registrar to reassign', "Inte mitt ärende: history `not_mine`, the item's `reassignRequest`, and a line in the registrar's next email; cleared when the responsible official changes."),
  route({
    method: 'POST',
    path: '/p/{token}/new-link',
    function: 'pages',
    access: 'link',
    pages: true,
    summary: 'Email a fresh link to the address an expired link was made for',
    description: 'Emails a fresh link to the address an authentic (typically expired) link was made for: the address on file, never one typed in. At most 3 a day per address.',
    params: token,
    body: { form: fields('new-link') },
    responses: { 200: page('Sent'), 403: page('The form token does not belong to this link'), 404: page('Altered or unknown link'), 429: page('Three fresh links already today') },
  }),
] as const;
