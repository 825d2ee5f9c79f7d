import { createDocumentClient } from '../../shared/adapters/dynamo/client';
import { createDynamoRoleDirectory } from '../../shared/adapters/dynamo/directory';
import { createDynamoItemRepository } from '../../shared/adapters/dynamo/items';
import { createDynamoNotices } from '../../shared/adapters/dynamo/notices';
import { createDynamoPlanStore } from '../../shared/adapters/dynamo/plans';
import { createDynamoPublicBodies } from '../../shared/adapters/dynamo/public-bodies';
import { createDynamoSuppressions } from '../../shared/adapters/dynamo/suppressions';
import { createDynamoUnitDirectory } from '../../shared/adapters/dynamo/units';
import { pdfText } from '../../shared/adapters/pdf/text';
import { workspaceSecretsFrom } from '../../shared/adapters/secrets/workspace-secret';
import { readSpreadsheet } from '../../shared/adapters/spreadsheets/read';
import { createDeadlineRules, deadlineSettings } from '../../shared/application/plans/deadline-rules';
import { sessionKeyFrom, type SessionSettings } from '../../shared/http/session';
import type { OidcSignIn } from '../../shared/http/sign-in';
import { WORKSPACE_PATHS } from '../../shared/views/paths';
import type { WorkspaceDeps } from '../../shared/http/workspace/deps';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { ConfigError, readConfig } from '../../shared/platform/config';

/** Memoizes a promise; a failed one (a secret not readable yet) is tried again next time. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    if (!made) {
      made = make();
      made.catch(() => {
        made = undefined;
      });
    }
    return made;
  };
}

/**
 * The workspace's side effects: the items and their history, plans, closed days, the unit and
 * role directories, the published bodies, notices for officials' next emails, the suppression list (read), the session
 * key and the OpenID Connect client secret (Secrets Manager, deployed), and the readers of uploaded
 * files (PDF, spreadsheets, calendars). No mail, no link key.
 */
export function createWorkspaceDependencies(env: Record<string, string | undefined> = process.env, clock: Clock = systemClock) {
  const config = readConfig(env);
  const documentClient = createDocumentClient(config);
  const plans = createDynamoPlanStore(documentClient, config.TABLE_NAME);
  const secrets = workspaceSecretsFrom(config);
  const suppressions = createDynamoSuppressions(documentClient, config.TABLE_NAME);
  const session = once(async (): Promise<SessionSettings> => ({ key: sessionKeyFrom(await secrets.sessionSecret()), publicBaseUrl: config.PUBLIC_BASE_URL }));
  if (!config.OIDC_ISSUER && config.STAGE === 'aws') throw new ConfigError('Invalid configuration: OIDC_ISSUER is required deployed (the local sign-in form is for STAGE=local only)');
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId } = config;
  const oidc =
    issuer && clientId
      ? once(async (): Promise<OidcSignIn> =>
          // The OpenID Connect client (openid-client, oauth4webapi) is loaded by signing in, not by every page.
          (await import('../../shared/http/sign-in')).createOidcSignIn(
            { issuer: new URL(issuer), clientId, clientSecret: secrets.clientSecret, redirectUri: new URL(WORKSPACE_PATHS.signInCallback, config.PUBLIC_BASE_URL) },
            await session(),
            clock,
          ),
        )
      : undefined;
  return {
    config,
    clock,
    council: config.COUNCIL,
    items: createDynamoItemRepository(documentClient, config.TABLE_NAME),
    plans,
    rules: createDeadlineRules(plans, deadlineSettings(config)),
    units: createDynamoUnitDirectory(documentClient, config.TABLE_NAME),
    directory: createDynamoRoleDirectory(documentClient, config.TABLE_NAME),
    publicBodies: createDynamoPublicBodies(documentClient, config.TABLE_NAME),
    notices: createDynamoNotices(documentClient, config.TABLE_NAME),
    suppressed: (addresses: string[]) => suppressions.suppressed(addresses),
    session,
    ...(oidc ? { oidc } : {}),
    pdfText,
    readSpreadsheet,
    meetingsFromCalendar: async (text: string, options: { year: number; mentions?: string }) => {
      // The calendar reader (ical.js, date-fns-tz) is loaded by the one admin page that reads a calendar, not at every cold start.
      const { IcsUnreadable, meetingsFromIcs } = await import('../../shared/adapters/ics/meeting-plan');
      try {
        const passedOver: { date: string; summary: string }[] = [];
        const meetings = meetingsFromIcs(text, { ...options, passedOver });
        return { meetings, passedOver: passedOver.sort((a, b) => a.date.localeCompare(b.date)) };
      } catch (error) {
        if (error instanceof IcsUnreadable) return { problem: error.message };
        throw error;
      }
    },
  } satisfies WorkspaceDeps;
}

export type WorkspaceDependencies = ReturnType<typeof createWorkspaceDependencies>;

let instance: WorkspaceDependencies | undefined;
/** Built on first use, once per cold start, so importing the handler reads no environment. */
export const workspaceDependencies = () => (instance ??= createWorkspaceDependencies());
