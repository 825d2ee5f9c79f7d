import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { Role } from '../shared/domain/caller';

/** Local tokens stand in for Entra ID's: same claims, HS256 with LOCAL_JWT_SECRET. */
export const LOCAL_ISSUER = 'bevakning-local';
export const LOCAL_AUDIENCE = 'bevakning-api';
export const DEFAULT_LOCAL_JWT_SECRET = 'local-dev-secret-not-for-production-0123456789';

const key = (secret: string) => new TextEncoder().encode(secret);

export interface TokenClaims {
  email: string;
  roles?: Role[];
  unit?: string;
  name?: string;
}

export async function signLocalToken(
  claims: TokenClaims,
  secret: string,
  options: { expiresIn?: string | number; issuer?: string; audience?: string } = {},
): Promise<string> {
  return new SignJWT({ ...claims, roles: claims.roles ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setSubject(claims.email)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key(secret));
}

/** What API Gateway's JWT authorizer does: verify, then hand the claims on. Throws when invalid. */
export async function verifyLocalToken(token: string, secret: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, key(secret), {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    algorithms: ['HS256'],
    // API Gateway refuses a token without an expiry too: one without `exp` would be valid forever.
    requiredClaims: ['exp'],
  });
  return payload;
}

/**
 * API Gateway passes every claim to the handler as a string, an array as "[a b]"; the local
 * server does the same so handlers meet one format in both places.
 */
export function claimsAsApiGatewayPassesThem(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );
}
