import { stockholmDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import type { Clock } from '../../platform/clock';
import { extractDraftsInTurns } from '../../drafting/extract';
import { normalizeRole } from '../../drafting/swedish';
import type { draftRequest } from '../../drafting/request';
import type { RoleDirectory } from '../directory/roles';
import type { DeadlineRules } from '../../domain/items/rules';
import type * as z from 'zod';

export interface DraftDeps {
  directory: Pick<RoleDirectory, 'all'>;
  rules: Pick<DeadlineRules, 'resolve'>;
  clock: Clock;
}

/**
 * Drafts the items a decision text creates (`shared/drafting/`), with the responsible official
 * from the role directory and each deadline as the meeting plans give it (`deadline`), or why it
 * cannot be computed yet (`deadlineProblem`). Nothing is stored. Exhortations come apart.
 */
export async function draftItems(deps: DraftDeps, input: z.infer<typeof draftRequest>) {
  const holders = new Map((await deps.directory.all()).map((h) => [h.role, h]));
  const { drafts, exhortations } = await extractDraftsInTurns(
    input.text,
    { ...(input.body ? { body: input.body } : {}), ...(input.meetingDate ? { meetingDate: input.meetingDate } : {}), ...(input.caseNumber ? { caseNumber: input.caseNumber } : {}) },
    { lookupRole: (role) => holders.get(normalizeRole(role)), today: stockholmDate(deps.clock()) },
  );
  const resolved = await Promise.all(
    drafts.map(async (draft) => {
      if (!draft.body.due) return draft;
      try {
        return { ...draft, deadline: await deps.rules.resolve(draft.kind, draft.body.due) };
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'deadline') return { ...draft, deadlineProblem: { code: error.code, message: error.message } };
        throw error;
      }
    }),
  );
  return { drafts: resolved, exhortations };
}
