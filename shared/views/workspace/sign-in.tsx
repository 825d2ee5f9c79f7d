import { Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { ErrorSummary, Select, TextField } from './components';
import { SIGN_IN_ROLES } from './forms';
import type { SignInFailure, SignInField, SignInModel } from './models';

const SIGN_IN_LABELS: Record<SignInField, string> = { email: 'E-post', role: 'Roll', unit: 'Enhet' };

/**
 * Logga in, for local development only: anyone may sign in as anyone, so the page says so. Deployed,
 * sign-in goes to the municipality's Entra ID instead (shared/http/sign-in.ts).
 */
export function signInPage(model: SignInModel): string {
  const { form } = model;
  return renderPage(
    <Layout title="Logga in">
      {model.reason === 'expired' && (
        <div class="ds-alert" data-color="warning">
          <p>Din inloggning har gått ut. Logga in igen för att fortsätta.</p>
        </div>
      )}
      {model.reason === 'signed_out' && (
        <div class="ds-alert" data-color="success">
          <p>Du är utloggad.</p>
        </div>
      )}
      <div class="ds-alert" data-color="danger">
        <h2 class="ds-heading" data-size="2xs">
          Endast för lokal utveckling
        </h2>
        <p>Här loggar vem som helst in som vem som helst, utan lösenord. I kommunens drift loggar man in med sitt vanliga konto.</p>
      </div>
      <form method="post" action={WORKSPACE_PATHS.signIn} noValidate class="form-box stack narrow">
        {model.returnTo && <input type="hidden" name="returnTo" value={model.returnTo} />}
        <ErrorSummary errors={form.errors} order={['email', 'role', 'unit'] as const} labels={SIGN_IN_LABELS} />
        <TextField name="email" label={SIGN_IN_LABELS.email} type="email" autocomplete="email" value={form.values.email} error={form.errors?.email} />
        <Select
          name="role"
          label={SIGN_IN_LABELS.role}
          value={form.values.role ?? 'registrar'}
          error={form.errors?.role}
          options={SIGN_IN_ROLES}
        />
        <TextField name="unit" label={SIGN_IN_LABELS.unit} value={form.values.unit} error={form.errors?.unit} hint="Bara för Chef: enheten du är chef för." />
        <button type="submit" class="ds-button">
          Logga in
        </button>
      </form>
    </Layout>,
  );
}

/** Why a sign-in with the municipality's account did not complete, in the person's words. */
const SIGN_IN_FAILURES: Record<SignInFailure, string> = {
  no_transaction: 'Inloggningen gick inte att slutföra i den här webbläsaren. Börja om från början.',
  expired: 'Inloggningen tog för lång tid (mer än tio minuter). Börja om.',
  refused: 'Inloggningen avbröts, eller så har ditt konto inte tillgång till Bevakning. Behöver du tillgång, fråga en administratör.',
  invalid_response: 'Svaret från inloggningstjänsten gick inte att lita på, så du är inte inloggad. Försök igen.',
  no_email: 'Ditt konto har ingen e-postadress som Bevakning kan känna igen dig på. Kontakta it-supporten.',
};

/** Sign-in with the municipality's account (OpenID Connect) did not complete: why, and a way to try again. */
export function signInFailedPage({ reason, retry }: { reason: SignInFailure; retry: string }): string {
  return renderPage(
    <Layout title="Inloggningen misslyckades">
      <p>{SIGN_IN_FAILURES[reason]}</p>
      <p>
        <a class="ds-button" href={retry}>
          Försök igen
        </a>
      </p>
    </Layout>,
  );
}
