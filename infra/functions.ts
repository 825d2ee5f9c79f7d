import { Duration } from 'aws-cdk-lib';
import type { TableAccess } from './constructs/function';

/** What one function may do, beyond writing its own logs. */
export interface FunctionGrants {
  table: TableAccess;
  /** ses:SendRawEmail through the configuration set, from MAIL_FROM only. */
  sendMail?: boolean;
  /** Read the signed-link key (LINK_SECRET_ARN). */
  linkSecret?: boolean;
  /**
   * The workspace: read its secret (WORKSPACE_SECRET_ARN: the session key and the OIDC client
   * secret) and sign people in against the API's issuer (OIDC_ISSUER, OIDC_CLIENT_ID).
   */
  workspace?: boolean;
  timeout?: Duration;
  memorySize?: number;
}

/**
 * Each entry point's permissions: the one place to look when asking "what may this function do?".
 * A function missing here still deploys, read-only, with a warning at synthesis: give it an entry
 * when it writes, sends mail or signs links.
 */
export const FUNCTION_GRANTS: Readonly<Record<string, FunctionGrants>> = {
  /** GetItem of a key that never exists, to prove the table answers. */
  health: { table: 'read' },
  /**
   * Creates and changes items, their history and idempotency records. A CSV export pages through
   * up to 20,000 rows: up to API Gateway's 30-second limit, with the memory (and CPU) for it.
   */
  items: { table: 'readWrite', timeout: Duration.seconds(29), memorySize: 1024 },
  /** Meeting plans and closed days; recomputes the items that depend on a plan. */
  plans: { table: 'readWrite', timeout: Duration.seconds(29) },
  /** Drafts items from decision text (reads plans and the role directory); admins keep the role directory. */
  drafts: { table: 'readWrite' },
  /** The daily job: claims and records each reminder, sends the emails, signs the links in them. */
  reminders: { table: 'readWrite', sendMail: true, linkSecret: true },
  /** The signed pages: verify links, record officials' actions, email a fresh link on request. */
  pages: { table: 'readWrite', sendMail: true, linkSecret: true },
  /** The unit directory (admins write it) and the overdue lists. */
  units: { table: 'readWrite' },
  /**
   * The council reports, the statistics and the public pages: reads items; writes only which
   * bodies are published. The statistics read every item of a period (tens of thousands over
   * years) and may draw charts: the memory (and CPU) and time for it.
   */
  reports: { table: 'readWrite', timeout: Duration.seconds(29), memorySize: 1024 },
  /**
   * The registrars' workspace: the same reads and writes as items, plans, units and drafts; its own
   * secret. Drafting a protokoll PDF and importing a backlog take the time and memory items get.
   */
  workspace: { table: 'readWrite', workspace: true, timeout: Duration.seconds(29), memorySize: 1024 },
  /** Calendar feeds: creates and revokes feed records; signs the page links in the events. */
  feeds: { table: 'readWrite', linkSecret: true },
  /** The weekly overview: claims and records each email, sends it with the CSV, signs the unit links. */
  digest: { table: 'readWrite', sendMail: true, linkSecret: true },
  /** Marks bouncing addresses and leaves notices for the registrars. */
  'ses-events': { table: 'readWrite' },
};

export const DEFAULT_GRANTS: FunctionGrants = { table: 'read' };

export function grantsOf(name: string): { grants: FunctionGrants; listed: boolean } {
  const grants = FUNCTION_GRANTS[name];
  return grants ? { grants, listed: true } : { grants: DEFAULT_GRANTS, listed: false };
}
