import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import * as z from 'zod';
import type { Clock } from '../../platform/clock';

/**
 * The keys signed links are made with: `current` names the key id new links get; every key
 * listed still verifies. Rotating = add a key, make it current, drop the old one once the links
 * made with it have expired (SECURITY.md).
 */
export interface LinkKeys {
  current: string;
  keys: Record<string, string>;
}

/** `{"current":"k2","k1":"…","k2":"…"}`: the Secrets Manager secret's and LINK_KEYS' format. */
export const linkKeysJson = z
  .record(z.string().min(1).max(40), z.string())
  .transform((value, ctx): LinkKeys => {
    const { current, ...keys } = value;
    if (!current || keys[current] === undefined) {
      ctx.addIssue({ code: 'custom', message: '"current" must name one of the keys' });
      return z.NEVER;
    }
    for (const [kid, secret] of Object.entries(keys)) {
      if (secret.length < 32) ctx.addIssue({ code: 'custom', path: [kid], message: 'a link key needs at least 32 characters' });
    }
    return { current, keys };
  });

/** Whom a link is for: an official's own open items, or a manager's read-only view of a unit. */
export type LinkScope = { kind: 'official'; email: string } | { kind: 'unit'; email: string; unit: string };

export type LinkCheck =
  | { ok: true; scope: LinkScope; kid: string; expiresAt: Date }
  /**
   * `expired` still names whom the link was made for (its signature held), so a fresh link can go
   * to that address on file. An altered link or one whose key was rotated out names no one.
   */
  | { ok: false; reason: 'expired'; scope: LinkScope; kid: string }
  | { ok: false; reason: 'invalid' };

export interface LinkSigner {
  sign(scope: LinkScope): Promise<string>;
  verify(token: string): Promise<LinkCheck>;
  /** A form token bound to one link: a form copied from elsewhere does not carry it. */
  csrfToken(token: string, kid: string): Promise<string>;
  checkCsrf(token: string, kid: string, presented: string | undefined): Promise<boolean>;
}

const AUDIENCE = 'bevakning-page';
const TYPE = 'bevakning-link+jwt';
/** Longer than any link we make: a garbage path segment is refused before any crypto. */
const MAX_TOKEN_LENGTH = 1024;

const claims = z.object({
  sub: z.string().min(3).max(254),
  scope: z.enum(['official', 'unit']),
  unit: z.string().min(1).max(200).optional(),
});

function toScope(payload: JWTPayload): LinkScope | undefined {
  const parsed = claims.safeParse(payload);
  if (!parsed.success) return undefined;
  const { sub, scope, unit } = parsed.data;
  if (scope === 'unit') return unit ? { kind: 'unit', email: sub, unit } : undefined;
  return { kind: 'official', email: sub };
}

/**
 * Signed links as compact JWS (HS256 through jose, which compares signatures in constant time)
 * with the key id in the header, so a rotated key keeps its links working until it is dropped.
 */
export function createLinkSigner(options: { keys: () => Promise<LinkKeys>; clock: Clock; ttlDays: number }): LinkSigner {
  const secretOf = (keys: LinkKeys, kid: string) => {
    const secret = keys.keys[kid];
    return secret === undefined ? undefined : new TextEncoder().encode(secret);
  };
  const csrf = async (token: string, kid: string) => {
    const secret = (await options.keys()).keys[kid];
    if (secret === undefined) return undefined;
    return createHmac('sha256', secret).update(`csrf\u0000${token}`).digest();
  };

  return {
    async sign(scope) {
      const keys = await options.keys();
      const now = options.clock();
      return new SignJWT({ scope: scope.kind, ...(scope.kind === 'unit' ? { unit: scope.unit } : {}) })
        .setProtectedHeader({ alg: 'HS256', kid: keys.current, typ: TYPE })
        .setSubject(scope.email)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + options.ttlDays * 86_400)
        .sign(secretOf(keys, keys.current)!);
    },

    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
      const keys = await options.keys();
      let kid = '';
      try {
        const { payload, protectedHeader } = await jwtVerify(
          token,
          (header) => {
            const secret = header.kid ? secretOf(keys, header.kid) : undefined;
            if (!secret) throw new errors.JWKSNoMatchingKey();
            kid = header.kid!;
            return secret;
          },
          { algorithms: ['HS256'], audience: AUDIENCE, typ: TYPE, currentDate: options.clock(), requiredClaims: ['exp', 'sub'] },
        );
        const scope = toScope(payload);
        if (!scope || protectedHeader.kid !== kid) return { ok: false, reason: 'invalid' };
        return { ok: true, scope, kid, expiresAt: new Date(payload.exp! * 1000) };
      } catch (error) {
        // jose checks the signature before the claims: an expired link's payload is authentic.
        if (error instanceof errors.JWTExpired) {
          const scope = toScope(error.payload);
          if (scope && kid) return { ok: false, reason: 'expired', scope, kid };
        }
        return { ok: false, reason: 'invalid' };
      }
    },

    async csrfToken(token, kid) {
      const mac = await csrf(token, kid);
      if (!mac) throw new Error(`no link key ${kid}`);
      return mac.toString('base64url');
    },

    async checkCsrf(token, kid, presented) {
      const mac = await csrf(token, kid);
      if (!mac || presented === undefined) return false;
      const given = Buffer.from(presented, 'base64url');
      return given.length === mac.length && timingSafeEqual(given, mac);
    },
  };
}
