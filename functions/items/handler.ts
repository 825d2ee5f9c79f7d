import { apiHandler, json, type ApiRequest } from '../../shared/http/api';
import { spreadsheet } from '../../shared/http/download';
import { SPREADSHEET_TYPES } from '../../shared/views/spreadsheets/table';
import { dependencies, type Dependencies } from '../dependencies';
import { createItemBody, deadlinePreviewBody, patchItemBody } from '../../shared/application/items/commands';
import { listQuery } from '../../shared/application/items/query';
import { ITEMS_SHEET } from '../../shared/views/spreadsheets/items';
import { createItem, etagOf, getItem, itemHistory, listItems, parseIfMatch, patchItem, previewDeadline } from '../../shared/application/items/service';
import { negotiate } from '../../shared/http/negotiation';
import { parseOrThrow } from '../../shared/domain/validation';
import { badRequest } from '../../shared/domain/app-error';
import { requireRegistrar } from '../../shared/domain/caller';

/** Every matching row, in pages, up to this many (documented in README, "Limits"). */
export const EXPORT_MAX_ROWS = 20_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const itemId = (request: ApiRequest) => request.pathParameters.id ?? '';

export function createHandler(deps: () => Dependencies = dependencies) {
  return apiHandler(
    {
      'POST /uppdrag': async (request) => {
        const caller = request.caller();
        // Authorize before looking at the input: an official learns nothing from validation errors.
        requireRegistrar(caller);
        const key = request.headers['idempotency-key'];
        if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
          throw badRequest('validation_failed', 'Idempotency-Key ska vara 1–200 synliga ASCII-tecken.', [
            { path: 'Idempotency-Key', message: 'Ska vara 1–200 synliga ASCII-tecken, utan mellanslag.' },
          ]);
        }
        const body = parseOrThrow(createItemBody, request.json());
        const { item, warnings } = await createItem(deps(), caller, body, key);
        return json(201, { ...item, ...(warnings.length ? { warnings } : {}) }, { location: `/uppdrag/${item.id}`, etag: etagOf(item) });
      },

      'POST /deadlines/preview': async (request) => {
        const caller = request.caller();
        requireRegistrar(caller);
        const body = parseOrThrow(deadlinePreviewBody, request.json());
        return json(200, await previewDeadline(deps(), caller, body));
      },

      'GET /uppdrag/{id}': async (request) => {
        const item = await getItem(deps(), request.caller(), itemId(request));
        return json(200, item, { etag: etagOf(item) });
      },

      'PATCH /uppdrag/{id}': async (request) => {
        const caller = request.caller();
        const expected = parseIfMatch(request.headers['if-match']);
        const patch = parseOrThrow(patchItemBody, request.json());
        const item = await patchItem(deps(), caller, itemId(request), expected, patch);
        return json(200, item, { etag: etagOf(item) });
      },

      'GET /uppdrag/{id}/history': async (request) => {
        const events = await itemHistory(deps(), request.caller(), itemId(request));
        return json(200, { events });
      },

      'GET /uppdrag': async (request) => {
        const caller = request.caller();
        const filters = parseOrThrow(listQuery, request.query, 'Sökvillkoren');
        const type = negotiate(request.headers.accept, ['application/json', ...SPREADSHEET_TYPES] as const);
        if (type === 'application/json') return json(200, await listItems(deps(), caller, filters));
        const rows = [];
        let cursor = filters.cursor;
        do {
          const page = await listItems(deps(), caller, { ...filters, limit: 100, ...(cursor ? { cursor } : {}) });
          rows.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor && rows.length < EXPORT_MAX_ROWS);
        return spreadsheet(type, ITEMS_SHEET, rows.slice(0, EXPORT_MAX_ROWS), 'uppdrag');
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
