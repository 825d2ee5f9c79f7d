import { isRegistrar } from '../../domain/caller';
import { Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { KIND_LABELS } from '../../domain/items/vocabulary';
import { DUE_CHOICE_LABELS, REGISTER_LABELS } from './forms';
import type { ErrorPageModel } from './models';

const ERRORS = {
  400: { title: 'Uppgifterna kunde inte tas emot', text: 'Det som skickades var inte rätt ifyllt, så inget har sparats. Gå tillbaka och försök igen.' },
  403: { title: 'Du har inte behörighet till sidan', text: 'Din roll får inte se eller göra det här. Behöver du det, fråga en administratör.' },
  404: { title: 'Sidan finns inte', text: 'Adressen kan vara fel, eller så finns ärendet inte (eller inte för dig).' },
  500: { title: 'Något gick fel', text: 'Sidan kunde inte visas just nu. Försök igen om en stund; kvarstår felet, kontakta it-supporten.' },
  503: { title: 'Tjänsten svarar inte just nu', text: 'Det är för många som använder den, eller så är en del av den tillfälligt nere. Inget har sparats: försök igen om en stund.' },
} as const;

const FORM_REFUSED = {
  title: 'Formuläret kunde inte tas emot',
  text: 'Formuläret hör inte till din inloggning, eller så skickades det från en annan webbplats. Inget har ändrats. Ladda om sidan och försök igen.',
};

/**
 * 400, 403, 404, 500 and 503 in Swedish, with a way on: the start page for the signed-in person.
 * A 400 may name what was wrong (`message`, the refusal's Swedish sentence); `formRefused` is the
 * 403 of a form another site or another session sent.
 */
export function errorPage(model: ErrorPageModel): string {
  const error = model.formRefused ? FORM_REFUSED : ERRORS[model.status];
  const home = model.context && isRegistrar(model.context.viewer) ? WORKSPACE_PATHS.overview : WORKSPACE_PATHS.items;
  return renderPage(
    <Layout title={error.title} {...(model.context ? { context: model.context } : {})}>
      <p>{error.text}</p>
      {model.message && <p>{model.message}</p>}
      <p>
        <a href={model.context ? home : WORKSPACE_PATHS.signIn}>{model.context ? 'Till startsidan' : 'Till inloggningen'}</a>
      </p>
    </Layout>,
  );
}

/** A form posted without a valid session, kept on the "Du har loggats ut" page (shared/http/workspace/respond.ts). */
export interface KeptForm {
  /** Where it was posted, and where "Skicka igen" posts it. */
  action: string;
  /** Its text fields as sent, in order, without the old form token. */
  fields: [string, string][];
  /** Sent as multipart/form-data (an upload form): sent again the same way, without its file. */
  multipart: boolean;
  /** It carried a file, which is never kept. */
  files: boolean;
  /** Larger than the form takes: nothing kept. */
  tooLarge: boolean;
  /** The ticket that stands for the form token once signed in again (shared/http/kept-form.ts); none for a form from elsewhere. */
  ticket?: string;
}

/** The fields a clerk typed, by the labels of their forms; the rest (the form's own keys and choices) travel unseen. */
const KEPT_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(REGISTER_LABELS).filter(([name]) => name !== 'idempotencyKey' && name !== 'confirmDuplicate')),
  reason: 'Skäl',
  note: 'Anteckning',
  text: 'Protokollets text',
};

/** The choices among the kept fields, shown as the form words them ("Uppdrag", "Till sammanträde"), not as codes. */
const KEPT_CHOICES: Record<string, Readonly<Record<string, string>>> = { kind: KIND_LABELS, dueForm: DUE_CHOICE_LABELS };

/**
 * A kept field as the page shows it: "Förslag 2: Rubrik" for Granska beslut's `p1-title`, "Rubrik" for `title`, a
 * choice by its words; undefined for a field no one typed.
 */
function kept(name: string, value: string): { label: string; value: string } | undefined {
  const proposal = /^p(\d{1,3})-(.+)$/.exec(name);
  const field = proposal ? proposal[2]! : name;
  const label = KEPT_LABELS[field];
  if (!label) return undefined;
  const choices = Object.hasOwn(KEPT_CHOICES, field) ? KEPT_CHOICES[field]! : undefined;
  const shown = choices && Object.hasOwn(choices, value) ? choices[value]! : value;
  return { label: proposal ? `Förslag ${Number(proposal[1]) + 1}: ${label}` : label, value: shown };
}

/**
 * "Du har loggats ut": a form posted after its session ran out (after `hours`; `expired`, the default) or without one was
 * not carried out. What was typed is shown (long text in a read-only box to copy) and kept in a form
 * that sends it again to the same address, with a link to sign in again in a new tab first. Files
 * are never kept, and the page says so; a form larger than it takes is not kept at all.
 */
export function signedOutPage({ signIn, hours, form, expired = true }: { signIn: string; hours: number; form: KeptForm; expired?: boolean }): string {
  const shown = form.fields.flatMap(([name, value], index) => {
    const field = value.trim() ? kept(name, value) : undefined;
    return field ? [{ ...field, id: `kvar-${index}` }] : [];
  });
  const long = (value: string) => value.length > 80 || value.includes('\n');
  const resend = form.ticket !== undefined && form.fields.length > 0;
  return renderPage(
    <Layout title="Du har loggats ut">
      <div class="ds-alert" data-color="warning">
        {/* No session at all (logged out, or the cookie gone) is not one that ran out: the 8 hours are not the reason then. */}
        <h2 class="ds-heading" data-size="xs">{expired ? 'Din inloggning har gått ut' : 'Du är inte inloggad'}</h2>
        <p>
          {expired ? `Av säkerhetsskäl gäller en inloggning i ${hours} timmar. ` : ''}Det du skickade har inte sparats, och inget har ändrats.
        </p>
      </div>
      {resend && (
        <>
          <p>Det du skrev finns kvar på den här sidan. Gör så här för att inte förlora det:</p>
          <ol>
            <li>
              <a href={signIn} target="_blank" rel="noopener">
                Logga in igen i en ny flik
              </a>
              .
            </li>
            <li>Kom tillbaka till den här fliken och tryck på Skicka igen.</li>
          </ol>
        </>
      )}
      {form.tooLarge && <p>Det du skickade var större än formuläret tar emot, så det kunde inte sparas här.</p>}
      {(form.files || form.multipart) && <p>Filer som du bifogade sparas aldrig här. Välj filen igen när du har loggat in.</p>}
      {!resend && form.fields.length > 0 && <p>Kopiera det du behöver innan du loggar in igen.</p>}
      {shown.length > 0 && (
        <>
          <h2>Det du skrev</h2>
          {shown.filter((field) => !long(field.value)).length > 0 && (
            <dl class="facts">
              {shown
                .filter((field) => !long(field.value))
                .map((field) => (
                  <>
                    <dt>{field.label}</dt>
                    <dd>{field.value}</dd>
                  </>
                ))}
            </dl>
          )}
          {shown
            .filter((field) => long(field.value))
            .map((field) => (
              <div class="ds-field">
                <label class="ds-label" for={field.id}>
                  {field.label}
                </label>
                <textarea class="ds-input" id={field.id} rows={8} readonly>
                  {field.value}
                </textarea>
              </div>
            ))}
        </>
      )}
      {resend ? (
        <form method="post" action={form.action} {...(form.multipart ? { enctype: 'multipart/form-data' } : {})}>
          <input type="hidden" name="csrf" value={form.ticket} />
          {form.fields.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <button type="submit" class="ds-button">
            Skicka igen
          </button>
        </form>
      ) : (
        <p>
          <a class="ds-button" href={signIn}>
            Logga in igen
          </a>
        </p>
      )}
    </Layout>,
  );
}
