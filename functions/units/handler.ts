import * as z from 'zod';
import { apiHandler, json, type ApiResult } from '../../shared/http/api';
import { spreadsheet } from '../../shared/http/download';
import { SPREADSHEET_TYPES } from '../../shared/views/spreadsheets/table';
import { requireAdmin } from '../../shared/domain/caller';
import { notFound } from '../../shared/domain/app-error';
import { negotiate } from '../../shared/http/negotiation';
import { PAGE_HEADERS } from '../../shared/views/pages/layout';
import { overduePage } from '../../shared/views/pages/unit';
import { unitSheet } from '../../shared/views/spreadsheets/units';
import { unitBody, unitName } from '../../shared/application/units/directory';
import { overdueList } from '../../shared/application/units/lists';
import { parseOrThrow } from '../../shared/domain/validation';
import { dependencies, type Dependencies } from '../dependencies';

const overdueQuery = z.strictObject({ unit: unitName.optional() });
const unitPath = z.object({ unit: unitName });

export function createHandler(deps: () => Dependencies = dependencies) {
  return apiHandler(
    {
      'GET /overdue': async (request): Promise<ApiResult> => {
        const caller = request.caller();
        const { unit } = parseOrThrow(overdueQuery, request.query, 'Sökvillkoren');
        const list = await overdueList(deps(), caller, unit);
        const type = negotiate(request.headers.accept, ['application/json', ...SPREADSHEET_TYPES, 'text/html'] as const);
        if (type === 'text/html') return { statusCode: 200, headers: { ...PAGE_HEADERS }, body: overduePage(list) };
        if (type === 'application/json') return json(200, list);
        return spreadsheet(type, unitSheet(list.items), list.items, `forsenat-${list.asOf}`);
      },

      'GET /units/{unit}': async (request) => {
        request.caller();
        const { unit } = parseOrThrow(unitPath, request.pathParameters, 'Adressen');
        const found = await deps().units.get(unit);
        if (!found) throw notFound(`Enheten ${unit} finns inte i enhetskatalogen.`);
        return json(200, found);
      },

      'PUT /units/{unit}': async (request) => {
        const caller = request.caller();
        requireAdmin(caller);
        const { unit } = parseOrThrow(unitPath, request.pathParameters, 'Adressen');
        const body = parseOrThrow(unitBody, request.json());
        const saved = { unit, manager: body.manager, updatedBy: caller.who, updatedAt: deps().clock().toISOString() };
        await deps().units.put(saved);
        return json(200, saved);
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
