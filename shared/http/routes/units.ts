import * as z from 'zod';
import { unitBody, unitName } from '../../application/units/directory';
import { route } from '../contract';
import { EXPORTS_DESCRIPTION, SPREADSHEET_ANSWERS } from '../media';

const unitParams = z.object({ unit: unitName });

export const UNITS_ROUTES = [
  route({
    method: 'GET',
    path: '/overdue',
    function: 'units',
    access: 'signedIn',
    summary: "A unit's overdue list (JSON, CSV, XLSX or HTML by Accept)",
    description: `The overdue list of a unit, most days overdue first: each row with the responsible official, decision reference, deadline, days overdue, the number of deadline changes and the last reason, and the latest lägesrapport. A manager gets their own unit (\`unit\` claim); registrars and admins name one with \`?unit=\`. ${EXPORTS_DESCRIPTION} \`Accept: text/html\` gives a printable Swedish page.`,
    query: z.strictObject({ unit: unitName.optional().meta({ description: 'Required for registrars and admins; a manager may only name their own' }) }),
    responses: {
      200: { description: 'The overdue items', schema: (s) => z.object({ unit: z.string(), asOf: z.string().meta({ format: 'date' }), items: z.array(s.item) }), types: [...SPREADSHEET_ANSWERS.types, 'text/html'] },
      403: { description: '`forbidden`: another unit, or a caller who is neither manager nor registrar; `manager_without_unit`: a manager whose token has no `unit` claim' },
      422: SPREADSHEET_ANSWERS.tooLarge,
    },
  }),
  route({
    method: 'GET',
    path: '/units/{unit}',
    function: 'units',
    access: 'signedIn',
    summary: "A unit's manager in the unit directory",
    description: "A unit's manager from the unit directory: for registrars and admins, and for the unit's own manager.",
    params: unitParams,
    responses: { 200: { description: 'The unit', schema: (s) => s.unit }, 403: { description: '`manager_without_unit`: a manager whose token has no `unit` claim' }, 404: { description: 'The unit is not in the directory (or not yours to see)' } },
  }),
  route({
    method: 'PUT',
    path: '/units/{unit}',
    function: 'units',
    access: 'admin',
    summary: "Set a unit's manager in the unit directory",
    description:
      "Set a unit's manager (admin). The weekly overview and escalations go to this manager (else to the managers named on the unit's items), and an item registered without `manager` takes this one.",
    params: unitParams,
    body: { json: unitBody },
    responses: { 200: { description: 'The saved unit', schema: (s) => s.unit }, 422: { description: '`unit_spelled_otherwise`: the directory holds the unit under another case or spacing, named in the message and on `unit`' } },
  }),
] as const;
