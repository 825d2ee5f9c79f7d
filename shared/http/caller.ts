import { decodeJwt } from 'jose';
import { ROLES, type Caller, type Role } from '../domain/caller';
import { HttpError, unauthorized } from './problems';

/**
 * The roles a token grants: only the exact values `registrar`, `manager` and `admin` in a JSON
 * array of strings. Anything odd grants nothing: "registrar " with a space, "official registrar",
 * "x,admin", an array holding anything but strings, a plain string instead of an array
 * (SECURITY.md, "Roles"). The API's tokens and the workspace's ID tokens are read alike.
 */
export function rolesFromClaim(raw: unknown): Role[] {
  if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) return [];
  return raw.filter((v): v is Role => (ROLES as readonly string[]).includes(v));
}

/**
 * How far ahead of the request's arrival a token's `iat` may be, in seconds: the clocks of the
 * identity provider and the gateway differ a little. The authorizer checks `exp` and `nbf`
 * without tolerance; API Gateway also refuses an `iat` after its own time, and jose (the local
 * server's stand-in) checks `iat` only against a `maxTokenAge`, which it is not given.
 */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/** Claims that name the token: the verified payload must carry the same values the authorizer passed on. */
const TOKEN_IDENTITY = ['iss', 'sub', 'iat', 'exp'] as const;

/**
 * The caller of a route behind the JWT authorizer. API Gateway hands the verified claims on as
 * flattened strings, where `["a b"]` and `["a", "b"]` both arrive as "[a b]"; so the claims are
 * read from the bearer token itself (JSON, the very token the authorizer verified, from the same
 * `Authorization` header), after checking that it is that token: its `iss`, `sub`, `iat` and `exp`
 * equal the authorizer's. `arrivedAt` is when the gateway received the request (its
 * `requestContext.timeEpoch`): a token's times are judged by the wall clock the authorizer judged
 * them by, not by the product's clock. Throws `unauthorized` when there are no verified claims, no
 * bearer token, a token that does not decode or does not match, or no e-mail address; 401
 * `token_issued_in_future` when its `iat` is more than `TOKEN_CLOCK_SKEW_SECONDS` after `arrivedAt`.
 */
export function callerFromRequest(authorization: string | undefined, verifiedClaims: Record<string, unknown> | undefined, arrivedAt: Date): Caller {
  if (!verifiedClaims || Object.keys(verifiedClaims).length === 0) throw unauthorized();
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw unauthorized();
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token);
  } catch {
    throw unauthorized();
  }
  for (const name of TOKEN_IDENTITY) {
    const verified = verifiedClaims[name];
    if (verified !== undefined && String(payload[name]) !== String(verified)) throw unauthorized();
  }
  if (typeof payload.iat === 'number' && payload.iat > arrivedAt.getTime() / 1000 + TOKEN_CLOCK_SKEW_SECONDS) throw issuedInFuture();
  return callerFromPayload(payload);
}

const issuedInFuture = () =>
  new HttpError(401, 'token_issued_in_future', 'Token är utfärdad i framtiden (claim iat): kontrollera klockan där den utfärdades och hämta en ny token.', [], {
    'www-authenticate': 'Bearer',
  });

/** The caller from a verified token payload (JSON claims): who, exact roles and a manager's unit. */
export function callerFromPayload(payload: Record<string, unknown>): Caller {
  const who = [payload.email, payload.preferred_username, payload.upn].find(
    (v): v is string => typeof v === 'string' && v.includes('@'),
  );
  if (!who) throw unauthorized('Token saknar e-postadress (email, preferred_username eller upn).');
  // An address is at most 254 characters (RFC 5321): a longer one is no one's, and would be stored as who did what.
  if (who.length > 254) throw unauthorized('Token har en e-postadress längre än 254 tecken.');
  const unit = typeof payload.unit === 'string' && payload.unit.trim() !== '' ? payload.unit.trim() : undefined;
  return { who: who.toLowerCase(), roles: new Set(rolesFromClaim(payload.roles)), ...(unit ? { unit } : {}) };
}

