import * as z from 'zod';
import { bodyName, calendarDate } from '../items/model';

/** `POST /uppdrag/drafts`: the pasted text of a decision, and what the clerk already knows. */
export const draftRequest = z.strictObject({
  text: z.string().min(1, 'Klistra in beslutstexten.').max(400_000),
  body: bodyName.optional(),
  meetingDate: calendarDate.optional(),
  caseNumber: z.string().trim().min(1).max(50).optional(),
});
