import { CsrfField, Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { ErrorSummary } from './components';
import { REGISTER_FIELDS, REGISTER_LABELS } from './forms';
import { ItemFields, PreviewResult } from './item-fields';
import type { RegisterModel } from './models';

/**
 * Registrera: the four kinds and the five deadline forms in one form without JavaScript. "Visa
 * tidsfrist" shows the form again with the deadline the wiring's preview computed; "Registrera"
 * saves. The hidden idempotency key is made when the form is first shown, so a double click or a
 * reload registers once.
 */
export function registerPage(model: RegisterModel): string {
  const { form, preview, duplicateOf } = model;
  return renderPage(
    <Layout title="Registrera ärende" context={model} current="register" lead="Ett uppdrag, en återrapportering, ett yttrande eller en motion från ett politiskt beslut.">
      <form method="post" action={WORKSPACE_PATHS.register} noValidate class="stack">
        <CsrfField token={model.csrf} />
        <input type="hidden" name="idempotencyKey" value={form.values.idempotencyKey ?? ''} />
        {form.message && (
          <div class="ds-alert" data-color="danger">
            <p>{form.message}</p>
          </div>
        )}
        <ErrorSummary errors={form.errors} order={REGISTER_FIELDS} labels={REGISTER_LABELS} />
        {duplicateOf && (
          <div class="ds-alert" data-color="warning">
            <h2 class="ds-heading" data-size="2xs">
              Ett likadant ärende finns redan
            </h2>
            <p>
              Det öppna ärendet <a href={WORKSPACE_PATHS.item(duplicateOf.id)}>{duplicateOf.title}</a> har samma typ, beslut, ansvarig och rubrik.
            </p>
            <div class="ds-field">
              <input class="ds-input" type="checkbox" id="confirmDuplicate" name="confirmDuplicate" value="ja" />
              <label class="ds-label" for="confirmDuplicate">
                Registrera ändå (det är ett annat ärende)
              </label>
            </div>
          </div>
        )}
        <ItemFields state={form} bodies={model.bodies} units={model.units} />
        {preview && <PreviewResult preview={preview} />}
        <div class="buttons">
          {/* The answer opens at the deadline worked out (PreviewResult's id), not at the top of a long form. */}
          <button type="submit" name="intent" value="preview" class="ds-button" data-variant="secondary" formAction={`${WORKSPACE_PATHS.register}#tidsfrist-resultat`}>
            Visa tidsfrist
          </button>
          <button type="submit" name="intent" value="register" class="ds-button">
            Registrera
          </button>
        </div>
      </form>
    </Layout>,
  );
}
