import { forbidden } from './errors';

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
