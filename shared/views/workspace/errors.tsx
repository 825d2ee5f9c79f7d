import { isRegistrar } from '../../domain/caller';
import { Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
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

/** The session has run out (after `hours`, or its cookie was not accepted): sign in again, then back to where the person was. */
export function sessionExpiredPage({ returnTo, hours }: { returnTo?: string; hours: number }): string {
  const href = returnTo ? `${WORKSPACE_PATHS.signIn}?${new URLSearchParams({ returnTo })}` : WORKSPACE_PATHS.signIn;
  return renderPage(
    <Layout title="Din inloggning har gått ut">
      <p>Av säkerhetsskäl gäller en inloggning i {hours} timmar. Det du inte hann spara behöver du fylla i igen.</p>
      <p>
        <a class="ds-button" href={href}>
          Logga in igen
        </a>
      </p>
    </Layout>,
  );
}
