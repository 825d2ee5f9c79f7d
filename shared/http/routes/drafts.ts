import * as z from 'zod';
import { roleHolderBody, roleName } from '../../application/directory/roles';
import { DRAFT_MAX_BODY_BYTES, draftRequest, knownFacts, MAX_DRAFTS } from '../../drafting/request';
import { PDF_MAX_BYTES, PDF_TYPE } from '../media';
import { route } from '../contract';

const role = z.object({ role: roleName });

export const DRAFTS_ROUTES = [
  route({
    method: 'POST',
    path: '/uppdrag/drafts',
    function: 'drafts',
    access: 'registrar',
    summary: 'Draft items from the text of a decision; nothing is stored',
    description:
      'Propose follow-up items from the plain text of a decision document (protokollsutdrag, tjänsteskrivelse, remiss), as pasted from a PDF; nothing is stored (registrar, admin). Each draft has `kind`, `title`, `responsibleRole` and, where the role directory knows it, `responsible` and `unit`; `due` in the forms of the create body and, where the meeting plans allow, `deadline` (the computed dates) or `deadlineProblem`; the decision reference found; `confidence` (0–1), `flagged` and `flagReason`; `source` (the sentence, with character offsets into the submitted text); `missing` (what a valid create body still lacks); and `body`, the create body to send once a clerk has checked it. Exhortations (*uppmaningar*) are listed apart in `exhortations`, never as drafts. The rules find only part of the work in real decision texts (README, "From a pasted decision to registered items"), so `unproposed` lists each sentence outside a § history that mentions work (`mentions`: `uppdrag`, `aterrapportering`, `yttrande`, `motion`, `tidsfrist`) and says something is to be done, but gave no draft: `{ source: { sentence, start, end }, paragraph?, mentions }`, for the clerk to read. A text whose structure would take too long is refused with 422 `text_too_complex`, one that gives more than ' +
        MAX_DRAFTS +
        ' drafts (a list repeated, a table read as text) with 422 `too_many_drafts`. JSON bodies up to 512 KiB. The justerat protokoll itself may be sent as the body instead, `Content-Type: application/pdf` (a text PDF, up to 4,694,016 bytes: what fits through API Gateway and Lambda base64-encoded), with `body`, `meetingDate` and `caseNumber` in the query string; a whole protokoll is read per paragraph (§) and each draft says which § it came from. A scanned PDF (no text) is refused with 400 `pdf_without_text`, a file that is no PDF with `not_a_pdf`, a protected one with `pdf_encrypted`, a damaged one with `pdf_damaged`.',
    // With a PDF, what the clerk knows comes in the query string; with JSON, in the body.
    query: knownFacts,
    body: { json: draftRequest, maxBytes: DRAFT_MAX_BODY_BYTES, raw: { types: [PDF_TYPE], maxBytes: PDF_MAX_BYTES }, pastedText: true },
    responses: {
      200: { description: 'The drafts', schema: () => z.object({ drafts: z.array(z.object({}).loose()), exhortations: z.array(z.object({}).loose()), unproposed: z.array(z.object({}).loose()) }) },
      422: { description: `\`text_too_complex\`: the text is too long or too odd to read within a request; \`too_many_drafts\`: it gives more than ${MAX_DRAFTS} drafts, more than a clerk can review at once` },
    },
  }),
  route({
    method: 'GET',
    path: '/directory/roles/{role}',
    function: 'drafts',
    access: 'registrar',
    summary: 'Who holds a role the decisions name',
    description: 'Who holds a role that decisions name ("kommundirektören" and "kommundirektör" are one role). Registrars and admins.',
    params: role,
    responses: { 200: { description: 'The role holder', schema: (s) => s.roleHolder }, 404: { description: 'Nobody holds that role in the directory' } },
  }),
  route({
    method: 'PUT',
    path: '/directory/roles/{role}',
    function: 'drafts',
    access: 'admin',
    summary: 'Set who holds a role (kommundirektör, socialchef …)',
    description: 'Set who holds a role (admin), so drafts come with the responsible official filled in.',
    params: role,
    body: { json: roleHolderBody },
    responses: { 200: { description: 'The saved role holder', schema: (s) => s.roleHolder } },
  }),
] as const;
