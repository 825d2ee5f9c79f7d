import * as z from 'zod';
import { email, LIMITS } from '../../domain/items/vocabulary';

/** Who holds a role the decisions name ("kommundirektören"), so drafts come with a person filled in. */
export interface RoleHolder {
  role: string;
  name: string;
  email: string;
  unit: string;
}

export const roleHolderBody = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.name).regex(/^[^\u0000-\u001f\u007f]*$/, 'Får inte innehålla radbrytningar.'),
  email,
  unit: z.string().trim().min(1).max(LIMITS.unit).regex(/^[^\u0000-\u001f\u007f]*$/, 'Får inte innehålla radbrytningar.'),
});

export interface RoleDirectory {
  all(): Promise<RoleHolder[]>;
  get(role: string): Promise<RoleHolder | undefined>;
  put(holder: RoleHolder, by: string, at: string): Promise<void>;
}
