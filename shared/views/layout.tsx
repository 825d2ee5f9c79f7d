import type { ComponentChildren } from 'preact';
import { isAdmin, isRegistrar } from '../domain/caller';
import { STYLESHEET_FILE_NAME } from './assets/stylesheet-name';
import { WORKSPACE_PATHS } from './paths';
import { roleLine } from './workspace/format';
import type { PageContext, Viewer } from './workspace/models';

/** The product's name, in the header and every title. */
export const PRODUCT_NAME = 'Bevakning';

export type NavKey = 'overview' | 'items' | 'register' | 'review' | 'import' | 'reports' | 'plans' | 'units' | 'roles' | 'publicBodies';

interface NavEntry {
  key: NavKey;
  label: string;
  href: string;
  shownTo: (viewer: Viewer) => boolean;
}

/** The navigation by role: registrars and admins work here; officials and managers see their items. */
const NAVIGATION: NavEntry[] = [
  { key: 'overview', label: 'Översikt', href: WORKSPACE_PATHS.overview, shownTo: isRegistrar },
  { key: 'items', label: 'Ärenden', href: WORKSPACE_PATHS.items, shownTo: () => true },
  { key: 'register', label: 'Registrera', href: WORKSPACE_PATHS.register, shownTo: isRegistrar },
  { key: 'review', label: 'Granska beslut', href: WORKSPACE_PATHS.review, shownTo: isRegistrar },
  { key: 'import', label: 'Importera', href: WORKSPACE_PATHS.import, shownTo: isRegistrar },
  { key: 'reports', label: 'Rapporter', href: WORKSPACE_PATHS.reports, shownTo: isRegistrar },
  { key: 'plans', label: 'Sammanträdesplaner', href: WORKSPACE_PATHS.plans, shownTo: isAdmin },
  { key: 'units', label: 'Enheter', href: WORKSPACE_PATHS.units, shownTo: isAdmin },
  { key: 'roles', label: 'Roller', href: WORKSPACE_PATHS.roles, shownTo: isAdmin },
  { key: 'publicBodies', label: 'Offentliga sidor', href: WORKSPACE_PATHS.publicBodies, shownTo: isAdmin },
];

/** The hidden field every POST form carries: the session's form token. */
export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="csrf" value={token} />;

export interface LayoutProps {
  /** The page's heading, also the document title ("Ärenden – Bevakning"). */
  title: string;
  /** Signed in: the person, the navigation and "Logga ut"; left out on the sign-in and error pages before sign-in. */
  context?: PageContext;
  /** The navigation entry this page belongs to, marked `aria-current="page"`. */
  current?: NavKey;
  /** A line under the heading. */
  lead?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * The page shell: Swedish, a skip link, the header with the product, the person and their role,
 * the navigation, the flash message from the last POST (role=status) at the top of main, the
 * page, and the footer. Works without JavaScript; "Logga ut" is a POST form with the form token.
 */
export function Layout({ title, context, current, lead, children }: LayoutProps) {
  const viewer = context?.viewer;
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – ${PRODUCT_NAME}`}</title>
        <link rel="stylesheet" href={WORKSPACE_PATHS.asset(STYLESHEET_FILE_NAME)} />
      </head>
      <body>
        <a class="ds-skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <header class="site-header">
          <div class="frame">
            <div class="site-header__top">
              <p class="site-name">
                <a href={viewer && isRegistrar(viewer) ? WORKSPACE_PATHS.overview : WORKSPACE_PATHS.items}>{PRODUCT_NAME}</a>
              </p>
              {viewer && context && (
                <div class="site-user">
                  <p class="site-user__who">
                    <span>{viewer.name ?? viewer.who}</span>
                    <span class="site-user__role">{roleLine(viewer)}</span>
                  </p>
                  <form method="post" action={WORKSPACE_PATHS.signOut}>
                    <CsrfField token={context.csrf} />
                    <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
                      Logga ut
                    </button>
                  </form>
                </div>
              )}
            </div>
            {viewer && (
              <nav class="site-nav" aria-label="Huvudmeny">
                <ul>
                  {NAVIGATION.filter((entry) => entry.shownTo(viewer)).map((entry) => (
                    <li key={entry.key}>
                      <a href={entry.href} aria-current={entry.key === current ? 'page' : undefined}>
                        {entry.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </div>
        </header>
        <main id="innehall" class="frame" tabIndex={-1}>
          <div role="status" class="flash">
            {context?.flash && (
              <div class="ds-alert" data-color={context.flash.kind}>
                <p>{context.flash.text}</p>
                {context.flash.points && (
                  <ul>
                    {context.flash.points.map((point) => (
                      <li>{point}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
          <div>
            <h1 class="ds-heading" data-size="lg">
              {title}
            </h1>
            {lead && <p class="lead">{lead}</p>}
          </div>
          {children}
        </main>
        <footer class="site-footer">
          <div class="frame">
            <p>{PRODUCT_NAME}: uppföljning av politiska beslut. Ärendena är allmänna handlingar; ändringar sparas med vem, när och varför.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
