import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import * as z from 'zod';
import type { Config } from '../../platform/config';

/** What the workspace keeps secret: the key material of its session cookies and the OpenID Connect client secret. */
export interface WorkspaceSecrets {
  /** At least 43 characters; shared/http/session.ts stretches it to the 32-byte key. */
  sessionSecret(): Promise<string>;
  /** The client secret the Entra app registration issued, for the code exchange. */
  clientSecret(): Promise<string>;
}

/** The secret's JSON: the session key Secrets Manager generated, and the client secret an admin puts in (README, deploy guide). */
const secretJson = z.object({ sessionKey: z.string().min(43), clientSecret: z.string().min(1) });

/**
 * Where the workspace's secrets come from: deployed, the Secrets Manager secret WORKSPACE_SECRET_ARN,
 * read through Powertools once per cold start (a failed read is tried again on the next request);
 * locally, SESSION_SECRET and OIDC_CLIENT_SECRET. Deployed (STAGE=aws) without the secret, every
 * read fails rather than fall back to the documented development value.
 */
export function workspaceSecretsFrom(config: Pick<Config, 'STAGE' | 'WORKSPACE_SECRET_ARN' | 'SESSION_SECRET' | 'OIDC_CLIENT_SECRET'>): WorkspaceSecrets {
  const arn = config.WORKSPACE_SECRET_ARN;
  if (!arn) {
    if (config.STAGE === 'aws') {
      const missing = async (): Promise<string> => {
        throw new Error('WORKSPACE_SECRET_ARN is not set: the workspace has no session key (infra/functions.ts, workspaceSecret)');
      };
      return { sessionSecret: missing, clientSecret: missing };
    }
    return {
      sessionSecret: async () => config.SESSION_SECRET,
      clientSecret: async () => {
        if (!config.OIDC_CLIENT_SECRET) throw new Error('OIDC_CLIENT_SECRET is not set');
        return config.OIDC_CLIENT_SECRET;
      },
    };
  }
  let read: Promise<z.infer<typeof secretJson>> | undefined;
  const secret = () => {
    read ??= getSecret<string>(arn, { maxAge: Number.MAX_SAFE_INTEGER }).then((text) => {
      let value: unknown;
      try {
        value = typeof text === 'string' ? JSON.parse(text) : undefined;
      } catch {
        value = undefined;
      }
      const parsed = secretJson.safeParse(value);
      // Never echo the value (JSON.parse's message would quote it): it is the key.
      if (!parsed.success) throw new Error('the workspace secret is not {"sessionKey": <43+ characters>, "clientSecret": <the Entra client secret>}');
      return parsed.data;
    });
    read.catch(() => {
      read = undefined;
    });
    return read;
  };
  return { sessionSecret: async () => (await secret()).sessionKey, clientSecret: async () => (await secret()).clientSecret };
}
