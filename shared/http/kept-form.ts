import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import type { Clock } from '../platform/clock';
import type { RequestHeaders } from './csrf';
import { cookieHeader, readCookie, cookieName, seal, SessionRefused, unseal, type SessionSettings } from './session';

/**
 * A form posted after its session ran out, kept for sending again (SECURITY.md, "The workspace":
 * "A form sent after the session ran out"). The "Du har loggats ut" page carries what was sent and,
 * in place of the old session's form token, a ticket: sealed with the session key, naming the form's
 * address and this browser (a random id in a cookie of its own, HttpOnly, SameSite=Lax, `__Host-`),
 * valid for a working day. Sent again with a session valid then, from this site, to that address,
 * from this browser, the ticket stands for the form token. Another site can neither read the ticket
 * (it is only in the page) nor give a browser its own browser id (the cookie is this host's alone).
 */

/** How long a kept form can be sent again: a working day, as long as a session lasts. */
export const KEPT_FORM_HOURS = 8;

const ticketClaims = z.object({ browser: z.string(), path: z.string() });

/** This browser's id from its cookie, if it sent one that could be ours. */
const browserIdOf = (settings: Pick<SessionSettings, 'publicBaseUrl'>, cookies: string | undefined) => {
  const id = readCookie(cookies, cookieName(settings, 'kept-form'));
  return id && /^[A-Za-z0-9_-]{24}$/.test(id) ? id : undefined;
};

/**
 * Keeps a form for sending again to `path`: the ticket for the page's `csrf` field, and the
 * `Set-Cookie` value that names this browser (its id kept when it has one, so forms kept in two
 * tabs both stay valid). Only for a POST the browser says came from this site itself
 * (`Sec-Fetch-Site: same-origin`): undefined for any other, so another site's post is never
 * offered for sending again.
 */
export async function keepForm(settings: SessionSettings, clock: Clock, headers: RequestHeaders, path: string): Promise<{ ticket: string; setCookie: string } | undefined> {
  if (headers['sec-fetch-site'] !== 'same-origin') return undefined;
  const browser = browserIdOf(settings, headers.cookie) ?? randomBytes(18).toString('base64url');
  const ttl = KEPT_FORM_HOURS * 3600;
  const ticket = await seal(settings, clock, 'kept-form', { browser, path }, ttl);
  return { ticket, setCookie: cookieHeader(settings, 'kept-form', browser, ttl) };
}

/**
 * Whether `presented` is a kept form's ticket for `path`, sealed with this key, unexpired (by the
 * injected clock), issued to the browser whose cookie this request carries. The caller has already
 * checked the session and that the request came from this site.
 */
export async function isKeptFormTicket(settings: SessionSettings, clock: Clock, headers: RequestHeaders, path: string, presented: string): Promise<boolean> {
  const browser = browserIdOf(settings, headers.cookie);
  if (!browser) return false;
  let claims: z.infer<typeof ticketClaims>;
  try {
    const parsed = ticketClaims.safeParse(await unseal(settings, clock, 'kept-form', presented, KEPT_FORM_HOURS * 3600));
    if (!parsed.success) return false;
    claims = parsed.data;
  } catch (error) {
    if (error instanceof SessionRefused) return false;
    throw error;
  }
  const given = Buffer.from(claims.browser);
  return claims.path === path && given.length === browser.length && timingSafeEqual(given, Buffer.from(browser));
}
