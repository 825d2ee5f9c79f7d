import * as z from 'zod';
import { TABLE } from './table';
import { COUNCILS } from '../domain/council';

/** The local link key: public, like the local JWT secret; deployed keys come from Secrets Manager. */
export const DEV_LINK_KEY = 'local-link-key-not-for-production-0123456789';

/** The local secret the workspace's session cookies are sealed with: public, like the local JWT secret. */
export const DEV_SESSION_SECRET = 'local-session-secret-not-for-production-0123456789';

/**
 * The runtime configuration, read and validated in one place. Locally `local/start.ts` sets
 * these from its own defaults; deployed, the CDK stack sets them on every function.
 */
const schema = z.object({
  /** 'local' points the SDK clients at DynamoDB Local and the local SES server. */
  STAGE: z.enum(['local', 'aws']).default('local'),
  TABLE_NAME: z.string().min(1).default(TABLE.defaultName),
  AWS_REGION: z.string().min(1).default('eu-north-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  MAIL_FROM: z.email().default('bevakning@kommun.example.se'),
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  /** Working days before the outside deadline that a yttrande answered by delegation is due. */
  DELEGATION_LEAD_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  /** The council motions are raised in and answered by: KF in a municipality, RF in a region (shared/domain/council.ts). */
  COUNCIL: z.enum(COUNCILS).default('KF'),
  /** The SES account's maximum send rate, emails per second; the jobs keep under it. */
  MAX_SEND_RATE: z.coerce.number().positive().max(1000).default(14),
  /** SES configuration set whose bounce and complaint events reach functions/ses-events. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Largest request body accepted, in bytes (64 KiB). */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  /** Deployed: the Secrets Manager secret holding the signed-link keys (shared/application/links). */
  LINK_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** Locally: the signed-link keys themselves, `{"current":"k1","k1":"…"}`; a documented dev value by default. */
  LINK_KEYS: z.string().default(JSON.stringify({ current: 'local', local: DEV_LINK_KEY })),
  /** Days a link in an email works. */
  LINK_TTL_DAYS: z.coerce.number().int().min(1).max(60).default(14),
  /**
   * Deployed: the Secrets Manager secret of the workspace, `{"sessionKey": …, "clientSecret": …}`:
   * the key its session cookies are sealed with and the OpenID Connect client secret.
   */
  WORKSPACE_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** Locally: the secret the workspace's session cookies are sealed with (at least 43 characters); a documented dev value by default. */
  SESSION_SECRET: z.string().min(43).default(DEV_SESSION_SECRET),
  /**
   * The identity provider the workspace signs people in with (OpenID Connect; deployed, the API's
   * JWT issuer, Entra ID). Without it the workspace offers the local sign-in form, which only
   * STAGE=local allows.
   */
  OIDC_ISSUER: z.url().optional(),
  /** The workspace's OpenID Connect client id (deployed, the API's JWT audience: the Entra app's client id). */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Locally only (a test identity provider): the client secret; deployed it is in WORKSPACE_SECRET_ARN. */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${detail}`);
  }
  return parsed.data;
}
