import * as z from 'zod';
import { bodyName, calendarDate } from '../domain/items/vocabulary';

/** The longest decision text a request may hold, in characters (about 130 pages). */
export const MAX_TEXT_LENGTH = 400_000;

/**
 * The most drafts one text may give. A real protokoll gives tens (a long one of KF or a budget's
 * commissions, about a hundred); thousands come only from a list repeated or a table read as text,
 * and the answer would pass what a function may return (6 MB), and no clerk could review it.
 */
export const MAX_DRAFTS = 500;

/** The largest `POST /uppdrag/drafts` body, in bytes: a pasted document of 20 pages is about 60 KB. */
export const DRAFT_MAX_BODY_BYTES = 512 * 1024;

/** What the clerk already knows of a decision document: the deciding body, the meeting, the case number. */
const known = () => ({
  body: bodyName.optional(),
  meetingDate: calendarDate.optional(),
  caseNumber: z.string().trim().min(1).max(50).optional(),
});

// Built when a request first parses one (`z.lazy`): the workspace imports this module only for MAX_TEXT_LENGTH.

/** `POST /uppdrag/drafts` with a PDF: what the clerk already knows, in the query string. */
export const knownFacts = z.lazy(() => z.strictObject(known()));

/** `POST /uppdrag/drafts`: the pasted text of a decision, and what the clerk already knows. */
export const draftRequest = z.lazy(() =>
  z.strictObject({
    text: z
      .string()
      .min(1, 'Klistra in beslutstexten.')
      // Worded when a text is too long: the first Swedish number format loads ICU's data, about 7 ms of a cold start.
      .max(MAX_TEXT_LENGTH, { error: () => `Högst ${MAX_TEXT_LENGTH.toLocaleString('sv-SE')} tecken: dela upp texten.` }),
    ...known(),
  }),
);
