import * as z from 'zod';
import { COUNCILS, type Council } from '../shared/domain/council';

/**
 * The deployment's configuration: what differs from one municipality to the next. Read once, at
 * the start of the CDK app, from environment variables or CDK context, and validated here so a
 * missing or malformed value stops synthesis with a message that names it.
 *
 * Every value can be given two ways; the environment variable wins over the context value:
 *
 * | value           | environment variable         | context key (`-c key=value` or cdk.json) |
 * |-----------------|------------------------------|-------------------------------------------|
 * | sendingDomain   | BEVAKNING_SENDING_DOMAIN     | bevakning:sendingDomain                   |
 * | …               | BEVAKNING_<NAME_IN_CAPS>     | bevakning:<name>                          |
 *
 * cdk.json carries example.se placeholders so that `npm run synth` works on a fresh clone with no
 * AWS account. They are refused as soon as an AWS account is in play (the CDK CLI sets
 * CDK_DEFAULT_ACCOUNT when it finds credentials, and `account` may be given explicitly), so the
 * placeholders can be synthesized but never deployed. See README, "Deploy to AWS".
 */
export interface DeployConfig {
  /** SES domain identity the mail is sent from (DKIM records go into this domain's DNS). */
  sendingDomain: string;
  /** Sender of every email; an address in `sendingDomain`. */
  mailFrom: string;
  /** JWT issuer, e.g. `https://login.microsoftonline.com/<tenant id>/v2.0` for Entra ID v2 tokens. */
  jwtIssuer: string;
  /** JWT audience: the Entra ID app registration's application (client) id. */
  jwtAudience: string;
  /** Where alarms are emailed (a team mailbox, not a person). */
  alarmEmail: string;
  /** Base of the links in emails: the API's custom domain, or its execute-api URL. */
  publicBaseUrl: string;
  /** The SES account's maximum send rate, emails per second (SES console → Account dashboard). */
  maxSendRate: number;
  /** The council motions are answered by: `KF` for a municipality (the default), `RF` for a region. */
  council: Council;
  /**
   * Optional custom domain for the API (e.g. bevakning.kommun.se) with an ACM certificate for it in
   * the same region; both or neither. Without one the API answers on its execute-api URL.
   */
  apiDomainName?: string;
  apiCertificateArn?: string;
  /** AWS account to deploy to; default: the CLI's current credentials (CDK_DEFAULT_ACCOUNT). */
  account?: string;
  /** AWS region; default eu-north-1 (Stockholm), so the data stays in Sweden. */
  region: string;
}

export const DEFAULT_REGION = 'eu-north-1';

/** Each value: its context key and environment variable, for lookup and for error messages. */
export const CONFIG_SOURCES = {
  sendingDomain: { context: 'bevakning:sendingDomain', env: 'BEVAKNING_SENDING_DOMAIN' },
  mailFrom: { context: 'bevakning:mailFrom', env: 'BEVAKNING_MAIL_FROM' },
  jwtIssuer: { context: 'bevakning:jwtIssuer', env: 'BEVAKNING_JWT_ISSUER' },
  jwtAudience: { context: 'bevakning:jwtAudience', env: 'BEVAKNING_JWT_AUDIENCE' },
  alarmEmail: { context: 'bevakning:alarmEmail', env: 'BEVAKNING_ALARM_EMAIL' },
  publicBaseUrl: { context: 'bevakning:publicBaseUrl', env: 'BEVAKNING_PUBLIC_BASE_URL' },
  maxSendRate: { context: 'bevakning:maxSendRate', env: 'BEVAKNING_MAX_SEND_RATE' },
  council: { context: 'bevakning:council', env: 'BEVAKNING_COUNCIL' },
  apiDomainName: { context: 'bevakning:apiDomainName', env: 'BEVAKNING_API_DOMAIN_NAME' },
  apiCertificateArn: { context: 'bevakning:apiCertificateArn', env: 'BEVAKNING_API_CERTIFICATE_ARN' },
  account: { context: 'bevakning:account', env: 'BEVAKNING_ACCOUNT' },
  region: { context: 'bevakning:region', env: 'BEVAKNING_REGION' },
} as const satisfies Record<keyof DeployConfig, { context: string; env: string }>;

type ConfigKey = keyof typeof CONFIG_SOURCES;

const domainName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name in lower case, e.g. kommun.se');

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

const schema = z
  .object({
    sendingDomain: domainName,
    mailFrom: z.email('must be an email address'),
    jwtIssuer: httpsUrl,
    jwtAudience: z.string().trim().min(1, 'must not be empty'),
    alarmEmail: z.email('must be an email address'),
    publicBaseUrl: httpsUrl.refine((u) => !u.endsWith('/'), 'must not end with a slash'),
    maxSendRate: z.coerce.number('must be a number').positive('must be above 0').max(1000, 'must be at most 1000'),
    council: z.enum(COUNCILS, `must be one of ${COUNCILS.join(', ')}: KF for a municipality, RF for a region`).default('KF'),
    apiDomainName: domainName.optional(),
    apiCertificateArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, 'must be an ACM certificate ARN')
      .optional(),
    account: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-north-1')
      .default(DEFAULT_REGION),
  })
  .refine((c) => c.mailFrom.toLowerCase().endsWith(`@${c.sendingDomain}`), {
    path: ['mailFrom'],
    message: 'must be an address in sendingDomain (SES sends only from the verified domain)',
  })
  .refine((c) => (c.apiDomainName === undefined) === (c.apiCertificateArn === undefined), {
    path: ['apiCertificateArn'],
    message: 'apiDomainName and apiCertificateArn go together: give both or neither',
  })
  .refine((c) => !c.apiCertificateArn || c.apiCertificateArn.split(':')[3] === c.region, {
    path: ['apiCertificateArn'],
    message: 'must be a certificate in the deployment region (a regional API domain)',
  });

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Context and environment lookups, as the CDK app sees them (an App's node, process.env). */
export interface ConfigSource {
  context: (key: string) => unknown;
  env: Record<string, string | undefined>;
}

function describe(key: ConfigKey): string {
  const source = CONFIG_SOURCES[key];
  return `${key} (environment ${source.env} or context ${source.context})`;
}

/** Validate a configuration; throws ConfigError naming every missing or malformed value. */
export function parseConfig(raw: Partial<Record<ConfigKey, unknown>>): DeployConfig {
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    const { account, apiDomainName, apiCertificateArn, ...rest } = parsed.data;
    return {
      ...rest,
      ...(account ? { account } : {}),
      ...(apiDomainName && apiCertificateArn ? { apiDomainName, apiCertificateArn } : {}),
    };
  }
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0] as ConfigKey | undefined;
    if (!key || !(key in CONFIG_SOURCES)) return `- ${issue.message}`;
    const missing = issue.code === 'invalid_type' && (raw[key] === undefined || raw[key] === '');
    return `- ${describe(key)}: ${missing ? 'missing' : issue.message}`;
  });
  throw new ConfigError(`Invalid deployment configuration (see README, "Deploy to AWS", "Configuration"):\n${problems.join('\n')}`);
}

const PLACEHOLDER_HOST = /(^|\.)example\.(se|com|org|net)$|\.(example|invalid|test)$/i;
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/** Values still at the documented placeholders in cdk.json: fine to synthesize, never to deploy. */
export function placeholderValues(config: DeployConfig): ConfigKey[] {
  const host = (value: string) => {
    try {
      return new URL(value).hostname;
    } catch {
      return value;
    }
  };
  const checks: [ConfigKey, boolean][] = [
    ['sendingDomain', PLACEHOLDER_HOST.test(config.sendingDomain)],
    ['mailFrom', PLACEHOLDER_HOST.test(config.mailFrom.split('@')[1] ?? '')],
    ['alarmEmail', PLACEHOLDER_HOST.test(config.alarmEmail.split('@')[1] ?? '')],
    ['publicBaseUrl', PLACEHOLDER_HOST.test(host(config.publicBaseUrl))],
    ['jwtIssuer', config.jwtIssuer.includes(ZERO_GUID) || PLACEHOLDER_HOST.test(host(config.jwtIssuer))],
    ['jwtAudience', config.jwtAudience.includes(ZERO_GUID)],
  ];
  return checks.filter(([, isPlaceholder]) => isPlaceholder).map(([key]) => key);
}

/**
 * The configuration for the CDK app: environment first, then context; validated; placeholders
 * refused when an AWS account is in play (explicit `account`, or credentials the CLI found).
 */
export function loadConfig(source: ConfigSource): DeployConfig {
  const raw: Partial<Record<ConfigKey, unknown>> = {};
  for (const [key, { context, env }] of Object.entries(CONFIG_SOURCES) as [ConfigKey, { context: string; env: string }][]) {
    const fromEnv = source.env[env];
    const value = fromEnv !== undefined && fromEnv !== '' ? fromEnv : source.context(context);
    if (value !== undefined && value !== '') raw[key] = typeof value === 'string' ? value.trim() : value;
  }
  const config = parseConfig(raw);

  const targetAccount = config.account ?? source.env.CDK_DEFAULT_ACCOUNT;
  const placeholders = placeholderValues(config);
  if (targetAccount && placeholders.length > 0) {
    throw new ConfigError(
      `The deployment configuration still has the example values from cdk.json, and AWS account ${targetAccount} is targeted.\n` +
        `Set the real values before deploying (see README, "Deploy to AWS", "Configuration"):\n` +
        placeholders.map((key) => `- ${describe(key)}`).join('\n'),
    );
  }
  return config;
}

/**
 * A complete configuration for tests and examples: synthesizes, is never deployed (example.se
 * and the zero GUID are placeholders, which loadConfig refuses once an account is targeted).
 */
export const TEST_CONFIG: DeployConfig = {
  sendingDomain: 'kommun.example.se',
  mailFrom: 'bevakning@kommun.example.se',
  jwtIssuer: `https://login.microsoftonline.com/${ZERO_GUID}/v2.0`,
  jwtAudience: ZERO_GUID,
  alarmEmail: 'drift@kommun.example.se',
  publicBaseUrl: 'https://bevakning.kommun.example.se',
  maxSendRate: 14,
  council: 'KF',
  region: DEFAULT_REGION,
};
