import { readRoleHolder, setRoleHolder } from '../../shared/application/directory/roles';
import { draftItems } from '../../shared/application/drafts/drafts';
import { json } from '../../shared/http/problems';
import { createRouter } from '../../shared/http/router';
import { DRAFTS_ROUTES } from '../../shared/http/routes/drafts';
import { draftsDependencies, type DraftsDependencies } from './dependencies';

export function createHandler(deps: () => DraftsDependencies = draftsDependencies) {
  return createRouter(
    DRAFTS_ROUTES,
    {
      'POST /uppdrag/drafts': async ({ body, raw, query }) => json(200, await draftItems(deps(), raw ? { ...query, pdf: raw.bytes } : body!)),
      'GET /directory/roles/{role}': async ({ params }) => json(200, await readRoleHolder(deps(), params.role)),
      'PUT /directory/roles/{role}': async ({ caller, params, body }) => json(200, await setRoleHolder(deps(), caller, params.role, body)),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
