import type { ComponentChildren } from 'preact';
import { isRegistrar } from '../../domain/caller';
import { swedishDate } from '../../domain/dates';
import type { HistoryEvent } from '../../domain/items/history';
import { CsrfField, Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { DateText, DaysLeft, EmailAddress, ErrorSummary, TextArea, TextField } from './components';
import {
  actionLabel,
  attentionText,
  changeLines,
  decisionReference,
  decisionText,
  differenceLines,
  dueFormText,
  instant,
  kindLabel,
  laterDeadlineWarning,
  longDate,
  personText,
  remindersText,
  STATE_LABELS,
} from './format';
import { CHANGE_FIELDS, itemFieldValues, itemFormValues, OPENED_FIELDS, OPENED_PREFIX, REGISTER_LABELS } from './forms';
import { ItemFields } from './item-fields';
import type { ChangeField, FormState, FormValues, ItemFormName, ItemPageModel, RegisterField, Viewer, WorkspaceItem } from './models';

/**
 * Which forms a person gets on an item: registrars all that fit its status; its official, on an
 * open item, the four of their email link page ("Markera som klart", "Begär förlängning",
 * "Lämna lägesrapport", "Inte mitt ärende").
 */
export function itemForms(viewer: Viewer, item: Pick<WorkspaceItem, 'status' | 'responsible' | 'extensionRequest'>): ItemFormName[] {
  if (isRegistrar(viewer)) {
    if (item.status !== 'open') return ['reopen'];
    return ['change', 'close', 'cancel', 'reassign', ...(item.extensionRequest ? (['grant', 'refuse'] as const) : [])];
  }
  return item.status === 'open' && item.responsible.email === viewer.who ? ['close', 'extension', 'statusReport', 'notMine'] : [];
}

/** Each form's anchor and id prefix on the page. */
const FORM_IDS: Record<ItemFormName, string> = {
  change: 'andra',
  close: 'klar',
  cancel: 'avbryt',
  reopen: 'oppna',
  reassign: 'ansvarig',
  grant: 'bevilja',
  refuse: 'avsla',
  extension: 'forlangning',
  statusReport: 'lagesrapport',
  notMine: 'inte-mitt',
};

const CHANGE_LABELS: Record<ChangeField, string> = { ...REGISTER_LABELS, reason: 'Skäl', note: 'Anteckning', version: 'Formuläret' };

interface FormProps {
  name: ItemFormName;
  model: ItemPageModel;
  button: string;
  variant?: 'secondary';
  children: (state: FormState<ChangeField>, field: (name: ChangeField) => { name: ChangeField; id: string; value?: string; error?: string }) => ComponentChildren;
}

/** One of the item's forms: it posts to the item with the version shown, and shows its own errors. */
function ItemForm({ name, model, button, variant, children }: FormProps) {
  const prefix = `${FORM_IDS[name]}-`;
  const state: FormState<ChangeField> = model.form?.name === name ? model.form.state : { values: name === 'change' ? itemFormValues(model.item) : {} };
  const opened = model.form?.name === name ? model.form.opened : undefined;
  const field = (fieldName: ChangeField) => ({ name: fieldName, id: `${prefix}${fieldName}`, value: state.values[fieldName], error: state.errors?.[fieldName] });
  return (
    <form method="post" action={WORKSPACE_PATHS.item(model.item.id)} noValidate class="stack">
      <CsrfField token={model.csrf} />
      <input type="hidden" name="action" value={name} />
      {/* The version this page shows (a refused "Ändra" keeps the one it was opened at): a change made meanwhile is caught, and shown, instead of overwritten. */}
      <input type="hidden" name="version" value={opened?.version ?? String(model.item.version)} />
      {/* The values the fields show the item with at that version: the server saves only the fields the clerk changed. */}
      {name === 'change' && <OpenedValues values={opened?.values ?? itemFieldValues(model.item)} />}
      {state.message && (
        <div class="ds-alert" data-color="danger">
          <p>{state.message}</p>
        </div>
      )}
      <ErrorSummary errors={state.errors} order={CHANGE_FIELDS} labels={CHANGE_LABELS} idPrefix={prefix} />
      {children(state, field)}
      <div class="buttons">
        <button type="submit" class="ds-button" data-variant={variant}>
          {button}
        </button>
      </div>
    </form>
  );
}

function OpenedValues({ values }: { values: FormValues<RegisterField> }) {
  return (
    <>
      {OPENED_FIELDS.map((field) => (
        <input key={field} type="hidden" name={`${OPENED_PREFIX}${field}`} value={values[field] ?? ''} />
      ))}
    </>
  );
}

function FormSection({ name, model, summary, children }: { name: ItemFormName; model: ItemPageModel; summary: string; children: ComponentChildren }) {
  const open = model.form?.name === name;
  return (
    <details class="ds-details" id={FORM_IDS[name]} open={open}>
      <summary>{summary}</summary>
      <div>{children}</div>
    </details>
  );
}

/** What another clerk saved while the person's form was open; `changeForm` when it was Ändra, which keeps only the fields they changed. */
function ChangedMeanwhile({ events, differences, changeForm }: { events: HistoryEvent[]; differences: string[]; changeForm: boolean }) {
  return (
    <div class="ds-alert" data-color="warning">
      <h2 class="ds-heading" data-size="2xs">
        Ärendet har ändrats medan du skrev
      </h2>
      <ul>
        {events.map((event) => {
          const lines = changeLines(event);
          return (
            <li key={event.at}>
              Ärendet har ändrats av <EmailAddress email={event.by} /> {instant(event.at)}: {lines.length ? lines.join('; ') : actionLabel(event.action)}
            </li>
          );
        })}
      </ul>
      {differences.length > 0 && (
        <>
          <p>Där din ändring och den sparade skiljer sig:</p>
          <ul>
            {differences.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p>Det du skrev finns kvar i formuläret. Kontrollera det mot ändringen och spara igen.</p>
      {changeForm && <p>Fält du inte har ändrat visar det som nu är sparat, och bara det du har ändrat sparas.</p>}
    </div>
  );
}

/** A lägesrapport or "Inte mitt ärende" records its note as the change itself: one line, not two. */
const noteInChanges = (event: HistoryEvent) =>
  Object.values(event.changes).some(({ to }) => typeof to === 'object' && to !== null && (to as { note?: unknown }).note === event.note);

function History({ events }: { events: HistoryEvent[] }) {
  return (
    <ol class="timeline">
      {events.map((event, i) => {
        const lines = changeLines(event);
        return (
          <li key={i}>
            <h3>{actionLabel(event.action)}</h3>
            <p class="hint">
              {instant(event.at)}, {event.by}
              {event.via ? `, via ${event.via}` : ''}
            </p>
            {lines.length > 0 && (
              <ul class="changes">
                {lines.map((line, j) => (
                  <li key={j}>{line}</li>
                ))}
              </ul>
            )}
            {event.reason && <p>Skäl: {event.reason}</p>}
            {event.note && !noteInChanges(event) && <p>Anteckning: {event.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}

function Facts({ item }: { item: WorkspaceItem }) {
  return (
    <dl class="facts">
      <dt>Typ</dt>
      <dd>{kindLabel(item.kind)}</dd>
      <dt>Beslut</dt>
      <dd>{item.decision ? decisionText(item.decision) : 'Inget organ har beslutat ännu'}</dd>
      <dt>Diarienummer</dt>
      <dd>{item.caseNumber ?? 'Inget diarienummer angivet'}</dd>
      {item.remiss && (
        <>
          <dt>Remiss</dt>
          <dd>{decisionReference({ remiss: item.remiss, due: item.due })}</dd>
        </>
      )}
      {item.description && (
        <>
          <dt>Beskrivning</dt>
          <dd class="prewrap">{item.description}</dd>
        </>
      )}
      <dt>Ansvarig</dt>
      <dd>{personText(item.responsible)}</dd>
      <dt>Enhet</dt>
      <dd>{item.unit}</dd>
      <dt>Chef</dt>
      <dd>{item.manager ? personText(item.manager) : 'Ingen angiven på ärendet (enhetens chef i enhetskatalogen gäller, om enheten har en)'}</dd>
      <dt>Fristen anges som</dt>
      <dd>{dueFormText(item.due)}</dd>
      <dt>Påminnelser</dt>
      <dd>
        {remindersText(item.reminders)}
        {item.nextReminderDate && (
          <>
            {'. Nästa: '}
            <DateText date={item.nextReminderDate} />
          </>
        )}
      </dd>
      {item.deadlineChanges ? (
        <>
          <dt>Tidsfristen ändrad</dt>
          <dd>
            {item.deadlineChanges === 1 ? 'en gång' : `${item.deadlineChanges} gånger`}
            {item.lastDeadlineReason ? `, senast: ${item.lastDeadlineReason}` : ''}
          </dd>
        </>
      ) : null}
      {item.statusReport && (
        <>
          <dt>Lägesrapport</dt>
          <dd>
            {item.statusReport.note} <span class="hint">({item.statusReport.by}, {instant(item.statusReport.at)})</span>
          </dd>
        </>
      )}
      <dt>Registrerat</dt>
      <dd>
        {instant(item.createdAt)} av {item.createdBy}
      </dd>
      <dt>Senast ändrat</dt>
      <dd>{instant(item.updatedAt)}</dd>
    </dl>
  );
}

/**
 * Ärende: everything stored about an item, the deadline and why ("Så räknas fristen"), its state
 * in words, the history as a timeline, and the forms the person may use. When the item changed
 * after the form was shown, the page says what changed and by whom, and keeps what was typed.
 */
export function itemPage(model: ItemPageModel): string {
  const { item, viewer } = model;
  const forms = itemForms(viewer, item);
  return renderPage(
    <Layout title={item.title} context={model} current="items" lead={`${kindLabel(item.kind)}, ${decisionReference(item)}`}>
      {model.changedMeanwhile && model.changedMeanwhile.length > 0 && (
        <ChangedMeanwhile
          events={model.changedMeanwhile}
          differences={model.yourChange ? differenceLines(model.yourChange, { ...item }, model.changedMeanwhile) : []}
          changeForm={model.form?.name === 'change'}
        />
      )}
      <section class="ds-card" data-variant="tinted" aria-labelledby="tidsfrist">
        <h2 id="tidsfrist" class="ds-heading" data-size="sm">
          {item.state === 'done' || item.state === 'cancelled' ? STATE_LABELS[item.state] : `Tidsfrist ${longDate(item.dueDate)}`}
        </h2>
        <p>
          <strong>
            <DaysLeft item={item} />
          </strong>
          {item.state === 'done' || item.state === 'cancelled' ? (
            <>
              {' '}
              (tidsfristen var <DateText date={item.dueDate} />)
            </>
          ) : null}
        </p>
        {item.meetingDate && <p>Sammanträde: {longDate(item.meetingDate)}</p>}
        {item.externalDeadline && <p>Sista dag hos mottagaren: {longDate(item.externalDeadline)}</p>}
        {item.statutoryLimit && <p>Lagstadgad gräns: {longDate(item.statutoryLimit)}</p>}
        <p>
          <strong>Så räknas fristen:</strong> {item.dueExplanation}
        </p>
      </section>

      {item.attention && (
        <div class="ds-alert" data-color="warning">
          <p>{attentionText(item)}</p>
        </div>
      )}

      {item.extensionRequest && (
        <section class="ds-alert" data-color="info" aria-labelledby="begaran">
          <h2 id="begaran" class="ds-heading" data-size="2xs">
            Handläggaren begär ny tidsfrist {longDate(item.extensionRequest.date)}
          </h2>
          <p>
            {item.extensionRequest.reason} ({item.extensionRequest.by}, {instant(item.extensionRequest.at)})
          </p>
        </section>
      )}
      {item.reassignRequest && (
        <div class="ds-alert" data-color="info">
          <p>
            {item.reassignRequest.by} säger att ärendet inte är deras ({instant(item.reassignRequest.at)}){item.reassignRequest.note ? `: ${item.reassignRequest.note}` : '.'}
          </p>
        </div>
      )}

      <section aria-labelledby="uppgifter">
        <h2 id="uppgifter" class="ds-heading" data-size="sm">
          Uppgifter
        </h2>
        <Facts item={item} />
      </section>

      {forms.length > 0 && (
        <section aria-labelledby="atgarder" class="no-print">
          <h2 id="atgarder" class="ds-heading" data-size="sm">
            Åtgärder
          </h2>
          {forms.includes('grant') && (
            <FormSection name="grant" model={model} summary="Bevilja förlängningen">
              <ItemForm name="grant" model={model} button="Bevilja förlängning">
                {(state, field) => (
                  <>
                    <TextField {...field('dueDate')} value={state.values.dueDate ?? item.extensionRequest?.date} label="Ny tidsfrist" type="date" hint={laterDeadlineWarning(item)} />
                    <TextArea {...field('reason')} label="Skäl" hint="T.ex. vem som beviljade och när." />
                  </>
                )}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('refuse') && (
            <FormSection name="refuse" model={model} summary="Avslå förlängningen">
              <ItemForm name="refuse" model={model} button="Avslå begäran" variant="secondary">
                {(_, field) => <TextArea {...field('reason')} label="Skäl" hint="Handläggaren får skälet i sitt nästa mejl." />}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('change') && (
            <FormSection name="change" model={model} summary="Ändra">
              <ItemForm name="change" model={model} button="Spara ändringarna">
                {(state, field) => (
                  <>
                    <ItemFields state={state} idPrefix="andra-" bodies={[]} units={[]} />
                    <TextArea {...field('reason')} label="Skäl" hint="Krävs när tidsfristen ändras, t.ex. vilket beslut som gav förlängningen. Sparas i historiken." />
                  </>
                )}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('reassign') && (
            <FormSection name="reassign" model={model} summary="Byt ansvarig">
              <ItemForm name="reassign" model={model} button="Byt ansvarig">
                {(_, field) => (
                  <>
                    <div class="field-row">
                      <TextField {...field('responsibleName')} label="Ny ansvarig (namn)" />
                      <TextField {...field('responsibleEmail')} label="Ny ansvarig (e-post)" type="email" />
                    </div>
                    <TextArea {...field('reason')} label="Skäl" hint="Frivilligt." />
                  </>
                )}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('close') && (
            <FormSection name="close" model={model} summary="Markera som klart">
              <ItemForm name="close" model={model} button="Markera som klart">
                {(_, field) => <TextArea {...field('note')} label="Anteckning" hint='Vad gjordes, t.ex. "Återrapporterad KS 2027-09-15 § 88".' />}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('extension') && (
            <FormSection name="extension" model={model} summary="Begär förlängning">
              <ItemForm name="extension" model={model} button="Skicka begäran">
                {(_, field) => (
                  <>
                    <TextField {...field('dueDate')} label="Föreslaget nytt datum" type="date" hint={`Efter nuvarande tidsfrist, ${swedishDate(item.dueDate)}, och inom två år. Skriv ÅÅÅÅ-MM-DD.`} />
                    <TextArea {...field('reason')} label="Skäl" />
                  </>
                )}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('statusReport') && (
            <FormSection name="statusReport" model={model} summary="Lämna lägesrapport">
              <ItemForm name="statusReport" model={model} button="Spara lägesrapport">
                {(_, field) => <TextArea {...field('note')} label="Hur går arbetet?" hint="Till exempel: Utredningen klar i maj, väntar på yttrande från SN." />}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('notMine') && (
            <FormSection name="notMine" model={model} summary="Inte mitt ärende">
              <ItemForm name="notMine" model={model} button="Meddela registratorn" variant="secondary">
                {(_, field) => <TextArea {...field('note')} label="Vem borde ha det?" hint="Frivilligt." />}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('cancel') && (
            <FormSection name="cancel" model={model} summary="Avbryt ärendet">
              <ItemForm name="cancel" model={model} button="Avbryt ärendet" variant="secondary">
                {(_, field) => <TextArea {...field('reason')} label="Skäl" hint="T.ex. att beslutet har upphävts." />}
              </ItemForm>
            </FormSection>
          )}
          {forms.includes('reopen') && (
            <FormSection name="reopen" model={model} summary="Öppna ärendet igen">
              <ItemForm name="reopen" model={model} button="Öppna ärendet igen">
                {(_, field) => <TextArea {...field('reason')} label="Skäl" hint="Frivilligt." />}
              </ItemForm>
            </FormSection>
          )}
        </section>
      )}

      <section aria-labelledby="historik">
        <h2 id="historik" class="ds-heading" data-size="sm">
          Historik
        </h2>
        <History events={model.history} />
      </section>
    </Layout>,
  );
}
