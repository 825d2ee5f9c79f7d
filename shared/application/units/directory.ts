import * as z from 'zod';
import { LIMITS, person, type Person } from '../../domain/items/vocabulary';

/** `PUT /units/{unit}`: who manages the unit. */
export const unitBody = z.strictObject({ manager: person });
export type UnitBody = z.infer<typeof unitBody>;

export const unitName = z.string().trim().min(1, 'Får inte vara tomt.').max(LIMITS.unit, `Högst ${LIMITS.unit} tecken.`);

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
