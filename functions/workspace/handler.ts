import { createRouter } from '../../shared/http/router';
import { WORKSPACE_ROUTES } from '../../shared/http/routes/workspace';
import { changeClosedDays, changePlan, changePublicBody, changeRole, changeUnit, choosePlan, showClosedDays, showPlan, showPlans, showPublicBodies, showRoles, showUnits } from '../../shared/http/workspace/admin';
import { asset, finishSignIn, showSignIn, signInLocally, signOut } from '../../shared/http/workspace/auth';
import { importFile, review, showImport, showReviewUpload } from '../../shared/http/workspace/intake';
import { actOnItem, register, showItem, showItemList, showOverview, showRegister } from '../../shared/http/workspace/items';
import { showBalanslista, showReports, showStatistics, showVerkstallighet } from '../../shared/http/workspace/reports';
import { workspaceProblemPage } from '../../shared/http/workspace/respond';
import { createSessionGate } from '../../shared/http/workspace/session-gate';
import { workspaceDependencies, type WorkspaceDependencies } from './dependencies';

/** The registrars' workspace: Swedish pages on the same use cases as the API, signed in with a session cookie. */
export function createHandler(deps: () => WorkspaceDependencies = workspaceDependencies) {
  return createRouter(
    WORKSPACE_ROUTES,
    {
      'GET /': async (input) => showOverview(deps(), input),
      'GET /arenden': async (input) => showItemList(deps(), input),
      'GET /arenden/{id}': async (input) => showItem(deps(), input),
      'POST /arenden/{id}': async (input) => actOnItem(deps(), input),
      'GET /registrera': async (input) => showRegister(deps(), input),
      'POST /registrera': async (input) => register(deps(), input),
      'GET /granska': async (input) => showReviewUpload(deps(), input),
      'POST /granska': async (input) => review(deps(), input),
      'GET /importera': async (input) => showImport(deps(), input),
      'POST /importera': async (input) => importFile(deps(), input),
      'GET /rapporter': async (input) => showReports(deps(), input),
      'GET /rapporter/balanslista': async (input) => showBalanslista(deps(), input),
      'GET /rapporter/verkstallighet': async (input) => showVerkstallighet(deps(), input),
      'GET /rapporter/statistik': async (input) => showStatistics(deps(), input),
      'GET /admin/sammantradesplaner': async (input) => showPlans(deps(), input),
      'POST /admin/sammantradesplaner': async (input) => choosePlan(deps(), input),
      'GET /admin/sammantradesplaner/{body}/{year}': async (input) => showPlan(deps(), input),
      'POST /admin/sammantradesplaner/{body}/{year}': async (input) => changePlan(deps(), input),
      'GET /admin/stangda-dagar/{year}': async (input) => showClosedDays(deps(), input),
      'POST /admin/stangda-dagar/{year}': async (input) => changeClosedDays(deps(), input),
      'GET /admin/enheter': async (input) => showUnits(deps(), input),
      'POST /admin/enheter': async (input) => changeUnit(deps(), input),
      'GET /admin/roller': async (input) => showRoles(deps(), input),
      'POST /admin/roller': async (input) => changeRole(deps(), input),
      'GET /admin/offentliga': async (input) => showPublicBodies(deps(), input),
      'POST /admin/offentliga': async (input) => changePublicBody(deps(), input),
      'GET /logga-in': async (input) => showSignIn(deps(), input),
      'POST /logga-in': async (input) => signInLocally(deps(), input),
      'GET /logga-in/callback': async (input) => finishSignIn(deps(), input),
      'POST /logga-ut': async (input) => signOut(deps(), input),
      'GET /assets/{file}': async ({ params }) => asset(params.file),
    },
    {
      maxBodyBytes: () => deps().config.MAX_BODY_BYTES,
      renderPage: workspaceProblemPage(deps),
      sessions: () => createSessionGate(deps().session, deps().clock),
    },
  );
}

export const handler = createHandler();
