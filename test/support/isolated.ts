import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDigestDependencies } from '../../functions/digest/dependencies';
import { createReminderDependencies } from '../../functions/reminders/dependencies';
import { createSesEventDependencies } from '../../functions/ses-events/dependencies';
import { createDraftsDependencies } from '../../functions/drafts/dependencies';
import { createFeedsDependencies } from '../../functions/feeds/dependencies';
import { createHealthDependencies } from '../../functions/health/dependencies';
import { createItemsDependencies } from '../../functions/items/dependencies';
import { createPagesDependencies } from '../../functions/pages/dependencies';
import { createPlansDependencies } from '../../functions/plans/dependencies';
import { createReportsDependencies } from '../../functions/reports/dependencies';
import { createUnitsDependencies } from '../../functions/units/dependencies';
import { createWorkspaceDependencies } from '../../functions/workspace/dependencies';
import { ensureTable } from '../../local/table';
import type { Clock } from '../../shared/platform/clock';

let tables = 0;

/**
 * Every function's own composition root against the test DynamoDB Local and SES server, on a
 * table of its own, so a test that runs the daily job sees only its own items: one world that any
 * function's handler can be built on (each takes what it uses from it). `at` moves the clock.
 */
export async function isolatedDependencies(env: Record<string, string> = {}) {
  const tableName = `t${process.pid}-${Date.now()}-${++tables}`;
  const endpoint = inject('dynamoEndpoint');
  const client = new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(client, tableName);
  client.destroy();
  let now = new Date();
  const clock: Clock = () => new Date(now);
  const environment: Record<string, string> = {
    STAGE: 'local',
    AWS_REGION: 'eu-north-1',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    SES_ENDPOINT: inject('sesEndpoint'),
    PUBLIC_BASE_URL: 'http://localhost:3000',
    MAX_SEND_RATE: '50',
    ...env,
  };
  const deps = {
    ...createReminderDependencies(environment, clock),
    ...createDigestDependencies(environment, clock),
    ...createSesEventDependencies(environment, clock),
    ...createHealthDependencies(environment),
    ...createItemsDependencies(environment, clock),
    ...createDraftsDependencies(environment, clock),
    ...createPlansDependencies(environment, clock),
    ...createPagesDependencies(environment, clock),
    ...createUnitsDependencies(environment, clock),
    ...createReportsDependencies(environment, clock),
    ...createFeedsDependencies(environment, clock),
    ...createWorkspaceDependencies(environment, clock),
  };
  return {
    ...deps,
    /** The environment and clock a function's own composition root is built with, for this table. */
    env: environment,
    clock,
    tableName,
    at(instant: string | Date) {
      now = new Date(instant);
    },
  };
}

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** Mail the local SES server holds for an address. */
export async function mailTo(address: string): Promise<StoredEmail[]> {
  const response = await fetch(`${inject('sesEndpoint')}/store`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => [...e.destination.to, ...e.destination.cc].some((to) => to.toLowerCase().includes(address.toLowerCase())));
}
