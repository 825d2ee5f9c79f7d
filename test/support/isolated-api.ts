import type { Server } from 'node:http';
import { inject } from 'vitest';
import { createHandler as createDraftsHandler } from '../../functions/drafts/handler';
import { createHandler as createHealthHandler } from '../../functions/health/handler';
import { createHandler as createItemsHandler } from '../../functions/items/handler';
import { createHandler as createPagesHandler } from '../../functions/pages/handler';
import { createHandler as createPlansHandler } from '../../functions/plans/handler';
import { createHandler as createUnitsHandler } from '../../functions/units/handler';
import { createHandler as createFeedsHandler } from '../../functions/feeds/handler';
import { createHandler as createReportsHandler } from '../../functions/reports/handler';
import { createHandler as createWorkspaceHandler } from '../../functions/workspace/handler';
import { runReminders } from '../../shared/application/reminders/job';
import { createReminderDependencies } from '../../functions/reminders/dependencies';
import { createLocalApi } from '../../local/server';
import type { ApiEvent, ApiResult, HttpFunctionName } from '../../shared/http/contract';
import type { Context } from 'aws-lambda';

type LambdaHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;
import { isolatedDependencies } from './isolated';
import { freePort } from './ports';

/**
 * The HTTP API as the local server serves it, on a port and a table of its own: the same
 * handlers with the production composition root, and a clock the test moves. Pages opened from
 * emails, the job run and the API then all see one consistent world at one instant.
 */
export async function isolatedApi(env: Record<string, string> = {}) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const deps = await isolatedDependencies({ PUBLIC_BASE_URL: url, ...env });
  const world = deps;
  const factories: Record<HttpFunctionName, (deps: () => typeof world) => LambdaHandler> = {
    health: createHealthHandler,
    items: createItemsHandler,
    plans: createPlansHandler,
    drafts: createDraftsHandler,
    pages: createPagesHandler,
    units: createUnitsHandler,
    feeds: createFeedsHandler,
    reports: createReportsHandler,
    workspace: createWorkspaceHandler,
  };
  const server: Server = createLocalApi({ jwtSecret: inject('jwtSecret'), loadHandler: async (name) => factories[name](() => deps) });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const reminders = createReminderDependencies(deps.env, deps.clock);
  return {
    deps,
    url,
    /** The daily reminder run at an instant. */
    runReminders(instant: string) {
      deps.at(instant);
      return runReminders({ ...reminders, backoffMs: 5 });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type IsolatedApi = Awaited<ReturnType<typeof isolatedApi>>;
