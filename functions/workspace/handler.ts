import { createRouter } from '../../shared/http/router';
import { WORKSPACE_ROUTES } from '../../shared/http/routes/workspace';
import { createSessionGate } from '../../shared/http/workspace/session-gate';
import { workspaceDependencies, type WorkspaceDependencies } from './dependencies';

/** Each group of pages is a chunk its first request loads: a cold start reads the views of the page it serves, not of all. */
const admin = () => import('../../shared/http/workspace/admin');
const auth = () => import('../../shared/http/workspace/auth');
const intake = () => import('../../shared/http/workspace/intake');
const items = () => import('../../shared/http/workspace/items');
const reports = () => import('../../shared/http/workspace/reports');
// The refusal pages, too: a redirect to sign-in or an error page is not every request's answer.
const respond = () => import('../../shared/http/workspace/respond');

/** The registrars' workspace: Swedish pages on the same use cases as the API, signed in with a session cookie. */
export function createHandler(deps: () => WorkspaceDependencies = workspaceDependencies) {
  return createRouter(
    WORKSPACE_ROUTES,
    {
      'GET /': async (input) => (await items()).showOverview(deps(), input),
      'GET /arenden': async (input) => (await items()).showItemList(deps(), input),
      'GET /arenden/{id}': async (input) => (await items()).showItem(deps(), input),
      'POST /arenden/{id}': async (input) => (await items()).actOnItem(deps(), input),
      'GET /registrera': async (input) => (await items()).showRegister(deps(), input),
      'POST /registrera': async (input) => (await items()).register(deps(), input),
      'GET /granska': async (input) => (await intake()).showReviewUpload(deps(), input),
      'POST /granska': async (input) => (await intake()).review(deps(), input),
      'GET /importera': async (input) => (await intake()).showImport(deps(), input),
      'POST /importera': async (input) => (await intake()).importFile(deps(), input),
      'GET /rapporter': async (input) => (await reports()).showReports(deps(), input),
      'GET /rapporter/balanslista': async (input) => (await reports()).showBalanslista(deps(), input),
      'GET /rapporter/verkstallighet': async (input) => (await reports()).showVerkstallighet(deps(), input),
      'GET /rapporter/statistik': async (input) => (await reports()).showStatistics(deps(), input),
      'GET /admin/sammantradesplaner': async (input) => (await admin()).showPlans(deps(), input),
      'POST /admin/sammantradesplaner': async (input) => (await admin()).choosePlan(deps(), input),
      'GET /admin/sammantradesplaner/{body}/{year}': async (input) => (await admin()).showPlan(deps(), input),
      'POST /admin/sammantradesplaner/{body}/{year}': async (input) => (await admin()).changePlan(deps(), input),
      'GET /admin/stangda-dagar/{year}': async (input) => (await admin()).showClosedDays(deps(), input),
      'POST /admin/stangda-dagar/{year}': async (input) => (await admin()).changeClosedDays(deps(), input),
      'GET /admin/enheter': async (input) => (await admin()).showUnits(deps(), input),
      'POST /admin/enheter': async (input) => (await admin()).changeUnit(deps(), input),
      'GET /admin/roller': async (input) => (await admin()).showRoles(deps(), input),
      'POST /admin/roller': async (input) => (await admin()).changeRole(deps(), input),
      'GET /admin/offentliga': async (input) => (await admin()).showPublicBodies(deps(), input),
      'POST /admin/offentliga': async (input) => (await admin()).changePublicBody(deps(), input),
      'GET /logga-in': async (input) => (await auth()).showSignIn(deps(), input),
      'POST /logga-in': async (input) => (await auth()).signInLocally(deps(), input),
      'GET /logga-in/callback': async (input) => (await auth()).finishSignIn(deps(), input),
      'POST /logga-ut': async (input) => (await auth()).signOut(deps(), input),
      'GET /assets/{file}': async ({ params }) => (await auth()).asset(params.file),
    },
    {
      maxBodyBytes: () => deps().config.MAX_BODY_BYTES,
      renderPage: async (problem, event) => (await respond()).workspaceProblemPage(deps, async (...upload) => (await intake()).uploadTooLarge(deps(), ...upload))(problem, event),
      sessions: () => createSessionGate(deps().session, deps().clock),
    },
  );
}

export const handler = createHandler();
