import { KINDS, LIMITS } from '../../domain/items/vocabulary';
import { Choice, Select, TextArea, TextField } from './components';
import { kindLabel, longDate } from './format';
import { warningText } from './flash';
import { DUE_CHOICE_LABELS, DUE_CHOICES, REGISTER_LABELS, type DueChoice } from './forms';
import type { ChangeField, DeadlinePreview, FormState, RegisterField } from './models';

const DUE_CHOICE_HINTS: Record<DueChoice, string> = {
  date: 'Datumet som beslutet anger.',
  meeting: 'Återrapportering till ett sammanträde: ange månaden ("i september") eller sammanträdets datum. Fristen blir dagen handlingarna ska vara inne.',
  meetingBy: 'Till organets sista sammanträde på eller före ett datum, t.ex. "under 2027".',
  remiss: 'Yttrande på en remiss: fristen räknas bakåt från mottagarens sista dag.',
  motion: 'Motionen ska besvaras inom ett år från den dag den väcktes (kommunallagen 5 kap. 35 §).',
};

interface ItemFieldsProps {
  state: FormState<RegisterField> | FormState<ChangeField>;
  /** Prefix of the fields' ids when the page has more than one form. */
  idPrefix?: string;
  /** Prefix of the fields' names when one form holds several items (Granska beslut: `p0-`, `p1-` …). */
  namePrefix?: string;
  /** Bodies and units to suggest (datalists). */
  bodies: string[];
  units: string[];
  /** People to suggest as responsible (the role directory). */
  people?: { name: string; email: string }[];
  /** The id of the form the fields belong to when they stand outside it (Granska beslut). */
  form?: string;
}

/**
 * The item's fields, as Registrera and the item's "Ändra" form show them: the item, the decision
 * (or the remiss), who is responsible, and the deadline as radio choices each with its inputs,
 * all usable without JavaScript.
 */
export function ItemFields({ state, idPrefix = '', namePrefix = '', bodies, units, people = [], form }: ItemFieldsProps) {
  const values = state.values as FormState<RegisterField>['values'];
  const errors = (state.errors ?? {}) as NonNullable<FormState<RegisterField>['errors']>;
  const field = (name: RegisterField) => ({ name: `${namePrefix}${name}`, id: `${idPrefix}${name}`, label: REGISTER_LABELS[name], value: values[name], error: errors[name], form });
  // Suggestions only where there are some.
  const bodyList = bodies.length ? `${idPrefix}organ-forslag` : undefined;
  const unitList = units.length ? `${idPrefix}enhet-forslag` : undefined;
  const nameList = people.length ? `${idPrefix}namn-forslag` : undefined;
  const emailList = people.length ? `${idPrefix}epost-forslag` : undefined;
  const chosen = values.dueForm;
  return (
    <>
      {nameList && emailList && (
        <>
          <datalist id={nameList}>
            {people.map((person) => (
              <option key={person.email} value={person.name} />
            ))}
          </datalist>
          <datalist id={emailList}>
            {people.map((person) => (
              <option key={person.email} value={person.email} label={person.name} />
            ))}
          </datalist>
        </>
      )}
      {bodyList && (
        <datalist id={bodyList}>
          {bodies.map((body) => (
            <option key={body} value={body} />
          ))}
        </datalist>
      )}
      {unitList && (
        <datalist id={unitList}>
          {units.map((unit) => (
            <option key={unit} value={unit} />
          ))}
        </datalist>
      )}

      <fieldset class="ds-fieldset">
        <legend>Ärendet</legend>
        <Select {...field('kind')} required options={[{ value: '', label: 'Välj typ' }, ...KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))]} />
        <TextField {...field('title')} required hint={`Som uppdraget står i beslutet, högst ${LIMITS.title} tecken.`} />
        <TextArea {...field('description')} hint={`Frivilligt, högst ${LIMITS.description.toLocaleString('sv-SE')} tecken.`} rows={3} />
        <TextField {...field('caseNumber')} class="short-field" hint="Frivilligt, t.ex. KS 2026/141." />
      </fieldset>

      <fieldset class="ds-fieldset">
        <legend>Beslut</legend>
        <p>För ett yttrande som registreras när remissen kommer, innan något organ har beslutat: lämna beslutet tomt och fyll i remissen.</p>
        <div class="field-row">
          <TextField {...field('decisionBody')} list={bodyList} hint="Förkortning, t.ex. KS." />
          <TextField {...field('decisionDate')} type="date" />
          <TextField {...field('decisionParagraph')} hint="Frivilligt, t.ex. § 58." />
        </div>
        <div class="field-row">
          <TextField {...field('remissReceived')} type="date" hint="Bara yttrande. Frivilligt." />
          <TextField {...field('remissReference')} hint="Bara yttrande: avsändarens diarienummer. Frivilligt." />
        </div>
      </fieldset>

      <fieldset class="ds-fieldset">
        <legend>Ansvar</legend>
        <div class="field-row">
          <TextField {...field('responsibleName')} required autocomplete="off" list={nameList} />
          <TextField {...field('responsibleEmail')} required type="email" list={emailList} />
        </div>
        <TextField {...field('unit')} required list={unitList} hint="Förvaltningen eller avdelningen." />
        <div class="field-row">
          <TextField {...field('managerName')} hint="Frivilligt: utan chef gäller enhetens chef." />
          <TextField {...field('managerEmail')} type="email" hint="Frivilligt." />
        </div>
      </fieldset>

      <fieldset class="ds-fieldset" aria-describedby={errors.dueForm ? `${idPrefix}dueForm-fel` : undefined}>
        <legend>Tidsfrist</legend>
        <p>Välj hur beslutet anger tidsfristen och fyll i uppgifterna under ditt val.</p>
        {errors.dueForm && (
          <p class="ds-validation-message" id={`${idPrefix}dueForm-fel`}>
            {errors.dueForm}
          </p>
        )}
        {DUE_CHOICES.map((choice, i) => (
          <div key={choice} class="stack">
            <Choice
              type="radio"
              name={`${namePrefix}dueForm`}
              id={i === 0 ? `${idPrefix}dueForm` : `${idPrefix}dueForm-${choice}`}
              value={choice}
              label={DUE_CHOICE_LABELS[choice]}
              checked={chosen === choice}
              describedBy={`${idPrefix}dueForm-${choice}-hjalp`}
              invalid={Boolean(errors.dueForm)}
              form={form}
            />
            <div class="due-choice">
              <p class="hint" id={`${idPrefix}dueForm-${choice}-hjalp`}>
                {DUE_CHOICE_HINTS[choice]}
              </p>
              {choice === 'date' && <TextField {...field('dueDate')} type="date" />}
              {choice === 'meeting' && (
                <div class="field-row">
                  <TextField {...field('meetingBody')} list={bodyList} />
                  <TextField {...field('meetingMonth')} type="month" hint="ÅÅÅÅ-MM" />
                  <TextField {...field('meetingDate')} type="date" hint="I stället för månad." />
                </div>
              )}
              {choice === 'meetingBy' && (
                <div class="field-row">
                  <TextField {...field('meetingByBody')} list={bodyList} />
                  <TextField {...field('meetingByDate')} type="date" />
                </div>
              )}
              {choice === 'remiss' && (
                <div class="field-row">
                  <TextField {...field('externalDeadline')} type="date" />
                  <TextField {...field('recipient')} hint="T.ex. Länsstyrelsen." />
                  <TextField {...field('decidedBy')} list={bodyList} hint="Organ, eller tomt om svaret ges på delegation." />
                </div>
              )}
              {choice === 'motion' && <TextField {...field('raised')} type="date" hint="Datumet då motionen väcktes i fullmäktige." />}
            </div>
          </div>
        ))}
      </fieldset>
    </>
  );
}

/**
 * The deadline a filled-in form gives ("Visa tidsfrist") with the warnings registering would give,
 * in the confirmation's words (warningText), or why there is none; `id` when a page shows several,
 * `headingLevel` 3 inside a section of its own.
 */
export function PreviewResult({ preview, id = 'tidsfrist-resultat', headingLevel = 2 }: { preview: DeadlinePreview; id?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  if (!preview.ok) {
    return (
      <div class="ds-alert" data-color="warning" id={id}>
        <Heading class="ds-heading" data-size="2xs">
          Tidsfristen går inte att räkna ut
        </Heading>
        <p>{preview.message}</p>
      </div>
    );
  }
  return (
    <div class="ds-alert" data-color={preview.warnings?.length ? 'warning' : 'info'} id={id}>
      <Heading class="ds-heading" data-size="2xs">
        Tidsfrist: {longDate(preview.dueDate)}
      </Heading>
      {preview.meetingDate && <p>Sammanträde: {longDate(preview.meetingDate)}</p>}
      {preview.externalDeadline && <p>Sista dag hos mottagaren: {longDate(preview.externalDeadline)}</p>}
      {preview.statutoryLimit && <p>Lagstadgad gräns: {longDate(preview.statutoryLimit)}</p>}
      <p>Så räknas fristen: {preview.dueExplanation}</p>
      {preview.warnings?.length ? (
        <>
          <p>Om ärendet registreras nu:</p>
          <ul>
            {preview.warnings.map((warning) => (
              <li key={warning.code}>{warningText(warning.code)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
