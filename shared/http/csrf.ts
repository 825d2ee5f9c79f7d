import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { SessionSettings } from './session';

/**
 * Cross-site request forgery, refused twice over for every POST of the workspace: the request must
 * come from the workspace's own pages (`Origin`, `Sec-Fetch-Site`), and its form must carry the
 * token bound to the session (an HMAC of the session id), which another site cannot read.
 */

/** Why a POST was refused; the wiring shows a Swedish page ("Formuläret kunde inte tas emot") and changes nothing. */
export class CsrfRefused extends Error {
  constructor(readonly reason: 'cross-site' | 'token') {
    super(`form refused: ${reason}`);
    this.name = 'CsrfRefused';
  }
}

/** Request headers with lower-case names (as the HTTP layer normalizes them). */
export type RequestHeaders = Readonly<Record<string, string | undefined>>;

/** The form-token key, derived from the session key so the same secret is never used for two things. */
function tokenKey(key: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'bevakning workspace csrf', 32));
}

/** The form token of a session: every POST form of its pages carries it (`csrf`). */
export function csrfToken(settings: Pick<SessionSettings, 'key'>, sessionId: string): string {
  return createHmac('sha256', tokenKey(settings.key)).update(sessionId).digest('base64url');
}

/**
 * Refuses a request another site sent: `Sec-Fetch-Site` other than `same-origin` (or `none`, a
 * person's own navigation), or an `Origin` other than the workspace's. Under the pages'
 * `Referrer-Policy: no-referrer` browsers send `Origin: null` for the site's own forms, which tells
 * nothing either way; browsers that send neither header are left to the form token. Also for the
 * local sign-in form, before there is a session.
 */
export function checkSameOrigin(settings: Pick<SessionSettings, 'publicBaseUrl'>, headers: RequestHeaders): void {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new CsrfRefused('cross-site');
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null' && origin !== new URL(settings.publicBaseUrl).origin) throw new CsrfRefused('cross-site');
}

/** Every POST of a signed-in page: from this site, and with the session's form token. Throws CsrfRefused. */
export function checkCsrf(settings: SessionSettings, sessionId: string, headers: RequestHeaders, presented: string | undefined): void {
  checkSameOrigin(settings, headers);
  const expected = Buffer.from(csrfToken(settings, sessionId), 'base64url');
  const given = Buffer.from(presented ?? '', 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new CsrfRefused('token');
}
