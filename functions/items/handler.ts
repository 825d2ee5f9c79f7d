import { importBacklog } from '../../shared/application/imports/backlog';
import { invalid } from '../../shared/domain/errors';
import { createItem, EXPORT_MAX_ROWS, getItem, itemHistory, listAllItems, listItems, patchItem, previewDeadline } from '../../shared/application/items/service';
import { spreadsheet } from '../../shared/http/download';
import { negotiate } from '../../shared/http/negotiation';
import { etagOf, idempotencyKeyOf, versionFromIfMatch } from '../../shared/http/preconditions';
import { json } from '../../shared/http/problems';
import { createRouter } from '../../shared/http/router';
import { ITEMS_ROUTES } from '../../shared/http/routes/items';
import { ITEMS_SHEET } from '../../shared/views/spreadsheets/items';
import { SPREADSHEET_TYPES, XLSX_TYPE } from '../../shared/views/spreadsheets/table';
import { itemsDependencies, type ItemsDependencies } from './dependencies';

export { EXPORT_MAX_ROWS };

export function createHandler(deps: () => ItemsDependencies = itemsDependencies) {
  return createRouter(
    ITEMS_ROUTES,
    {
      'POST /uppdrag': async ({ caller, body, headers }) => {
        const { item, warnings } = await createItem(deps(), caller, body, idempotencyKeyOf(headers['idempotency-key']));
        return json(201, { ...item, ...(warnings.length ? { warnings } : {}) }, { location: `/uppdrag/${item.id}`, etag: etagOf(item) });
      },

      'POST /deadlines/preview': async ({ caller, body }) => json(200, await previewDeadline(deps(), caller, body)),

      'GET /uppdrag/{id}': async ({ caller, params }) => {
        const item = await getItem(deps(), caller, params.id);
        return json(200, item, { etag: etagOf(item) });
      },

      'PATCH /uppdrag/{id}': async ({ caller, params, body, headers }) => {
        const expected = versionFromIfMatch(headers['if-match']);
        const idempotencyKey = idempotencyKeyOf(headers['idempotency-key']);
        const item = await patchItem(deps(), caller, params.id, expected, body, idempotencyKey ? { idempotencyKey } : {});
        return json(200, item, { etag: etagOf(item) });
      },

      'GET /uppdrag/{id}/history': async ({ caller, params }) => json(200, { events: await itemHistory(deps(), caller, params.id) }),

      'GET /uppdrag': async ({ caller, query, headers }) => {
        const type = negotiate(headers.accept, ['application/json', ...SPREADSHEET_TYPES] as const);
        if (type === 'application/json') return json(200, await listItems(deps(), caller, query));
        return spreadsheet(type, ITEMS_SHEET, await listAllItems(deps(), caller, query, EXPORT_MAX_ROWS), 'uppdrag');
      },

      'POST /imports': async ({ caller, query, raw }) => {
        if (!raw) throw invalid('file_required', 'Skicka kalkylbladet (CSV eller XLSX) som kroppen.');
        const table = await deps().readSpreadsheet(raw.bytes, raw.type === XLSX_TYPE ? 'xlsx' : 'csv');
        return json(200, await importBacklog(deps(), caller, table, { dryRun: query.dryRun ?? false }));
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
