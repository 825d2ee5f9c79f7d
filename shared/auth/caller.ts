import { forbidden, unauthorized } from '../errors';

export const ROLES = ['registrar', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from the claims API Gateway's JWT authorizer (or the local one) verified. */
export interface Caller {
  /** e-mail address, lower case */
  who: string;
  roles: ReadonlySet<Role>;
  unit?: string;
}

/**
 * API Gateway hands claims on as strings: an array claim arrives as "[registrar manager]".
 * Accept that, a JSON array string and a real array, so the handler reads both runtimes alike.
 */
function parseRoles(raw: unknown): Role[] {
  let values: unknown[] = [];
  if (Array.isArray(raw)) values = raw;
  else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text.startsWith('[') && text.endsWith(']')) {
      try {
        const parsed: unknown = JSON.parse(text);
        values = Array.isArray(parsed) ? parsed : [];
      } catch {
        values = text.slice(1, -1).split(/[\s,]+/);
      }
    } else values = text.split(/[\s,]+/);
  }
  return values.filter((v): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v));
}

export function callerFromClaims(claims: Record<string, unknown> | undefined): Caller {
  if (!claims) throw unauthorized();
  const who = [claims.email, claims.preferred_username, claims.upn].find(
    (v): v is string => typeof v === 'string' && v.includes('@'),
  );
  if (!who) throw unauthorized('Token saknar e-postadress (email, preferred_username eller upn).');
  const unit = typeof claims.unit === 'string' && claims.unit.trim() !== '' ? claims.unit.trim() : undefined;
  return { who: who.toLowerCase(), roles: new Set(parseRoles(claims.roles)), ...(unit ? { unit } : {}) };
}

export const isRegistrar = (caller: Caller) => caller.roles.has('registrar') || caller.roles.has('admin');
export const isAdmin = (caller: Caller) => caller.roles.has('admin');

export function requireRegistrar(caller: Caller): void {
  if (!isRegistrar(caller)) throw forbidden('Endast registrator eller administratör får göra detta.');
}

export function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw forbidden('Endast administratör får göra detta.');
}

/** A manager's unit, when the caller is a manager with one. */
export function managedUnit(caller: Caller): string | undefined {
  return caller.roles.has('manager') ? caller.unit : undefined;
}
