import * as z from 'zod';
import { isRegistrar, managedUnit, requireAdmin, requireRegistrar, requireUnitOfManager, type Caller } from '../../domain/caller';
import { notFound, refused } from '../../domain/errors';
import type { Clock } from '../../platform/clock';
import { LIMITS, oneLineRule, person, type Person } from '../../domain/items/vocabulary';

/** `PUT /units/{unit}`: who manages the unit. */
export const unitBody = z.strictObject({ manager: person });
export type UnitBody = z.infer<typeof unitBody>;

export const unitName = oneLineRule(z.string().trim().min(1, 'Får inte vara tomt.').max(LIMITS.unit, `Högst ${LIMITS.unit} tecken.`));

export interface Unit {
  unit: string;
  manager: Person;
  updatedBy: string;
  updatedAt: string;
}

/** The unit directory an admin keeps: who a unit's manager is, for the weekly overview and new items. */
export interface UnitDirectory {
  get(unit: string): Promise<Unit | undefined>;
  put(unit: Unit): Promise<void>;
  all(): Promise<Unit[]>;
}

/**
 * A unit's entry in the directory: for registrars and admins, and for the unit's own manager;
 * anyone else, or a unit not in the directory, `not_found` (not revealing which); a manager whose
 * token names no unit, 403 `manager_without_unit`.
 */
export async function readUnit(deps: { units: UnitDirectory }, caller: Caller, unit: string): Promise<Unit> {
  // Refused whether or not the unit exists, so the answer reveals nothing of the directory.
  if (!isRegistrar(caller)) requireUnitOfManager(caller);
  const found = isRegistrar(caller) || managedUnit(caller) === unit ? await deps.units.get(unit) : undefined;
  if (!found) throw notFound(`Enheten ${unit} finns inte i enhetskatalogen.`);
  return found;
}

/** A unit's name as compared: case and spacing aside ("Socialförvaltningen" and "socialförvaltningen "). */
const unitKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/**
 * A unit name typed into a list's filter, against the directory's names (items are stored under one spelling and the
 * filter compares exactly): the directory's spelling when the two differ only in case and spacing
 * ("samhällsbyggnadsförvaltningen " → { unit: "Samhällsbyggnadsförvaltningen" }); otherwise the directory's names that
 * contain what was typed, case aside ("Samhällsbygg" → { similar: [...] }), at most `MAX_SIMILAR_UNITS`, in the given order.
 */
export function unitAsSpelled(known: readonly string[], typed: string): { unit: string } | { similar: string[] } {
  const key = unitKey(typed);
  const same = known.find((unit) => unitKey(unit) === key);
  if (same !== undefined) return { unit: same };
  return { similar: key === '' ? [] : known.filter((unit) => unitKey(unit).includes(key)).slice(0, MAX_SIMILAR_UNITS) };
}

/** The most names unitAsSpelled suggests: more would be a list, not a correction. */
export const MAX_SIMILAR_UNITS = 5;

/**
 * A manager signing in, with the unit their identity names as the directory spells it: a sign-in
 * service may write "socialförvaltningen" or "Socialförvaltningen " for the unit whose items are
 * stored under "Socialförvaltningen" (case and spaces aside, the same name). A unit the directory
 * does not hold, and anyone not a manager, is left as signed in.
 */
export async function withDirectoryUnit(deps: { units: Pick<UnitDirectory, 'all'> }, caller: Caller): Promise<Caller> {
  const claimed = managedUnit(caller);
  if (claimed === undefined) return caller;
  const found = (await deps.units.all()).find((u) => unitKey(u.unit) === unitKey(claimed));
  return found && found.unit !== claimed ? { ...caller, unit: found.unit } : caller;
}

/** Every unit in the directory with its manager, by name (registrars and admins: the admin's Enheter page, the forms' suggestions). One Query. */
export async function listUnits(deps: { units: Pick<UnitDirectory, 'all'> }, caller: Caller): Promise<Unit[]> {
  requireRegistrar(caller);
  return (await deps.units.all()).sort((a, b) => a.unit.localeCompare(b.unit, 'sv'));
}

/** Sets a unit's manager (admin), recording who did it and when. */
export async function setUnitManager(deps: { units: UnitDirectory; clock: Clock }, caller: Caller, unit: string, body: UnitBody): Promise<Unit> {
  requireAdmin(caller);
  // "samhällsbyggnad" beside "Samhällsbyggnad" would be a second unit with no items: the items are stored under one spelling.
  const spelled = (await deps.units.all()).find((u) => u.unit !== unit && unitKey(u.unit) === unitKey(unit));
  if (spelled) {
    throw refused('unit_spelled_otherwise', `Enheten finns redan, skriven ${spelled.unit}. Ändra den i stället, så att ärendena och chefen hör ihop.`, [
      { path: 'unit', message: `Skriv ${spelled.unit}, som enheten redan heter.` },
    ]);
  }
  const saved = { unit, manager: body.manager, updatedBy: caller.who, updatedAt: deps.clock().toISOString() };
  await deps.units.put(saved);
  return saved;
}
