import { DomainError, forbidden } from './errors';

export const ROLES = ['registrar', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: read from a verified token by the HTTP edge (shared/http/caller.ts). */
export interface Caller {
  /** e-mail address, lower case */
  who: string;
  roles: ReadonlySet<Role>;
  unit?: string;
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

/**
 * Refuses a manager whose token names no unit (claim `unit`): 403 `manager_without_unit`, so the
 * sign-in is mended rather than read as "another unit's". Whoever else calls is left to the rule
 * that follows (SECURITY.md, "Threat model": a manager is a token with role `manager` and a `unit`).
 */
export function requireUnitOfManager(caller: Caller): void {
  if (caller.roles.has('manager') && caller.unit === undefined) {
    throw new DomainError(
      'forbidden',
      'manager_without_unit',
      'Token saknar enhet (claim unit): en chef ser sin enhets ärenden, så token måste ange enheten. Be den som sköter inloggningen lägga till den.',
    );
  }
}
