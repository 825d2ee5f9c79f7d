import { hkdfSync, randomBytes } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt, type JWTPayload } from 'jose';
import * as z from 'zod';
import { ROLES, type Caller, type Role } from '../domain/caller';
import type { Clock } from '../platform/clock';

/**
 * The workspace's sessions: the signed-in caller in a cookie sealed with jose (JWE, `dir` +
 * `A256GCM`: encrypted and authenticated), HttpOnly, SameSite=Lax, Path=/, Secure except on
 * http://localhost, with its expiry both inside the sealed payload and on the cookie. Nothing is
 * stored on the server; signing out clears the cookie. (SECURITY.md, "The workspace".)
 */

/** How long a sign-in lasts: a working day. */
export const SESSION_HOURS = 8;

export interface SessionSettings {
  /** The 32-byte key sessions (and sign-in transactions) are sealed with; deployed, from Secrets Manager. */
  key: Uint8Array;
  /** The workspace's public address: `https://…` gives Secure cookies; only `http://localhost` may go without. */
  publicBaseUrl: string;
}

/** A signed-in person: the caller the handlers authorize, and the name to greet them by. */
export interface Session {
  /** Random, per sign-in: the form tokens are bound to it (shared/http/csrf.ts). */
  id: string;
  caller: Caller;
  name?: string;
  expiresAt: Date;
}

/**
 * A session cookie that cannot be used: none sent (`missing`), out of date (`expired`: the page
 * says to sign in again), or altered, sealed with another key or for another purpose (`invalid`).
 */
export class SessionRefused extends Error {
  constructor(readonly reason: 'missing' | 'expired' | 'invalid') {
    super(`session refused: ${reason}`);
    this.name = 'SessionRefused';
  }
}

/** The fewest characters a session secret may have: 43 random letters and digits carry 256 bits. */
export const SESSION_SECRET_MIN_LENGTH = 43;

/**
 * The 32-byte key from its configured form: a secret of at least 43 characters (deployed, the 64
 * random letters and digits Secrets Manager generated; locally a documented development value),
 * stretched with HKDF-SHA256. Throws for a shorter secret.
 */
export function sessionKeyFrom(secret: string): Uint8Array {
  if (secret.length < SESSION_SECRET_MIN_LENGTH) throw new Error(`The session secret must have at least ${SESSION_SECRET_MIN_LENGTH} characters.`);
  return new Uint8Array(hkdfSync('sha256', Buffer.from(secret, 'utf8'), new Uint8Array(0), 'bevakning workspace session', 32));
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Secure cookies everywhere but http://localhost; a plain-http public address elsewhere is a configuration error. */
function secureCookies(publicBaseUrl: string): boolean {
  const url = new URL(publicBaseUrl);
  if (url.protocol === 'https:') return true;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return false;
  throw new Error(`The workspace needs https (cookies would travel in clear text): ${url.origin}`);
}

/**
 * The cookies' names: with Secure cookies the `__Host-` prefix, which browsers accept only from
 * this host itself (Secure, Path=/, no Domain), so a sibling subdomain cannot plant one.
 */
export function cookieName(settings: Pick<SessionSettings, 'publicBaseUrl'>, purpose: SealPurpose): string {
  const name = COOKIE[purpose];
  return secureCookies(settings.publicBaseUrl) ? `__Host-${name}` : name;
}

/**
 * What a sealed value is for (its audience): a session cannot be replayed as a sign-in transaction,
 * a kept form's ticket (shared/http/kept-form.ts) as either, or back.
 */
export type SealPurpose = 'session' | 'sign-in' | 'kept-form';
const AUDIENCE: Record<SealPurpose, string> = { session: 'bevakning-session', 'sign-in': 'bevakning-sign-in', 'kept-form': 'bevakning-kept-form' };
const COOKIE: Record<SealPurpose, string> = { session: 'bevakning-session', 'sign-in': 'bevakning-inloggning', 'kept-form': 'bevakning-webblasare' };

/** Claims sealed into a cookie, with the purpose and an expiry; readable only with the key. */
export async function seal(settings: SessionSettings, clock: Clock, purpose: SealPurpose, claims: JWTPayload, ttlSeconds: number): Promise<string> {
  const now = Math.floor(clock().getTime() / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setAudience(AUDIENCE[purpose])
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .encrypt(settings.key);
}

/** The claims of a sealed value, or why not: expired (by the injected clock), or anything else (`invalid`). */
export async function unseal(settings: SessionSettings, clock: Clock, purpose: SealPurpose, token: string, maxAgeSeconds: number): Promise<JWTPayload> {
  if (token.length > 4096) throw new SessionRefused('invalid');
  try {
    const { payload } = await jwtDecrypt(token, settings.key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      audience: AUDIENCE[purpose],
      currentDate: clock(),
      maxTokenAge: maxAgeSeconds,
      requiredClaims: ['exp', 'iat'],
    });
    return payload;
  } catch (error) {
    throw new SessionRefused(error instanceof errors.JWTExpired ? 'expired' : 'invalid');
  }
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure where the site is https. */
export function cookieHeader(settings: Pick<SessionSettings, 'publicBaseUrl'>, purpose: SealPurpose, value: string, maxAgeSeconds: number): string {
  const secure = secureCookies(settings.publicBaseUrl) ? '; Secure' : '';
  return `${cookieName(settings, purpose)}=${value}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

/** A `Set-Cookie` value that removes the cookie. */
export function clearingCookieHeader(settings: Pick<SessionSettings, 'publicBaseUrl'>, purpose: SealPurpose): string {
  return `${cookieHeader(settings, purpose, '', 0)}; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

/** One cookie's value from a `Cookie` header (the first, if sent twice). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const sessionClaims = z.object({
  sid: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  sub: z.string().min(3).max(254),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  unit: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(200).optional(),
  exp: z.number(),
});

/**
 * Signs a caller in: a new session id and the cookie that carries the session for 8 hours.
 * Answers the session and the `Set-Cookie` value.
 */
export async function startSession(settings: SessionSettings, clock: Clock, caller: Caller, name?: string): Promise<{ session: Session; setCookie: string }> {
  const id = randomBytes(18).toString('base64url');
  const ttl = SESSION_HOURS * 3600;
  const claims = { sid: id, sub: caller.who, roles: [...caller.roles], ...(caller.unit ? { unit: caller.unit } : {}), ...(name ? { name } : {}) };
  const sealed = await seal(settings, clock, 'session', claims, ttl);
  const session: Session = { id, caller, ...(name ? { name } : {}), expiresAt: new Date(clock().getTime() + ttl * 1000) };
  return { session, setCookie: cookieHeader(settings, 'session', sealed, ttl) };
}

/**
 * The session a request's `Cookie` header carries. Throws SessionRefused: `missing` without one,
 * `expired` past its 8 hours (by the injected clock), `invalid` when altered, sealed with another
 * key or for another purpose, or not a session's shape.
 */
export async function readSession(settings: SessionSettings, clock: Clock, cookies: string | undefined): Promise<Session> {
  const token = readCookie(cookies, cookieName(settings, 'session'));
  if (!token) throw new SessionRefused('missing');
  const parsed = sessionClaims.safeParse(await unseal(settings, clock, 'session', token, SESSION_HOURS * 3600));
  if (!parsed.success) throw new SessionRefused('invalid');
  const { sid, sub, roles, unit, name, exp } = parsed.data;
  const caller: Caller = { who: sub, roles: new Set<Role>(roles), ...(unit ? { unit } : {}) };
  return { id: sid, caller, ...(name ? { name } : {}), expiresAt: new Date(exp * 1000) };
}

/** Signing out: the `Set-Cookie` value that clears the session. */
export const endSession = (settings: Pick<SessionSettings, 'publicBaseUrl'>) => clearingCookieHeader(settings, 'session');

/**
 * A path on this site to go back to after signing in, or undefined: never another site
 * (`//evil.example`, `/\evil.example`, `https://…`), never a control character.
 */
export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (!value || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  return value;
}
