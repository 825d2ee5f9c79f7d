import { isRegistrar } from '../../domain/caller';
import { Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import type { ErrorPageModel } from './models';

const ERRORS = {
  403: { title: 'Du har inte behörighet till sidan', text: 'Din roll får inte se eller göra det här. Behöver du det, fråga en administratör.' },
  404: { title: 'Sidan finns inte', text: 'Adressen kan vara fel, eller så finns ärendet inte (eller inte för dig).' },
  503: { title: 'Tjänsten svarar inte just nu', text: 'Det är för många som använder den, eller så är en del av den tillfälligt nere. Inget har sparats: försök igen om en stund.' },
} as const;

/** 403, 404 and 503 in Swedish, with a way on: the start page for the signed-in person. */
export function errorPage(model: ErrorPageModel): string {
  const error = ERRORS[model.status];
  const home = model.context && isRegistrar(model.context.viewer) ? WORKSPACE_PATHS.overview : WORKSPACE_PATHS.items;
  return renderPage(
    <Layout title={error.title} {...(model.context ? { context: model.context } : {})}>
      <p>{error.text}</p>
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
