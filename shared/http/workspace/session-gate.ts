import type { Clock } from '../../platform/clock';
import { checkCsrf, CsrfRefused } from '../csrf';
import { isKeptFormTicket } from '../kept-form';
import { HttpError } from '../problems';
import type { SessionGate } from '../router';
import { readSession, SessionRefused, type SessionSettings } from '../session';

/**
 * The router's gate for the workspace's `session` routes: the sealed cookie admits the caller, and
 * every POST must come from the workspace's own pages with the session's form token, or, for a form
 * kept when the session ran out, its ticket (shared/http/kept-form.ts). Refusals are
 * HTTP errors the workspace answers with pages (shared/http/workspace/respond.ts): 401
 * `session_missing`, `session_expired` or `session_invalid` (to sign-in and back), 403
 * `form_refused` (nothing changed).
 */
export function createSessionGate(settings: () => Promise<SessionSettings>, clock: Clock): SessionGate {
  return {
    async read(headers) {
      try {
        return await readSession(await settings(), clock, headers.cookie);
      } catch (error) {
        if (!(error instanceof SessionRefused)) throw error;
        throw new HttpError(401, `session_${error.reason}`, error.reason === 'expired' ? 'Inloggningen har gått ut.' : 'Logga in för att fortsätta.');
      }
    },
    async checkForm(session, headers, token, path) {
      const presented = typeof token === 'string' ? token : undefined;
      try {
        checkCsrf(await settings(), session.id, headers, presented);
      } catch (error) {
        if (!(error instanceof CsrfRefused)) throw error;
        // Same site already checked: only the token was not this session's.
        if (error.reason === 'token' && presented && (await isKeptFormTicket(await settings(), clock, headers, path, presented))) return;
        throw formRefused();
      }
    },
  };
}

export const formRefused = () => new HttpError(403, 'form_refused', 'Formuläret hör inte till den här inloggningen eller kom från en annan webbplats.');
