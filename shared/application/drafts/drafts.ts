import { stockholmDate } from '../../domain/dates';
import { DomainError, refused } from '../../domain/errors';
import type { Council } from '../../domain/council';
import type { Clock } from '../../platform/clock';
import { extractDraftsInTurns, NO_RECIPIENT_FLAG, type Draft } from '../../drafting/extract';
import { normalizeRole, organisationOf } from '../../drafting/swedish';
import { MAX_TEXT_LENGTH, type draftRequest } from '../../drafting/request';
/** What a sentence to read mentions (a kind of work, or a deadline), as the pages word it. */
export type { Mention } from '../../drafting/unproposed';
import type { RoleDirectory } from '../directory/roles';
import type { DeadlineRules } from '../../domain/items/rules';
import type * as z from 'zod';

export interface DraftDeps {
  directory: Pick<RoleDirectory, 'all'>;
  rules: Pick<DeadlineRules, 'resolve'>;
  clock: Clock;
  /** The deployment's council (KF, or RF in a region): whose "fullmäktige" a text means when it does not say. */
  council: Council;
  /** The text of a text PDF (shared/adapters/pdf): `invalid` for a scan, a damaged or protected file, or no PDF at all. */
  pdfText: (bytes: Uint8Array) => Promise<{ text: string }>;
}

/** A decision document as the clerk sends it: pasted text, or the protokoll as a PDF; and what they know of it. */
export type DraftSource = Omit<z.infer<typeof draftRequest>, 'text'> & ({ text: string } | { pdf: Uint8Array });

/**
 * Drafts the items a decision document creates (`shared/drafting/`; a PDF is read as text first,
 * and a whole protokoll per paragraph), with the responsible official
 * from the role directory and each deadline as the meeting plans give it (`deadline`), or why it
 * cannot be computed yet (`deadlineProblem`). Nothing is stored. Exhortations come apart, and so do
 * the sentences that mention work but gave no draft (`unproposed`), for the clerk to read.
 */
export async function draftItems(deps: DraftDeps, source: DraftSource) {
  const text = 'text' in source ? source.text : (await deps.pdfText(source.pdf)).text;
  if (text.length > MAX_TEXT_LENGTH) {
    throw refused('text_too_long', `Dokumentet har ${text.length.toLocaleString('sv-SE')} tecken text; högst ${MAX_TEXT_LENGTH.toLocaleString('sv-SE')} kan läsas på en gång. Dela upp protokollet.`);
  }
  const input = { ...source, text };
  const holders = new Map((await deps.directory.all()).map((h) => [h.role, h]));
  const { drafts, exhortations, unproposed } = await extractDraftsInTurns(
    input.text,
    { ...(input.body ? { body: input.body } : {}), ...(input.meetingDate ? { meetingDate: input.meetingDate } : {}), ...(input.caseNumber ? { caseNumber: input.caseNumber } : {}) },
    { lookupRole: (role) => holders.get(normalizeRole(role)), today: stockholmDate(deps.clock()), organisation: organisationOf(deps.council) ?? 'kommun' },
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
  return { drafts: resolved, exhortations, unproposed };
}

/**
 * What a draft's flag still asks of the clerk once they have filled in its fields: without the
 * missing recipient once a `recipient` is given. Undefined when nothing is left to check.
 */
export function flagLeft(draft: Pick<Draft, 'flagReason' | 'missing'>, given: { recipient?: string | undefined }): string | undefined {
  const answered = draft.missing.includes('due.recipient') && given.recipient?.trim() ? draft.flagReason?.replace(NO_RECIPIENT_FLAG, '') : draft.flagReason;
  return answered?.replace(/\s+/g, ' ').trim() || undefined;
}
