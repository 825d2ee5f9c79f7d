import * as z from 'zod';
import { requireAdmin, requireRegistrar, type Caller } from '../../domain/caller';
import { notFound } from '../../domain/errors';
import { normalizeRole } from '../../drafting/swedish';
import type { Clock } from '../../platform/clock';
import { email, LIMITS, oneLineRule } from '../../domain/items/vocabulary';

/** Who holds a role the decisions name ("kommundirektören"), so drafts come with a person filled in. */
export interface RoleHolder {
  role: string;
  name: string;
  email: string;
  unit: string;
}

/** A role as the address names it ("kommundirektör"); normalized by the drafting rules' `normalizeRole`. */
export const roleName = z.lazy(() => oneLineRule(z.string().trim().min(2, 'Minst 2 tecken.').max(100, 'Högst 100 tecken.')));

export const roleHolderBody = z.lazy(() =>
  z.strictObject({
    name: oneLineRule(z.string().trim().min(1).max(LIMITS.name)),
    email,
    unit: oneLineRule(z.string().trim().min(1).max(LIMITS.unit)),
  }),
);

export interface RoleDirectory {
  all(): Promise<RoleHolder[]>;
  get(role: string): Promise<RoleHolder | undefined>;
  put(holder: RoleHolder, by: string, at: string): Promise<void>;
}

/** Who holds a role (the name as decisions write it, "kommundirektören"); `not_found` naming it when nobody does. */
export async function readRoleHolder(deps: { directory: RoleDirectory }, role: string): Promise<RoleHolder> {
  const holder = await deps.directory.get(normalizeRole(role));
  if (!holder) throw notFound(`Ingen har rollen ${role} i katalogen.`);
  return holder;
}

/** Everyone the role directory names, by role (registrars and admins: the admin's Roller page, Granska beslut's suggestions). One Query. */
export async function listRoleHolders(deps: { directory: Pick<RoleDirectory, 'all'> }, caller: Caller): Promise<RoleHolder[]> {
  requireRegistrar(caller);
  return (await deps.directory.all()).sort((a, b) => a.role.localeCompare(b.role, 'sv'));
}

/** Sets who holds a role (admin), under the role's normalized name, recording who did it and when. */
export async function setRoleHolder(deps: { directory: RoleDirectory; clock: Clock }, caller: Caller, role: string, body: z.infer<typeof roleHolderBody>): Promise<RoleHolder> {
  requireAdmin(caller);
  const holder = { role: normalizeRole(role), ...body };
  await deps.directory.put(holder, caller.who, deps.clock().toISOString());
  return holder;
}
