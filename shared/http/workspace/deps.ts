import type { RoleDirectory } from '../../application/directory/roles';
import type { DraftDeps } from '../../application/drafts/drafts';
import type { SheetTable } from '../../application/imports/ports';
import type { RegistrarListDeps } from '../../application/items/registrar-lists';
import type { PlanDeps } from '../../application/plans/plans';
import type { PublicBodies } from '../../application/reports/public-bodies';
import type { UnitDirectory } from '../../application/units/directory';
import type { CalendarDate } from '../../domain/dates';
import type { Config } from '../../platform/config';
import type { Session, SessionSettings } from '../session';
import type { OidcSignIn } from '../sign-in';

/**
 * What the workspace's pages need, wired in functions/workspace/dependencies.ts: the use cases'
 * ports (items, plans, directories, drafting), the session key, the sign-in, and the readers of
 * uploaded files (adapters the HTTP edge does not import itself).
 */
export interface WorkspaceDeps extends PlanDeps, RegistrarListDeps, Omit<DraftDeps, 'rules'> {
  config: Pick<Config, 'PUBLIC_BASE_URL' | 'MAX_BODY_BYTES'>;
  units: UnitDirectory;
  directory: RoleDirectory;
  /** Which bodies' follow-up is public (the admin's Offentliga sidor). */
  publicBodies: PublicBodies;
  /** The session cookies' key and the site's address; deployed, the key comes from Secrets Manager. */
  session(): Promise<SessionSettings>;
  /** Deployed: sign-in with OpenID Connect (Entra ID). Undefined: the local sign-in form (STAGE=local only). */
  oidc?: () => Promise<OidcSignIn>;
  /** An uploaded backlog file as a table (shared/adapters/spreadsheets); throws `invalid` for an unreadable file. */
  readSpreadsheet(bytes: Uint8Array, format: 'xlsx' | 'csv'): Promise<SheetTable>;
  /** The meetings of a year an uploaded calendar holds (shared/adapters/ics), or why the file cannot be read, in Swedish. */
  /** The meetings of a year in an .ics file, and the events of the year passed over for not mentioning `mentions`. */
  meetingsFromCalendar(
    text: string,
    options: { year: number; mentions?: string },
  ): Promise<{ meetings: { date: CalendarDate; summary: string }[]; passedOver: { date: CalendarDate; summary: string }[] } | { problem: string }>;
}

/** What a workspace page's handler is given: the session the router admitted and the query. */
export interface PageRequest {
  session: Session;
  query: Readonly<Record<string, string>>;
}

/** What a workspace form's handler is given: the session the router admitted (its form token checked) and the fields. */
export interface FormRequest {
  session: Session;
  body: Readonly<Record<string, string>>;
}
