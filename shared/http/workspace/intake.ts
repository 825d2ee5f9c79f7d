import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { listRoleHolders } from '../../application/directory/roles';
import { draftItems, flagLeft } from '../../application/drafts/drafts';
import { IMPORT_MAX_ROWS, importBacklog } from '../../application/imports/backlog';
import type { SheetTable } from '../../application/imports/ports';
import { createItemBody, deadlinePreviewBody } from '../../application/items/commands';
import { createItem, previewDeadline } from '../../application/items/service';
import { bodiesWithPlans } from '../../application/plans/plans';
import { listUnits } from '../../application/units/directory';
import { isRegistrar, requireRegistrar } from '../../domain/caller';
import { DomainError } from '../../domain/errors';
import { cleanText } from '../../domain/text';
import { parseOrThrow } from '../../domain/validation';
import { PROPOSED_CONFIDENCE } from '../../drafting/extract';
import { MAX_TEXT_LENGTH } from '../../drafting/request';
import { XLSX_TYPE } from '../../views/spreadsheets/table';
import { itemFieldValues, issuesToFieldErrors, parsePreviewForm, parseProposalForm, proposalParams, REGISTER_FIELDS, formValues } from '../../views/workspace/forms';
import { importPage, reviewPage, reviewUploadPage, sourceInParagraph } from '../../views/workspace/intake';
import type { DeadlinePreview, ImportModel, ProposalModel, ReviewModel } from '../../views/workspace/models';
import type { ApiResult, UploadedFile } from '../contract';
import { IMPORT_MAX_BYTES, PDF_MAX_BYTES } from '../media';
import { readableSize } from '../deliverable';
import type { Session } from '../session';
import type { FormRequest, PageRequest, WorkspaceDeps } from './deps';
import { htmlPage, pageContext } from './respond';

/**
 * Issue 20's pages: Granska beslut (a justerat protokoll read into proposals, each registered once)
 * and Importera (the backlog from a spreadsheet: a dry run, then the import). Nothing waits on the
 * server between the steps: the text read and the rows read travel in the pages' forms, bounded,
 * and every step runs the same use cases the API runs on them again.
 */

type Files = Readonly<Record<string, UploadedFile | undefined>>;

/** A review's batch: made when the protokoll is read; with a proposal's number, its Idempotency-Key. */
const BATCH = /^[A-Za-z0-9-]{16,64}$/;
const proposalKey = (batch: string, index: number) => `granska-${batch}-${index}`;

/**
 * The text as the review keeps it: the characters a page can carry (renderPage removes invisible
 * and control characters), line breaks as `\n` (a browser sends a form's back as CR LF), so every
 * step drafts the same text and finds the same proposals at the same places.
 */
const keptText = (text: string) => cleanText(text);

/** A refusal the upload page shows beside its field (no PDF, an unreadable one, a text too long or too odd). */
const isInputProblem = (error: unknown): error is DomainError => error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'refused');

/** `GET /granska`: the form for the protokoll. */
export async function showReviewUpload(deps: WorkspaceDeps, { session, query }: PageRequest) {
  requireRegistrar(session.caller);
  return htmlPage(200, reviewUploadPage({ ...(await pageContext(deps, session, query.m)), form: { values: {} } }));
}

async function reviewContext(deps: WorkspaceDeps, session: Session) {
  const [context, units, bodies, holders] = await Promise.all([
    pageContext(deps, session),
    listUnits(deps, session.caller),
    bodiesWithPlans(deps, session.caller),
    listRoleHolders(deps, session.caller),
  ]);
  const people = [...new Map(holders.map((holder) => [holder.email, { name: holder.name, email: holder.email }])).values()];
  return { ...context, units: units.map((unit) => unit.unit), bodies, people };
}

/** The deadline a proposal's fields give, or why none; undefined while its deadline is not filled in. */
async function previewOf(deps: WorkspaceDeps, session: Session, params: URLSearchParams): Promise<DeadlinePreview | undefined> {
  const parsed = parsePreviewForm(params);
  if (!parsed.ok) return undefined;
  try {
    return { ok: true, ...(await previewDeadline(deps, session.caller, parseOrThrow(deadlinePreviewBody, parsed.command, 'Uppgifterna'))) };
  } catch (error) {
    if (!(error instanceof DomainError) || !['invalid', 'refused', 'deadline'].includes(error.kind)) throw error;
    return { ok: false, message: error.message };
  }
}

/**
 * `POST /granska`. As a file upload: the protokoll (PDF, or pasted text) read into proposals, each
 * beside its source. As the review form: "Visa tidsfrister" shows each proposal's deadline;
 * "Registrera valda" registers the chosen ones one by one as `POST /uppdrag` would, each under the
 * Idempotency-Key of its batch and number (so a reload or a double click registers it once), and
 * shows which were stored and which were not, and why.
 */
export async function review(deps: WorkspaceDeps, { session, body, files }: FormRequest & { files?: Files }) {
  requireRegistrar(session.caller);
  const uploaded = files !== undefined;
  let text: string;
  try {
    text = keptText(uploaded ? (files.pdf ? (await deps.pdfText(files.pdf.bytes)).text : (body.text ?? '')) : (body.text ?? ''));
  } catch (error) {
    if (!isInputProblem(error)) throw error;
    return uploadAgain(deps, session, { pdf: error.message }, body.text);
  }
  if (uploaded && text.trim() === '') return uploadAgain(deps, session, { pdf: 'Välj protokollet som PDF, eller klistra in texten.' }, body.text);
  if (text.length > MAX_TEXT_LENGTH) return uploadAgain(deps, session, { text: `Högst ${MAX_TEXT_LENGTH.toLocaleString('sv-SE')} tecken går att läsa på en gång: dela upp protokollet.` });
  const batch = uploaded ? randomUUID() : (body.batch ?? '');
  if (!BATCH.test(batch)) return uploadAgain(deps, session, { pdf: 'Granskningen är för gammal. Läs in protokollet igen.' });

  let drafted: Awaited<ReturnType<typeof draftItems>>;
  try {
    drafted = await draftItems(deps, { text });
  } catch (error) {
    if (!isInputProblem(error)) throw error;
    return uploadAgain(deps, session, { text: error.message }, uploaded ? body.text : undefined);
  }
  const form = new URLSearchParams(body);
  const register = !uploaded && form.get('intent') === 'register';
  const proposals: ProposalModel[] = [];
  for (const [index, draft] of drafted.drafts.entries()) {
    const fields = uploaded ? undefined : proposalParams(form, index);
    const values = fields ? formValues(fields, REGISTER_FIELDS) : itemFieldValues({ ...draft.body, ...(draft.due ? { due: draft.due } : {}) });
    const flagReason = flagLeft(draft, values);
    const proposal: ProposalModel = {
      index,
      chosen: fields ? fields.get('choose') === 'ja' : draft.missing.length === 0 && draft.confidence >= PROPOSED_CONFIDENCE,
      form: { values },
      source: sourceInParagraph(text, draft.source.start, draft.source.end),
      ...(draft.responsibleRole ? { responsibleRole: draft.responsibleRole } : {}),
      ...(flagReason ? { flagReason } : {}),
    };
    if (!fields) {
      if ('deadline' in draft) proposal.preview = { ok: true, ...draft.deadline };
      else if ('deadlineProblem' in draft) proposal.preview = { ok: false, message: draft.deadlineProblem.message };
    } else if (register && proposal.chosen) {
      await registerProposal(deps, session, fields, proposalKey(batch, index), proposal);
    } else {
      const preview = await previewOf(deps, session, fields);
      if (preview) proposal.preview = preview;
    }
    proposals.push(proposal);
  }
  const model: ReviewModel = {
    ...(await reviewContext(deps, session)),
    text,
    batch,
    proposals,
    exhortations: drafted.exhortations.map((exhortation) => ({ to: exhortation.to, what: exhortation.what })),
    unproposed: drafted.unproposed.map(({ source, paragraph, mentions }) => ({ sentence: source.sentence, mentions, ...(paragraph ? { paragraph } : {}) })),
    ...(register ? { registered: { stored: proposals.filter((p) => p.stored && !p.stored.replayed).length, before: proposals.filter((p) => p.stored?.replayed).length, failed: proposals.filter((p) => p.problem || p.form.errors).length } } : {}),
  };
  return htmlPage(register && model.registered?.failed ? 422 : 200, reviewPage(model));
}

/** Registers one chosen proposal, noting on it what became of it: stored (or stored before), or why not. */
async function registerProposal(deps: WorkspaceDeps, session: Session, fields: URLSearchParams, key: string, proposal: ProposalModel): Promise<void> {
  const parsed = parseProposalForm(fields);
  if (!parsed.ok) {
    proposal.form.errors = parsed.errors;
    proposal.problem = 'uppgifterna är inte fullständiga; rätta det som står vid fälten.';
    return;
  }
  try {
    const { item, replayed } = await createItem(deps, session.caller, parseOrThrow(createItemBody, parsed.command, 'Uppgifterna'), key);
    proposal.stored = { id: item.id, replayed };
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind === 'unavailable' || error.kind === 'forbidden') throw error;
    if (error.code === 'idempotency_key_reused') {
      proposal.problem = 'förslaget är redan registrerat med andra uppgifter. Ändra det registrerade ärendet i stället.';
      return;
    }
    // The same decision read again and registered again: the open item with the same kind, decision, official and
    // title is this proposal's, registered before (a replay, not a failure).
    if (error.code === 'possible_duplicate' && typeof error.details.existingId === 'string') {
      proposal.stored = { id: error.details.existingId, replayed: true };
      return;
    }
    const { errors } = issuesToFieldErrors(error.issues, fields.get('dueForm') ?? undefined);
    if (Object.keys(errors).length) proposal.form.errors = errors as typeof proposal.form.errors;
    proposal.problem = error.message;
  }
}

async function uploadAgain(deps: WorkspaceDeps, session: Session, errors: { pdf?: string; text?: string }, text?: string, status = 400) {
  return htmlPage(status, reviewUploadPage({ ...(await pageContext(deps, session)), form: { values: text ? { text } : {}, errors } }));
}


/**
 * The upload forms' answer to a body over their limit, which the router refuses (413) before any
 * handler runs: the same form again, for a registrar, with the limit beside the file field.
 * Undefined for any other route or person (the workspace's general refusal page then).
 */
export async function uploadTooLarge(deps: WorkspaceDeps, session: Session, routeKey: string): Promise<ApiResult | undefined> {
  if (!isRegistrar(session.caller)) return undefined;
  if (routeKey === 'POST /granska') return uploadAgain(deps, session, { pdf: `PDF:en är för stor: högst ${readableSize(PDF_MAX_BYTES)}.` }, undefined, 413);
  if (routeKey === 'POST /importera') return renderImport(deps, session, 413, { form: { values: {}, errors: { file: `Filen är för stor: högst ${readableSize(IMPORT_MAX_BYTES)} och ${IMPORT_MAX_ROWS} rader.` } } });
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Importera

/** The rows read, as the confirm form carries them back: bounded to what one import takes. */
const keptTable = z.strictObject({
  // The rows of items, and the column names' row with any rows above it (a title) among the first 10.
  rows: z
    .array(
      z.strictObject({
        row: z.int().min(1).max(1_000_000),
        cells: z.array(z.string().max(5000)).max(100),
        merged: z.array(z.int().min(0).max(99)).max(100).optional(),
      }),
    )
    .max(IMPORT_MAX_ROWS + 10),
  // A workbook's sheets (XLSX only): the one read and those not read, named again on the confirmed result.
  sheets: z.strictObject({ read: z.string().max(255), others: z.array(z.string().max(255)).max(255) }).optional(),
});

async function renderImport(deps: WorkspaceDeps, session: Session, status: number, extra: Omit<ImportModel, keyof Awaited<ReturnType<typeof pageContext>> | 'form'> & { form?: ImportModel['form'] } = {}) {
  return htmlPage(status, importPage({ ...(await pageContext(deps, session)), form: { values: {} }, ...extra }));
}

/** `GET /importera`: the form for the backlog file. */
export async function showImport(deps: WorkspaceDeps, { session }: PageRequest) {
  requireRegistrar(session.caller);
  return renderImport(deps, session, 200);
}

/**
 * `POST /importera`. As a file upload: the file read (XLSX or CSV) and dry-run as `POST /imports?dryRun=true`,
 * every bad row and column named; the rows read go back in the confirm form. Confirmed: imported as
 * `POST /imports` (a row imported before is not imported again).
 */
export async function importFile(deps: WorkspaceDeps, { session, body, files }: FormRequest & { files?: Files }) {
  requireRegistrar(session.caller);
  let table: SheetTable;
  let fileName: string | undefined;
  try {
    if (files !== undefined) {
      const file = files.file;
      if (!file) return renderImport(deps, session, 400, { form: { values: {}, errors: { file: 'Välj filen att läsa in.' } } });
      const xlsx = file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name);
      table = await deps.readSpreadsheet(file.bytes, xlsx ? 'xlsx' : 'csv');
      fileName = file.name;
    } else {
      const parsed = keptTable.safeParse(JSON.parse(body.table ?? ''));
      if (!parsed.success) return renderImport(deps, session, 400, { form: { values: {}, errors: { file: 'Provkörningen gick inte att läsa. Läs in filen igen.' } } });
      table = parsed.data;
    }
    const dryRun = files !== undefined;
    const result = await importBacklog(deps, session.caller, table, { dryRun });
    return renderImport(deps, session, 200, { result: { dryRun, ...result }, ...(fileName ? { fileName } : {}), ...(dryRun ? { table: JSON.stringify(table) } : {}) });
  } catch (error) {
    if (error instanceof SyntaxError) return renderImport(deps, session, 400, { form: { values: {}, errors: { file: 'Provkörningen gick inte att läsa. Läs in filen igen.' } } });
    if (!isInputProblem(error)) throw error;
    return renderImport(deps, session, 400, { form: { values: {}, errors: { file: error.message } } });
  }
}
