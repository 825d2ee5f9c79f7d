import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/domain/caller';
import { fixedClock } from '../../shared/platform/clock';
import { checkCsrf, checkSameOrigin, csrfToken, CsrfRefused } from '../../shared/http/csrf';
import {
  endSession,
  readCookie,
  readSession,
  safeReturnPath,
  seal,
  sessionKeyFrom,
  SessionRefused,
  startSession,
  type SessionSettings,
} from '../../shared/http/session';

const key = () => new Uint8Array(randomBytes(32));
const deployed: SessionSettings = { key: key(), publicBaseUrl: 'https://bevakning.kommun.example.se' };
const local: SessionSettings = { key: deployed.key, publicBaseUrl: 'http://localhost:3000' };
const clerk: Caller = { who: 'registrator@kommun.example.se', roles: new Set(['registrar']) };
const manager: Caller = { who: 'eva.lind@kommun.example.se', roles: new Set(['manager']), unit: 'Miljö- och samhällsbyggnadsförvaltningen' };

/** Monday 3 May 2027, 08:00 Stockholm time: the start of a working day. */
const morning = fixedClock('2027-05-03T08:00:00+02:00');

/** The cookie header a browser sends back for a `Set-Cookie`. */
const sentBack = (setCookie: string) => setCookie.split(';')[0]!;

async function expectRefused(promise: Promise<unknown>, reason: SessionRefused['reason']) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SessionRefused);
  expect((error as SessionRefused).reason).toBe(reason);
}

describe('the workspace session cookie', () => {
  it('carries the caller, encrypted, HttpOnly, Secure, SameSite=Lax, Path=/ and for 8 hours', async () => {
    const { session, setCookie } = await startSession(deployed, morning, manager, 'Eva Lind');
    expect(setCookie).toMatch(/^__Host-bevakning-session=[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    // Sealed, not signed: the cookie does not show whose it is.
    expect(setCookie).not.toContain('eva.lind');
    expect(Buffer.from(sentBack(setCookie).split('=')[1]!.split('.')[0]!, 'base64url').toString()).toBe('{"alg":"dir","enc":"A256GCM"}');
    expect(session.expiresAt.toISOString()).toBe('2027-05-03T14:00:00.000Z');

    const read = await readSession(deployed, fixedClock('2027-05-03T15:59:00+02:00'), `theme=light; ${sentBack(setCookie)}`);
    expect(read).toEqual({ id: session.id, caller: manager, name: 'Eva Lind', expiresAt: new Date('2027-05-03T14:00:00.000Z') });
  });

  it('is not Secure on http://localhost, and has no __Host- prefix there', async () => {
    const { setCookie } = await startSession(local, morning, clerk);
    expect(setCookie).toMatch(/^bevakning-session=\S+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('refuses a workspace on plain http anywhere but localhost', async () => {
    await expect(startSession({ key: key(), publicBaseUrl: 'http://bevakning.kommun.example.se' }, morning, clerk)).rejects.toThrow(/needs https/);
  });

  it('is refused as expired 8 hours after sign-in, by the injected clock', async () => {
    const { setCookie } = await startSession(deployed, morning, clerk);
    await expectRefused(readSession(deployed, fixedClock('2027-05-03T16:00:01+02:00'), sentBack(setCookie)), 'expired');
  });

  it('is refused as invalid when tampered with', async () => {
    const { setCookie } = await startSession(deployed, morning, clerk);
    const cookie = sentBack(setCookie);
    const [name, value] = cookie.split('=') as [string, string];
    const parts = value.split('.');
    // Flip one character of the ciphertext: AES-GCM's tag no longer matches.
    const ciphertext = parts[3]!;
    parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
    await expectRefused(readSession(deployed, morning, `${name}=${parts.join('.')}`), 'invalid');
  });

  it('is refused as invalid when sealed with another key', async () => {
    const { setCookie } = await startSession({ ...deployed, key: key() }, morning, clerk);
    await expectRefused(readSession(deployed, morning, sentBack(setCookie)), 'invalid');
  });

  it('is refused as invalid when a sign-in transaction is presented in its place', async () => {
    const transaction = await seal(deployed, morning, 'sign-in', { sid: 'x'.repeat(24), sub: clerk.who, roles: ['admin'] }, 600);
    await expectRefused(readSession(deployed, morning, `__Host-bevakning-session=${transaction}`), 'invalid');
  });

  it('is refused as invalid when its sealed roles are not exactly the API\'s', async () => {
    const forged = await seal(deployed, morning, 'session', { sid: 'x'.repeat(24), sub: clerk.who, roles: ['registrar '] }, 600);
    await expectRefused(readSession(deployed, morning, `__Host-bevakning-session=${forged}`), 'invalid');
  });

  it('is refused as missing when no cookie is sent', async () => {
    await expectRefused(readSession(deployed, morning, 'theme=light'), 'missing');
    await expectRefused(readSession(deployed, morning, undefined), 'missing');
  });

  it('is cleared on sign-out', () => {
    expect(endSession(deployed)).toBe('__Host-bevakning-session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('stretches a secret of at least 43 characters to a 32-byte key, the same every time, and refuses a shorter one', () => {
    const secret = randomBytes(48).toString('base64url');
    expect(sessionKeyFrom(secret)).toHaveLength(32);
    expect(sessionKeyFrom(secret)).toEqual(sessionKeyFrom(secret));
    expect(sessionKeyFrom(secret)).not.toEqual(sessionKeyFrom(`${secret}x`));
    expect(() => sessionKeyFrom('x'.repeat(42))).toThrow(/at least 43 characters/);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; bevakning-session=abc.def; b=2', 'bevakning-session')).toBe('abc.def');
    expect(readCookie('xbevakning-session=1', 'bevakning-session')).toBeUndefined();
  });
});

describe('where sign-in may send the person back to', () => {
  it.each([
    ['/arenden/123?x=1', '/arenden/123?x=1'],
    ['/', '/'],
    ['//evil.example/', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example/', undefined],
    ['arenden', undefined],
    ['/arenden\r\nSet-Cookie: x', undefined],
    [null, undefined],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});

describe('CSRF on the workspace forms', () => {
  const sessionId = 'q1w2e3r4t5y6u7i8o9p0aa';
  const token = csrfToken(deployed, sessionId);
  const fromThePage = { 'sec-fetch-site': 'same-origin', origin: 'https://bevakning.kommun.example.se' };

  async function refusal(run: () => void): Promise<CsrfRefused['reason'] | undefined> {
    try {
      run();
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(CsrfRefused);
      return (error as CsrfRefused).reason;
    }
  }

  it('accepts a post from the page with the session\'s token', async () => {
    expect(await refusal(() => checkCsrf(deployed, sessionId, fromThePage, token))).toBeUndefined();
    // A browser that sends neither header is left to the token.
    expect(await refusal(() => checkCsrf(deployed, sessionId, {}, token))).toBeUndefined();
  });

  it('refuses a post without the token, or with another session\'s', async () => {
    expect(await refusal(() => checkCsrf(deployed, sessionId, fromThePage, undefined))).toBe('token');
    expect(await refusal(() => checkCsrf(deployed, sessionId, fromThePage, ''))).toBe('token');
    expect(await refusal(() => checkCsrf(deployed, sessionId, fromThePage, csrfToken(deployed, 'another-session-id-000000')))).toBe('token');
    expect(await refusal(() => checkCsrf(deployed, sessionId, fromThePage, token.slice(0, -2)))).toBe('token');
  });

  it('refuses a token made with another key', async () => {
    expect(await refusal(() => checkCsrf(deployed, sessionId, fromThePage, csrfToken({ key: key() }, sessionId)))).toBe('token');
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another service of the municipality)', { 'sec-fetch-site': 'same-site' }],
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Origin: null from a sandboxed frame on another site', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
    ['Origin of the same host over http', { origin: 'http://bevakning.kommun.example.se' }],
  ])('refuses a cross-site post even with the right token: %s', async (_, headers) => {
    expect(await refusal(() => checkCsrf(deployed, sessionId, headers, token))).toBe('cross-site');
  });

  it("accepts Origin: null from its own pages, which send no Referer (Referrer-Policy: no-referrer), with the session's token", async () => {
    expect(await refusal(() => checkCsrf(deployed, sessionId, { origin: 'null', 'sec-fetch-site': 'same-origin' }, token))).toBeUndefined();
    expect(await refusal(() => checkCsrf(deployed, sessionId, { origin: 'null', 'sec-fetch-site': 'same-origin' }, undefined))).toBe('token');
  });

  it('checks the origin of the local sign-in form, before there is a session', async () => {
    expect(await refusal(() => checkSameOrigin(local, { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
    expect(await refusal(() => checkSameOrigin(local, { origin: 'http://localhost:4000' }))).toBe('cross-site');
  });
});
