import * as client from 'openid-client';
import type { Caller } from '../domain/caller';
import { callerFromPayload } from './caller';
import type { Clock } from '../platform/clock';
import { cookieHeader, cookieName, clearingCookieHeader, readCookie, safeReturnPath, seal, SessionRefused, unseal, type SessionSettings } from './session';

/**
 * Signing in to the workspace, deployed: OpenID Connect's authorization code flow with PKCE against
 * the municipality's Entra ID (the same app whose tokens the API accepts), through openid-client.
 * State, nonce and the PKCE verifier wait in a sealed cookie for 10 minutes; the callback exchanges
 * the code and reads the ID token's claims as the same caller the API reads from an access token.
 */

export interface OidcConfig {
  /** The issuer, e.g. `https://login.microsoftonline.com/<tenant>/v2.0`; discovery starts from it. */
  issuer: URL;
  clientId: string;
  /** The client secret, read when needed (deployed, from Secrets Manager; the reader should cache it). */
  clientSecret: () => Promise<string>;
  /** The registered redirect URI: the workspace's `/logga-in/callback`. */
  redirectUri: URL;
}

/**
 * Why a sign-in did not complete; the wiring shows "Inloggningen misslyckades" with a way to try
 * again. `no_transaction`: the callback came without our cookie (another browser, or forged);
 * `expired`: more than 10 minutes passed; `refused`: the identity provider said no (the person
 * cancelled, or has no access); `invalid_response`: state, code, PKCE or ID token did not check
 * out; `no_email`: the ID token names no e-mail address.
 */
export class SignInFailed extends Error {
  constructor(
    readonly reason: 'no_transaction' | 'expired' | 'refused' | 'invalid_response' | 'no_email',
    options?: { cause?: unknown },
  ) {
    super(`sign-in failed: ${reason}`, options);
    this.name = 'SignInFailed';
  }
}

/** How long a sign-in may take at the identity provider. */
const TRANSACTION_SECONDS = 600;
const SCOPE = 'openid profile email';

/**
 * The caller an ID token names, read exactly as the API reads an access token's claims
 * (`callerFromPayload`: who, exact roles, a manager's unit), and the person's name.
 */
export function callerFromIdToken(claims: Record<string, unknown>): { caller: Caller; name?: string } {
  let caller: Caller;
  try {
    caller = callerFromPayload(claims);
  } catch {
    throw new SignInFailed('no_email');
  }
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : undefined;
  return { caller, ...(name ? { name } : {}) };
}

export interface OidcSignIn {
  /** The address to send the browser to, and the `Set-Cookie` holding the transaction. */
  start(returnTo?: string): Promise<{ redirectTo: URL; setCookie: string }>;
  /**
   * The callback (`/logga-in/callback?code=…&state=…`): its query and the request's `Cookie` header.
   * Answers the caller, the name, where to go back to, and the `Set-Cookie` that clears the
   * transaction; throws SignInFailed.
   */
  finish(query: URLSearchParams, cookies: string | undefined): Promise<{ caller: Caller; name?: string; returnTo?: string; clearCookie: string }>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The sign-in against one issuer. Plain http is allowed only for an issuer on the loopback
 * interface (a test identity provider); anything else must be https. Discovery happens once and is
 * retried after a failure; the ID token's times are checked against the injected clock.
 */
export function createOidcSignIn(config: OidcConfig, session: SessionSettings, clock: Clock): OidcSignIn {
  const insecure = config.issuer.protocol === 'http:';
  if (insecure && !LOOPBACK.has(config.issuer.hostname)) throw new Error(`The identity provider must use https: ${config.issuer.origin}`);
  let discovered: Promise<client.ServerMetadata> | undefined;
  const metadata = () => {
    if (!discovered) {
      discovered = client
        .discovery(config.issuer, config.clientId, undefined, undefined, insecure ? { execute: [client.allowInsecureRequests] } : {})
        .then((c) => c.serverMetadata());
      // A failed discovery (the provider down) is tried again on the next sign-in.
      discovered.catch(() => {
        discovered = undefined;
      });
    }
    return discovered;
  };
  /** A configuration per sign-in: the secret as it now is, and "now" as the injected clock says. */
  const configuration = async (secret?: string) => {
    const skew = Math.round((clock().getTime() - Date.now()) / 1000);
    const c = new client.Configuration(await metadata(), config.clientId, { [client.clockSkew]: skew }, client.ClientSecretPost(secret));
    if (insecure) client.allowInsecureRequests(c);
    return c;
  };

  return {
    async start(returnTo) {
      const state = client.randomState();
      const nonce = client.randomNonce();
      const verifier = client.randomPKCECodeVerifier();
      const back = safeReturnPath(returnTo);
      const redirectTo = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri.href,
        scope: SCOPE,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const sealed = await seal(session, clock, 'sign-in', { state, nonce, verifier, ...(back ? { returnTo: back } : {}) }, TRANSACTION_SECONDS);
      return { redirectTo, setCookie: cookieHeader(session, 'sign-in', sealed, TRANSACTION_SECONDS) };
    },

    async finish(query, cookies) {
      const sealed = readCookie(cookies, cookieName(session, 'sign-in'));
      if (!sealed) throw new SignInFailed('no_transaction');
      let transaction: Record<string, unknown>;
      try {
        transaction = await unseal(session, clock, 'sign-in', sealed, TRANSACTION_SECONDS);
      } catch (error) {
        throw new SignInFailed(error instanceof SessionRefused && error.reason === 'expired' ? 'expired' : 'no_transaction', { cause: error });
      }
      const { state, nonce, verifier, returnTo } = transaction;
      if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string') throw new SignInFailed('no_transaction');
      // The URL as registered, whatever host the request came in through: openid-client sends it as redirect_uri.
      const callback = new URL(config.redirectUri);
      callback.search = query.toString();
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(await configuration(await config.clientSecret()), callback, {
          pkceCodeVerifier: verifier,
          expectedState: state,
          expectedNonce: nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        throw new SignInFailed(error instanceof client.AuthorizationResponseError ? 'refused' : 'invalid_response', { cause: error });
      }
      if (!claims) throw new SignInFailed('invalid_response');
      const back = typeof returnTo === 'string' ? safeReturnPath(returnTo) : undefined;
      return { ...callerFromIdToken(claims), ...(back ? { returnTo: back } : {}), clearCookie: clearingCookieHeader(session, 'sign-in') };
    },
  };
}
