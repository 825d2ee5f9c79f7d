import { readUnit, setUnitManager } from '../../shared/application/units/directory';
import { overdueList } from '../../shared/application/units/lists';
import { spreadsheet } from '../../shared/http/download';
import { negotiate } from '../../shared/http/negotiation';
import { json } from '../../shared/http/problems';
import { createRouter } from '../../shared/http/router';
import { UNITS_ROUTES } from '../../shared/http/routes/units';
import { PAGE_HEADERS } from '../../shared/views/pages/layout';
import { overduePage } from '../../shared/views/pages/unit';
import { SPREADSHEET_TYPES } from '../../shared/views/spreadsheets/table';
import { unitSheet } from '../../shared/views/spreadsheets/units';
import { unitsDependencies, type UnitsDependencies } from './dependencies';

export function createHandler(deps: () => UnitsDependencies = unitsDependencies) {
  return createRouter(
    UNITS_ROUTES,
    {
      'GET /overdue': async ({ caller, query, headers }) => {
        const list = await overdueList(deps(), caller, query.unit);
        const type = negotiate(headers.accept, ['application/json', ...SPREADSHEET_TYPES, 'text/html'] as const);
        if (type === 'text/html') return { statusCode: 200, headers: { ...PAGE_HEADERS }, body: overduePage(list) };
        if (type === 'application/json') return json(200, list);
        return spreadsheet(type, unitSheet(list.items), list.items, `forsenat-${list.asOf}`);
      },
      'GET /units/{unit}': async ({ caller, params }) => json(200, await readUnit(deps(), caller, params.unit)),
      'PUT /units/{unit}': async ({ caller, params, body }) => json(200, await setUnitManager(deps(), caller, params.unit, body)),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
