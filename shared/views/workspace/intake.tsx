import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, IMPORT_RAISED_NAMES, type BacklogImport, type ImportedRow, type ImportStatus, type SkipReason } from '../../application/imports/backlog';
import { swedishDate } from '../../domain/dates';
import { listOr } from '../../domain/validation';
import { CsrfField, Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { Choice, ErrorSummary, TextArea } from './components';
import { DEFAULT_REMINDERS, KINDS, type Kind } from '../../domain/items/vocabulary';
import { kindLabel } from './format';
import { proposalPrefix, REGISTER_FIELDS, REGISTER_LABELS } from './forms';
import { ItemFields, PreviewResult } from './item-fields';
import type { ImportModel, ProposalModel, ReviewModel, ReviewUploadModel } from './models';
import type { Mention } from '../../application/drafts/drafts';

/** Issue 20's pages: a justerat protokoll read into proposals to register (Granska beslut), and the existing backlog imported from a spreadsheet (Importera). */

/** A file field in Designsystemet's markup (the components have none of their own for files). */
function FileField({ name, label, accept, hint, error }: { name: string; label: string; accept: string; hint: string; error?: string | undefined }) {
  const describedBy = [`${name}-hjalp`, error ? `${name}-fel` : undefined].filter(Boolean).join(' ');
  return (
    <div class="ds-field">
      <label class="ds-label" for={name}>
        {label}
      </label>
      <p data-field="description" id={`${name}-hjalp`}>
        {hint}
      </p>
      <input class="ds-input" type="file" id={name} name={name} accept={accept} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} />
      {error && (
        <p class="ds-validation-message" data-field="validation" id={`${name}-fel`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The protokoll's limits, as the page and the README say them. */
const PDF_LIMIT = 'en PDF med text (inte inskannad), högst 4,5 MB';
const TEXT_LIMIT = 'högst 400 000 tecken, ungefär 130 sidor';

/** Granska beslut, first step: the justerat protokoll as a PDF, or its text pasted. */
export function reviewUploadPage(model: ReviewUploadModel): string {
  const { form } = model;
  return renderPage(
    <Layout title="Granska beslut" context={model} current="review" lead="Läs in ett justerat protokoll och registrera de uppdrag det ger, vart och ett granskat mot sin mening i protokollet.">
      <form method="post" action={WORKSPACE_PATHS.review} encType="multipart/form-data" noValidate class="form-box stack">
        <CsrfField token={model.csrf} />
        <ErrorSummary errors={form.errors} order={['pdf', 'text'] as const} labels={{ pdf: 'Protokollet som PDF', text: 'Protokollets text' }} />
        <FileField name="pdf" label="Protokollet som PDF" accept=".pdf,application/pdf" hint={`Det justerade protokollet: ${PDF_LIMIT}.`} error={form.errors?.pdf} />
        <TextArea name="text" label="Eller klistra in protokollets text" value={form.values.text} error={form.errors?.text} rows={8} hint={`Används när ingen PDF väljs; ${TEXT_LIMIT}.`} />
        <button type="submit" class="ds-button">
          Läs protokollet
        </button>
      </form>
      <p class="hint">Inget sparas förrän du registrerar förslagen. Läs varje förslag mot protokollet innan du registrerar det.</p>
    </Layout>,
  );
}

/** The proposal in brief, as it would be registered: enough to check it against the protokoll. */
function ProposalFacts({ proposal }: { proposal: ProposalModel }) {
  const values = proposal.form.values;
  const missing = 'saknas';
  const decision = [values.decisionBody, values.decisionDate, values.decisionParagraph].filter(Boolean).join(' ');
  return (
    <dl class="facts">
      <dt>Typ</dt>
      <dd>{KINDS.includes(values.kind as Kind) ? kindLabel(values.kind as Kind) : missing}</dd>
      <dt>Beslut</dt>
      <dd>{[decision, values.caseNumber].filter(Boolean).join(', ') || missing}</dd>
      <dt>Ansvarig</dt>
      <dd>{values.responsibleName && values.responsibleEmail ? `${values.responsibleName} (${values.responsibleEmail})` : missing}</dd>
      <dt>Enhet</dt>
      <dd>{values.unit || missing}</dd>
    </dl>
  );
}

/**
 * Granska beslut's one form holds only its buttons and what travels with them; each proposal's fields
 * stand in the proposal and name the form (HTML's `form` attribute). So the printout, which leaves
 * forms and fields out, still shows every proposal beside its sentence, to check against the paper.
 */
const REVIEW_FORM = 'granska';

function Proposal({ proposal, model }: { proposal: ProposalModel; model: ReviewModel }) {
  const prefix = proposalPrefix(proposal.index);
  const number = proposal.index + 1;
  const headingId = `forslag-${number}`;
  const values = proposal.form.values;
  // Open where something is wrong or missing; otherwise the proposal in brief is enough to check.
  const open = Boolean(proposal.form.errors || proposal.problem || !values.responsibleEmail || !values.unit || !values.dueForm || (proposal.preview && !proposal.preview.ok));
  return (
    <article class="ds-card proposal" aria-labelledby={headingId}>
      <h2 id={headingId} class="ds-heading" data-size="sm">
        Förslag {number}: {values.title || 'utan rubrik'}
      </h2>
      {proposal.stored && (
        <div class="ds-alert" data-color="success">
          <p>
            {proposal.stored.replayed ? 'Redan registrerat: ' : 'Registrerat: '}
            <a href={WORKSPACE_PATHS.item(proposal.stored.id)}>{values.title}</a>
          </p>
        </div>
      )}
      {proposal.problem && (
        <div class="ds-alert" data-color="danger">
          <p>Inte registrerat: {proposal.problem}</p>
        </div>
      )}
      <div class="proposal-grid">
        <section class="proposal-source" aria-label={`Förslag ${number} i protokollet`}>
          <h3 class="form-title">Ur protokollet</h3>
          <blockquote class="source-text">
            {proposal.source.before}
            <mark>{proposal.source.sentence}</mark>
            {proposal.source.after}
          </blockquote>
          {proposal.responsibleRole && <p class="hint">Ansvarig enligt texten: {proposal.responsibleRole}</p>}
          {proposal.flagReason && (
            <div class="ds-alert" data-color="warning">
              <p>Kontrollera: {proposal.flagReason}</p>
            </div>
          )}
        </section>
        <div class="stack">
          <div class="no-print">
            <Choice type="checkbox" name={`${prefix}choose`} id={`${prefix}choose`} value="ja" label={`Registrera förslag ${number}`} checked={proposal.chosen} form={REVIEW_FORM} />
          </div>
          {!proposal.stored && <p class="print-only">{proposal.chosen ? 'Vald att registreras.' : 'Inte vald att registreras.'}</p>}
          <ProposalFacts proposal={proposal} />
          {proposal.preview && <PreviewResult preview={proposal.preview} id={`${prefix}tidsfrist`} headingLevel={3} />}
          <details class="ds-details no-print" open={open}>
            <summary>Ändra förslaget</summary>
            <div class="stack">
              <ErrorSummary errors={proposal.form.errors} order={REGISTER_FIELDS} labels={REGISTER_LABELS} idPrefix={prefix} />
              <ItemFields state={proposal.form} idPrefix={prefix} namePrefix={prefix} bodies={model.bodies} units={model.units} people={model.people} form={REVIEW_FORM} />
            </div>
          </details>
        </div>
      </div>
    </article>
  );
}

const MENTION_WORDS: Record<Mention, string> = { uppdrag: 'uppdrag', aterrapportering: 'återrapport', yttrande: 'yttrande eller remiss', motion: 'motion', tidsfrist: 'tidsfrist' };

/** "uppdrag", "uppdrag och tidsfrist", "uppdrag, återrapport och tidsfrist". */
const mentionsInWords = (mentions: Mention[]) => {
  const words = mentions.map((m) => MENTION_WORDS[m]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} och ${words.at(-1)}` : (words[0] ?? '');
};

/**
 * The sentences that mention work but gave no proposal: the review finds only part of the work in a
 * real protokoll, so what it may have missed is put before the clerk instead of passing in silence.
 */
function Unproposed({ sentences }: { sentences: ReviewModel['unproposed'] }) {
  return (
    <section aria-labelledby="att-lasa" class="stack">
      <h2 id="att-lasa" class="ds-heading" data-size="sm">
        {sentences.length === 1 ? 'En mening att läsa själv' : `${sentences.length} meningar att läsa själv`}
      </h2>
      <p>
        Granskningen hittar inte alla ärenden i ett protokoll.{' '}
        {sentences.length === 1
          ? 'Den här meningen talar om arbete eller tidsfrister men gav inget förslag. Läs den i protokollet och '
          : 'De här meningarna talar om arbete eller tidsfrister men gav inget förslag. Läs dem i protokollet och '}
        <a href={WORKSPACE_PATHS.register}>registrera för hand</a> det som är ett ärende.
      </p>
      <ul class="stack">
        {sentences.map((unproposed, i) => (
          <li key={i}>
            <p class="hint">
              {unproposed.paragraph ? `${unproposed.paragraph}: ` : ''}nämner {mentionsInWords(unproposed.mentions)}
            </p>
            <blockquote class="source-text">{unproposed.sentence}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What "Registrera valda" did, in one sentence: "2 förslag är registrerade, 1 var redan registrerat sedan tidigare." A
 * proposal registered before (the same protokoll read again, or the form sent twice) is never counted as registered now.
 */
export function registeredSummary({ stored, before, failed }: { stored: number; before: number; failed: number }): string {
  const participle = (n: number) => (n === 1 ? 'registrerat' : 'registrerade');
  const parts = [
    ...(stored > 0 || (before === 0 && failed === 0) ? [`${stored} är ${participle(stored)}`] : []),
    ...(before > 0 ? [`${before} var redan ${participle(before)} sedan tidigare`] : []),
    ...(failed > 0 ? [`${failed} är inte ${participle(failed)}: se varför vid förslaget nedan`] : []),
  ];
  // The first count carries the noun: "2 förslag är registrerade, 1 var redan registrerat sedan tidigare."
  return `${parts.join(', ').replace(/^(\d+)/, '$1 förslag')}.`;
}

/**
 * Granska beslut, the review: each proposal beside its source sentence, highlighted within its
 * paragraph, with its fields to correct and its deadline; the chosen ones registered with
 * "Registrera valda". The text read travels in the form, so nothing waits on the server.
 */
export function reviewPage(model: ReviewModel): string {
  const count = model.proposals.length;
  return renderPage(
    <Layout title="Granska beslut" context={model} current="review" lead={count === 0 ? 'Protokollet gav inga förslag.' : `Protokollet gav ${count === 1 ? 'ett förslag' : `${count} förslag`}. Kontrollera vart och ett mot protokollet.`}>
      {model.registered && (
        <div class={`ds-alert`} data-color={model.registered.failed ? 'warning' : 'success'}>
          <p>{registeredSummary(model.registered)}</p>
        </div>
      )}
      {count === 0 ? (
        <p>
          {model.unproposed.length === 0
            ? 'Inget i texten ser ut som ett uppdrag, en återrapportering, ett yttrande eller en motion. '
            : model.unproposed.length === 1
              ? 'Ingen mening i texten blev ett förslag, men en talar om arbete eller tidsfrister: läs den nedan. '
              : 'Ingen mening i texten blev ett förslag, men några talar om arbete eller tidsfrister: läs dem nedan. '}
          <a href={WORKSPACE_PATHS.review}>Läs in ett annat protokoll</a> eller <a href={WORKSPACE_PATHS.register}>registrera för hand</a>.
        </p>
      ) : (
        <div class="stack">
          {model.proposals.map((proposal) => (
            <Proposal key={proposal.index} proposal={proposal} model={model} />
          ))}
          <form id={REVIEW_FORM} method="post" action={WORKSPACE_PATHS.review} noValidate class="buttons">
            <CsrfField token={model.csrf} />
            <input type="hidden" name="batch" value={model.batch} />
            <input type="hidden" name="text" value={model.text} />
            <button type="submit" name="intent" value="preview" class="ds-button" data-variant="secondary">
              Visa tidsfrister
            </button>
            <button type="submit" name="intent" value="register" class="ds-button">
              Registrera valda
            </button>
          </form>
        </div>
      )}
      {model.unproposed.length > 0 && <Unproposed sentences={model.unproposed} />}
      {model.exhortations.length > 0 && (
        <section aria-labelledby="uppmaningar">
          <h2 id="uppmaningar" class="ds-heading" data-size="sm">
            Uppmaningar (inga ärenden)
          </h2>
          <ul>
            {model.exhortations.map((exhortation, i) => (
              <li key={i}>
                {exhortation.to ? `${exhortation.to}: ` : ''}
                {exhortation.what}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>,
  );
}

/** "1 rad", "3 rader". */
const rowCount = (n: number) => (n === 1 ? '1 rad' : `${n} rader`);

const STATUS_TEXT: Record<ImportStatus, string> = {
  would_create: 'Kan importeras',
  created: 'Importerat',
  exists: 'Finns redan',
  error: 'Fel',
};

const SKIP_TEXT: Record<SkipReason, string> = {
  total: 'summarad',
  lone_text: 'en ensam text, som en fotnot eller mellanrubrik',
  unread_columns: 'värden bara i kolumner som inte läses',
};

/** "3 rader hoppades över: rad 9 och 10 (summarad), rad 11 (…)": each reason once, with its rows. */
/** A workbook of several sheets: which one was read, and that the others were not. */
function sheetsText({ read, others }: NonNullable<BacklogImport['sheets']>): string {
  const quoted = others.map((name) => `”${name}”`);
  return `Bara första bladet, ”${read}”, lästes. ${quoted.length === 1 ? `Bladet ${quoted[0]} lästes inte` : `Bladen ${listAnd(quoted)} lästes inte`}: ${quoted.length === 1 ? 'lägg det i en egen fil och importera den för sig' : 'lägg dem i egna filer och importera dem för sig'}.`;
}

function skippedText(skipped: BacklogImport['skipped']): string {
  const reasons = [...new Set(skipped.map((skip) => skip.reason))];
  const groups = reasons.map((reason) => {
    const rows = skipped.filter((skip) => skip.reason === reason).map((skip) => String(skip.row));
    return `${rows.length === 1 ? 'rad' : 'raderna'} ${listAnd(rows)} (${SKIP_TEXT[reason]})`;
  });
  return `${skipped.length === 1 ? '1 rad hoppades' : `${skipped.length} rader hoppades`} över, utan ärende: ${listAnd(groups)}.`;
}

/** What an import of an old backlog sets off at the first reminder run: the overdue email, to managers too for the long overdue. */
function overdueText({ rows, escalating, noManager, firstRun }: BacklogImport['overdue']): string {
  const late = `${DEFAULT_REMINDERS.escalateAfterDays} dagar eller mer efter tidsfristen`;
  const managers =
    escalating === 0
      ? '.'
      : escalating === rows
        ? `, och deras chefer får det också (${late}).`
        : `; för ${escalating} av dem (${late}) får chefen det också.`;
  const unmanaged = noManager
    ? ` ${noManager === 1 ? '1 ärende' : `${noManager} ärenden`} (${late}) har ingen chef att skicka till, varken på ärendet eller för enheten: ange chefen under Enheter.`
    : '';
  return `${rows === 1 ? '1 ärende i filen är redan försenat' : `${rows} ärenden i filen är redan försenade`}. Vid påminnelseutskicket på morgonen ${swedishDate(firstRun)} får de ansvariga mejl om försenat ärende${managers}${unmanaged}`;
}

const listAnd = (values: readonly string[]) => (values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} och ${values.at(-1)}`);

function ImportRows({ rows }: { rows: ImportedRow[] }) {
  return (
    <div class="table-wrap">
      <table class="ds-table stack-table" data-border data-size="sm">
        <caption class="ds-sr-only">Raderna i filen</caption>
        <thead>
          <tr>
            <th scope="col">Rad</th>
            <th scope="col">Utfall</th>
            <th scope="col">Vad som är fel</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <th scope="row" data-label="Rad">
                {row.row}
              </th>
              <td data-label="Utfall">
                {row.id && row.status !== 'would_create' ? <a href={WORKSPACE_PATHS.item(row.id)}>{STATUS_TEXT[row.status]}</a> : STATUS_TEXT[row.status]}
              </td>
              <td data-label="Vad som är fel">
                {row.issues?.length ? (
                  <ul class="issues">
                    {row.issues.map((issue, i) => (
                      <li key={i}>{issue.message}</li>
                    ))}
                  </ul>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Importera: the backlog file, then its dry run (every bad row and column named) with a button to
 * import what can be, then the import's outcome. Importing the same file again imports nothing twice.
 */
export function importPage(model: ImportModel): string {
  const { result } = model;
  const ready = result?.counts.would_create ?? 0;
  return renderPage(
    <Layout title="Importera ärenden" context={model} current="import" lead="Den befintliga bevakningslistan från ett kalkylblad (Excel eller CSV), rad för rad.">
      {result && (
        <section aria-labelledby="utfall">
          <h2 id="utfall" class="ds-heading" data-size="sm">
            {result.dryRun ? `Provkörning av ${model.fileName ?? 'filen'}` : 'Importen är klar'}
          </h2>
          <p>
            {result.dryRun
              ? `${rowCount(ready)} kan importeras, ${result.counts.exists} finns redan och ${result.counts.error} har fel. Inget är sparat ännu.`
              : `${result.counts.created === 1 ? '1 ärende' : `${result.counts.created} ärenden`} importerades, ${result.counts.exists} fanns redan och ${rowCount(result.counts.error)} hade fel.`}
          </p>
          {result.sheets && <p>{sheetsText(result.sheets)}</p>}
          {result.skipped.length > 0 && <p>{skippedText(result.skipped)}</p>}
          {result.dryRun && result.overdue.rows > 0 && (
            <div class="ds-alert" data-color="warning">
              <p>{overdueText(result.overdue)}</p>
            </div>
          )}
          <ImportRows rows={result.rows} />
          {result.dryRun && ready > 0 && model.table && (
            <form method="post" action={WORKSPACE_PATHS.import} noValidate class="form-box stack">
              <CsrfField token={model.csrf} />
              <input type="hidden" name="table" value={model.table} />
              <p>Raderna med fel importeras inte; rätta dem i filen och importera den igen (det som redan är importerat importeras inte två gånger).</p>
              <button type="submit" name="intent" value="import" class="ds-button">
                Importera {ready === 1 ? '1 ärende' : `${ready} ärenden`}
              </button>
            </form>
          )}
        </section>
      )}
      <form method="post" action={WORKSPACE_PATHS.import} encType="multipart/form-data" noValidate class="form-box stack">
        <h2 class="form-title">{result ? 'Läs in en annan fil' : 'Välj filen'}</h2>
        <CsrfField token={model.csrf} />
        <ErrorSummary errors={model.form.errors} order={['file'] as const} labels={{ file: 'Kalkylbladet' }} />
        <FileField
          name="file"
          label="Kalkylbladet (Excel eller CSV)"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint={
            `En av de första 10 raderna namnger kolumnerna som exporten från Ärenden gör: ${IMPORT_COLUMNS.join(', ')}; en rubrikrad ovanför hoppas över. ` +
            'Vanliga andra namn läses också, som Ärende, Dnr, §, Handläggare, Förvaltning och Klart senast. ' +
            `En motion utan Tidsfrist behöver datumet då den väcktes, i en kolumn ${listOr([...IMPORT_RAISED_NAMES])}. ` +
            `Summarader och fotnoter hoppas över. Högst ${IMPORT_MAX_ROWS} rader per fil.`
          }
          error={model.form.errors?.file}
        />
        <button type="submit" class="ds-button" data-variant={result ? 'secondary' : undefined}>
          Gör en provkörning
        </button>
      </form>
    </Layout>,
  );
}

/** The most of its paragraph shown on either side of a proposal's sentence. */
const CONTEXT_CHARS = 700;
/** Where a protokoll's paragraph begins: a line starting with "§ 31" (or "31 §"). */
const PARAGRAPH_START = /\n(?=§\s*\d|\d+\s*§)/g;

/**
 * A proposal's source within its paragraph (§) of the text read: the text before the sentence,
 * the sentence (`[start, end)`, as the drafting found it, without white space at its ends), and the
 * text after, each side at most 700 characters (cut with "…").
 */
export function sourceInParagraph(text: string, start: number, end: number): { before: string; sentence: string; after: string } {
  // The mark holds the words only: a line break at either end would show as a marked empty line.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(PARAGRAPH_START)) {
    if (match.index < start) from = match.index + 1;
    else if (match.index >= end) {
      to = match.index;
      break;
    }
  }
  const before = text.slice(Math.max(from, start - CONTEXT_CHARS), start);
  const after = text.slice(end, Math.min(to, end + CONTEXT_CHARS));
  return {
    before: `${start - CONTEXT_CHARS > from ? '…' : ''}${before}`,
    sentence: text.slice(start, end),
    after: `${after}${end + CONTEXT_CHARS < to ? '…' : ''}`,
  };
}
