import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFromIdToken, createOidcSignIn, SignInFailed, type OidcConfig } from '../../shared/http/sign-in';
import { fixedClock, systemClock, type Clock } from '../../shared/platform/clock';
import { readSession, seal, startSession, type SessionSettings } from '../../shared/http/session';
import { startTestProvider, throughProvider as browserAtProvider, type TestProvider } from '../support/oidc-provider';

/**
 * The deployed sign-in, run end to end against a real identity provider: oidc-provider 9 on a free
 * loopback port, issuing RS256-signed ID tokens, with PKCE required. openid-client talks to it over
 * HTTP exactly as it would to Entra ID (http is allowed on loopback only).
 */

const REDIRECT = 'http://localhost:3000/logga-in/callback';
const session: SessionSettings = { key: new Uint8Array(randomBytes(32)), publicBaseUrl: 'http://localhost:3000' };

let provider: TestProvider;
let issuer: string;

beforeAll(async () => {
  provider = await startTestProvider(REDIRECT);
  issuer = provider.issuer;
});

afterAll(async () => provider?.stop());

const config = (): OidcConfig => ({
  issuer: new URL(issuer),
  clientId: provider.clientId,
  clientSecret: async () => provider.clientSecret,
  redirectUri: new URL(REDIRECT),
});

/** The browser at the provider, until it is sent back to the workspace. */
const throughProvider = (authorizationUrl: URL) => browserAtProvider(authorizationUrl.href, REDIRECT);

/** The cookie header the browser sends back for a `Set-Cookie`. */
const sentBack = (setCookie: string) => setCookie.split(';')[0]!;

async function failure(promise: Promise<unknown>): Promise<SignInFailed> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInFailed);
  return error as SignInFailed;
}

describe('signing in to the workspace with OpenID Connect (code flow with PKCE)', () => {
  it('signs a registrar in with a real RS256 ID token, and the session carries the same caller as the API reads', async () => {
    provider.signInAs({ email: 'Kim.Berg@Kommun.Example.se', name: 'Kim Berg', roles: ['registrar'], unit: 'Kommunledningskontoret' });
    const signIn = createOidcSignIn(config(), session, systemClock);

    const { redirectTo, setCookie } = await signIn.start('/arenden/3f2a');
    expect(redirectTo.origin).toBe(issuer);
    expect(Object.fromEntries(redirectTo.searchParams)).toMatchObject({
      client_id: 'bevakning-arbetsyta',
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
    });
    expect(redirectTo.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(redirectTo.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(redirectTo.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    // The transaction waits in a sealed cookie: no state, nonce or verifier in clear text.
    expect(setCookie).toMatch(/^bevakning-inloggning=\S+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(setCookie).not.toContain(redirectTo.searchParams.get('state')!);

    const callback = await throughProvider(redirectTo);
    expect(callback.get('code')).toBeTruthy();
    const result = await signIn.finish(callback, `annan=1; ${sentBack(setCookie)}`);
    expect(result).toEqual({
      caller: { who: 'kim.berg@kommun.example.se', roles: new Set(['registrar']), unit: 'Kommunledningskontoret' },
      name: 'Kim Berg',
      returnTo: '/arenden/3f2a',
      clearCookie: 'bevakning-inloggning=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    });

    const started = await startSession(session, systemClock, result.caller, result.name);
    expect((await readSession(session, systemClock, sentBack(started.setCookie))).caller).toEqual(result.caller);
  });

  it('reads who from preferred_username when the token has no email, and grants only exact role values', async () => {
    provider.signInAs({ preferred_username: 'sam.ek@kommun.example.se', roles: ['registrar ', 'official registrar', 'manager', 'Admin'], unit: 'Socialförvaltningen' });
    const signIn = createOidcSignIn(config(), session, systemClock);
    const { redirectTo, setCookie } = await signIn.start();
    const result = await signIn.finish(await throughProvider(redirectTo), sentBack(setCookie));
    expect(result.caller).toEqual({ who: 'sam.ek@kommun.example.se', roles: new Set(['manager']), unit: 'Socialförvaltningen' });
    expect(result.returnTo).toBeUndefined();
  });

  it('refuses a code exchanged without the verifier of its challenge (PKCE)', async () => {
    provider.signInAs({ email: 'kim.berg@kommun.example.se', roles: ['admin'] });
    const signIn = createOidcSignIn(config(), session, systemClock);
    const { redirectTo } = await signIn.start();
    const callback = await throughProvider(redirectTo);
    // Right state and nonce, but a verifier that does not hash to the challenge sent.
    const forged = await seal(session, systemClock, 'sign-in', { state: redirectTo.searchParams.get('state'), nonce: redirectTo.searchParams.get('nonce'), verifier: 'x'.repeat(43) }, 600);
    const refused = await failure(signIn.finish(callback, `bevakning-inloggning=${forged}`));
    expect(refused.reason).toBe('invalid_response');
    // The provider itself refused the code: the verifier does not match the challenge.
    expect(refused.cause).toMatchObject({ error: 'invalid_grant', status: 400 });
  });

  it("refuses a callback whose state is not the browser's own transaction (a code planted from elsewhere)", async () => {
    provider.signInAs({ email: 'kim.berg@kommun.example.se', roles: ['registrar'] });
    const signIn = createOidcSignIn(config(), session, systemClock);
    const attacker = await signIn.start();
    const victim = await signIn.start();
    const attackersCode = await throughProvider(attacker.redirectTo);
    const refused = await failure(signIn.finish(attackersCode, sentBack(victim.setCookie)));
    expect(refused.reason).toBe('invalid_response');
    expect(String((refused.cause as Error).cause)).toMatch(/unexpected "state" response parameter value/);
  });

  it('refuses a callback without the transaction cookie', async () => {
    const signIn = createOidcSignIn(config(), session, systemClock);
    const { redirectTo } = await signIn.start();
    expect((await failure(signIn.finish(await throughProvider(redirectTo), undefined))).reason).toBe('no_transaction');
  });

  it('refuses a callback more than 10 minutes after the sign-in started', async () => {
    provider.signInAs({ email: 'kim.berg@kommun.example.se', roles: ['registrar'] });
    const signIn = createOidcSignIn(config(), session, systemClock);
    const { redirectTo, setCookie } = await signIn.start();
    const callback = await throughProvider(redirectTo);
    const later = createOidcSignIn(config(), session, fixedClock(new Date(Date.now() + 11 * 60_000)));
    expect((await failure(later.finish(callback, sentBack(setCookie)))).reason).toBe('expired');
  });

  it('says the provider refused when it answers with an error (the person cancelled)', async () => {
    const signIn = createOidcSignIn(config(), session, systemClock);
    const { redirectTo, setCookie } = await signIn.start();
    const denied = new URLSearchParams({ error: 'access_denied', error_description: 'End-User aborted interaction', state: redirectTo.searchParams.get('state')!, iss: issuer });
    const refused = await failure(signIn.finish(denied, sentBack(setCookie)));
    expect(refused.reason).toBe('refused');
    expect(refused.cause).toMatchObject({ error: 'access_denied' });
  });

  it('checks the ID token against the injected clock: two hours ahead, a token valid for one hour is refused', async () => {
    provider.signInAs({ email: 'kim.berg@kommun.example.se', roles: ['registrar'] });
    const ahead: Clock = () => new Date(Date.now() + 2 * 3600_000);
    const signIn = createOidcSignIn(config(), session, ahead);
    const { redirectTo, setCookie } = await signIn.start();
    const refused = await failure(signIn.finish(await throughProvider(redirectTo), sentBack(setCookie)));
    expect(refused.reason).toBe('invalid_response');
    expect(String((refused.cause as Error).cause)).toMatch(/"exp" \(expiration time\) claim value, expiration is past current timestamp/);
  });

  it('allows plain http only for an identity provider on the loopback interface', () => {
    expect(() => createOidcSignIn({ ...config(), issuer: new URL('http://login.kommun.example.se/') }, session, systemClock)).toThrow(/must use https/);
  });
});

describe('the caller an ID token names', () => {
  it.each([
    ['email first', { email: 'Kim.Berg@kommun.example.se', preferred_username: 'kb@kommun.example.se', upn: 'x@kommun.example.se' }, 'kim.berg@kommun.example.se'],
    ['then preferred_username', { preferred_username: 'kb@kommun.example.se', upn: 'x@kommun.example.se' }, 'kb@kommun.example.se'],
    ['then upn', { email: '', preferred_username: 'KBERG', upn: 'kim.berg@kommun.example.se' }, 'kim.berg@kommun.example.se'],
  ])('who: %s', (_, claims, who) => {
    expect(callerFromIdToken(claims).caller.who).toBe(who);
  });

  it('refuses a token that names no e-mail address', () => {
    expect(() => callerFromIdToken({ sub: 'abc', preferred_username: 'KBERG' })).toThrow(new SignInFailed('no_email'));
  });

  it.each([
    ['exact values', ['registrar', 'admin'], ['registrar', 'admin']],
    ['a value with a space after it', ['registrar '], []],
    ['two words in one value', ['official registrar'], []],
    ['another case', ['Registrar', 'ADMIN'], []],
    ['a string instead of an array', 'registrar', []],
    ['a nested array', [['registrar']], []],
    ['a nested array beside a good value', ['manager', ['admin']], []],
    ['a number among them', ['registrar', 1], []],
    ['no roles claim', undefined, []],
  ])('roles: %s', (_, roles, granted) => {
    expect([...callerFromIdToken({ email: 'kim.berg@kommun.example.se', roles }).caller.roles]).toEqual(granted);
  });
});
