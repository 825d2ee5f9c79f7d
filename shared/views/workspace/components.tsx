import type { ComponentChildren } from 'preact';
import { addressParts } from '../pages/html';
import { WORKSPACE_PATHS } from '../paths';
import { daysInWords, decisionReference, kindLabel, shortDate, urgency } from './format';
import type { FieldErrors, WorkspaceItem } from './models';

/** Pieces the workspace pages share: form fields in Designsystemet's markup, the error summary, item facts. */

interface FieldProps {
  /** The form field's name, also its id unless `id` says otherwise (several forms on one page). */
  name: string;
  id?: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** Required fields say so to assistive technology; the server checks them (forms are `novalidate`). */
  required?: boolean;
  class?: string;
  /** The id of the form the field belongs to when it stands outside it (HTML's `form` attribute). */
  form?: string | undefined;
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hjalp` : undefined, error ? `${id}-fel` : undefined].filter(Boolean).join(' ') || undefined;

function FieldFrame({ id, label, hint, error, children, class: extra }: { id: string; label: string; hint?: ComponentChildren; error?: string | undefined; children: ComponentChildren; class?: string | undefined }) {
  return (
    <div class={extra ? `ds-field ${extra}` : 'ds-field'}>
      <label class="ds-label" for={id}>
        {label}
      </label>
      {hint && (
        <p data-field="description" id={`${id}-hjalp`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="ds-validation-message" data-field="validation" id={`${id}-fel`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField(props: FieldProps & { type?: 'text' | 'email' | 'date' | 'month' | 'number' | 'search'; autocomplete?: string; inputMode?: 'numeric'; list?: string }) {
  const id = props.id ?? props.name;
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error} class={props.class}>
      <input
        class="ds-input"
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete ?? 'off'}
        inputMode={props.inputMode}
        list={props.list}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        form={props.form}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const id = props.id ?? props.name;
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error} class={props.class}>
      <textarea
        class="ds-input"
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        form={props.form}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function Select(props: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const id = props.id ?? props.name;
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error} class={props.class}>
      <select
        class="ds-input"
        id={id}
        name={props.name}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        form={props.form}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === (props.value ?? '')}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A radio button or checkbox with its label beside it. */
export function Choice(props: { type: 'radio' | 'checkbox'; name: string; id: string; value: string; label: string; checked: boolean; describedBy?: string | undefined; invalid?: boolean; form?: string | undefined }) {
  return (
    <div class="ds-field">
      <input
        class="ds-input"
        type={props.type}
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        form={props.form}
      />
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/**
 * The list of what is wrong, at the top of a form, each linked to its field (Designsystemet's error
 * summary). `order` is the form's field order; `labels` the fields' labels; `idPrefix` the fields'
 * id prefix when the page has several forms.
 */
export function ErrorSummary<F extends string>({ errors, order, labels, idPrefix = '' }: { errors: FieldErrors<F> | undefined; order: readonly F[]; labels: Record<F, string>; idPrefix?: string }) {
  const listed = order.filter((field) => errors?.[field]);
  if (listed.length === 0) return null;
  const headingId = `${idPrefix}felsammanfattning`;
  return (
    <div class="ds-error-summary" aria-labelledby={headingId}>
      <h2 id={headingId} class="ds-heading" data-size="xs">
        {listed.length === 1 ? 'Rätta det här innan du fortsätter' : `Rätta de här ${listed.length} sakerna innan du fortsätter`}
      </h2>
      <ul>
        {listed.map((field) => (
          <li key={field}>
            <a href={`#${idPrefix}${field}`}>
              {labels[field]}: {errors![field]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A calendar date as a `<time>`: "30 juni 2027". */
export const DateText = ({ date }: { date: string }) => (
  <time dateTime={date} class="nowrap">
    {shortDate(date)}
  </time>
);

/** Days left or overdue, coloured by urgency. */
export function DaysLeft({ item }: { item: WorkspaceItem }) {
  const level = urgency(item);
  return <span class={level}>{daysInWords(item)}</span>;
}

/** An e-mail address that breaks only after its @ and before its dots, never inside a word ("sam.ek@kommun / .example.se"). */
export const EmailAddress = ({ email }: { email: string }) => (
  <>
    {addressParts(email).map((part, i) => (
      <>
        {i > 0 && <wbr />}
        {part}
      </>
    ))}
  </>
);

export const ItemLink = ({ item }: { item: Pick<WorkspaceItem, 'id' | 'title'> }) => <a href={WORKSPACE_PATHS.item(item.id)}>{item.title}</a>;

/** The facts a registrar needs to recognise an item: kind, decision, responsible, unit, deadline. */
export function ItemFacts({ item }: { item: WorkspaceItem }) {
  return (
    <dl class="facts">
      <dt>Typ</dt>
      <dd>{kindLabel(item.kind)}</dd>
      <dt>Beslut</dt>
      <dd>{decisionReference(item)}</dd>
      <dt>Ansvarig</dt>
      <dd>
        {item.responsible.name}, {item.responsible.email}
      </dd>
      <dt>Enhet</dt>
      <dd>{item.unit}</dd>
      <dt>Tidsfrist</dt>
      <dd>
        <DateText date={item.dueDate} /> (<DaysLeft item={item} />)
      </dd>
    </dl>
  );
}
