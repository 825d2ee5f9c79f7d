import * as z from 'zod';
import { apiHandler, json } from '../../shared/http/api';
import { requireAdmin, requireRegistrar } from '../../shared/domain/caller';
import { draftRequest } from '../../shared/drafting/request';
import { roleHolderBody } from '../../shared/application/directory/roles';
import { extractDraftsInTurns, normalizeRole } from '../../shared/drafting/extract';
import { stockholmDate } from '../../shared/domain/dates';
import { AppError, notFound } from '../../shared/domain/app-error';
import { parseOrThrow } from '../../shared/domain/validation';
import { dependencies, type Dependencies } from '../dependencies';

/** A pasted decision document may be long: 20 pages of text is about 60 KB. */
export const DRAFT_MAX_BODY_BYTES = 512 * 1024;

const rolePath = z.object({ role: z.string().trim().min(2).max(100) });

export function createHandler(deps: () => Dependencies = dependencies) {
  return apiHandler(
    {
      'POST /uppdrag/drafts': async (request) => {
        const caller = request.caller();
        requireRegistrar(caller);
        const input = parseOrThrow(draftRequest, request.json());
        const { directory, rules, clock } = deps();
        const holders = new Map((await directory.all()).map((h) => [h.role, h]));
        const { drafts, exhortations } = await extractDraftsInTurns(
          input.text,
          { ...(input.body ? { body: input.body } : {}), ...(input.meetingDate ? { meetingDate: input.meetingDate } : {}), ...(input.caseNumber ? { caseNumber: input.caseNumber } : {}) },
          { lookupRole: (role) => holders.get(normalizeRole(role)), today: stockholmDate(clock()) },
        );
        // Each deadline as the rules compute it, with the meeting plans that exist; nothing is stored.
        const resolved = await Promise.all(
          drafts.map(async (draft) => {
            if (!draft.body.due) return draft;
            try {
              return { ...draft, deadline: await rules.resolve(draft.kind, draft.body.due) };
            } catch (error) {
              if (error instanceof AppError && error.status === 422) return { ...draft, deadlineProblem: { code: error.code, message: error.message } };
              throw error;
            }
          }),
        );
        return json(200, { drafts: resolved, exhortations });
      },

      'GET /directory/roles/{role}': async (request) => {
        request.caller();
        const { role } = parseOrThrow(rolePath, request.pathParameters, 'Sökvägen');
        const holder = await deps().directory.get(normalizeRole(role));
        if (!holder) throw notFound(`Ingen har rollen ${role} i katalogen.`);
        return json(200, holder);
      },

      'PUT /directory/roles/{role}': async (request) => {
        const caller = request.caller();
        requireAdmin(caller);
        const { role } = parseOrThrow(rolePath, request.pathParameters, 'Sökvägen');
        const body = parseOrThrow(roleHolderBody, request.json());
        const holder = { role: normalizeRole(role), ...body };
        await deps().directory.put(holder, caller.who, deps().clock().toISOString());
        return json(200, holder);
      },
    },
    { maxBodyBytes: () => DRAFT_MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
