import * as z from 'zod';
import { balanslistaQuery, verkstallighetQuery } from '../../application/reports/queries';
import { route } from '../contract';
import { SPREADSHEET_ANSWERS } from '../media';

const report = (description: string) => ({ description, schema: z.object({}).loose(), types: [...SPREADSHEET_ANSWERS.types, 'text/html'] as const });

export const REPORTS_ROUTES = [
  route({
    method: 'GET',
    path: '/reports/balanslista',
    function: 'reports',
    access: 'registrar',
    summary: 'Redovisning av obesvarade motioner (the balanslista) as of a date',
    description:
      '"Redovisning av obesvarade motioner per {asOf}" (registrar, admin): every motion that is open now and was registered on or before `asOf` (default today), with raised date, statutory limit (one year), deciding body, responsible unit and official, days left or over at `asOf`, and the latest lägesrapport; those past or within 60 days of their limit are marked (`mark`: `over`, `soon`). The JSON has `title`, `asOf`, `generatedAt`, `warningDays`, `summary` and `rows`. JSON, CSV (`Accept: text/csv`), XLSX or a printable Swedish page to attach to an agenda (`Accept: text/html`).',
    query: balanslistaQuery,
    responses: { 200: report('The balanslista'), 422: SPREADSHEET_ANSWERS.tooLarge },
  }),
  route({
    method: 'GET',
    path: '/reports/verkstallighet',
    function: 'reports',
    access: 'registrar',
    summary: "Follow-up of a body's decisions: every open item it decided",
    description:
      "Follow-up of a body's decisions (registrar, admin): every open item decided by `body`, with responsible unit, deadline, deadline changes with their latest reason, and the latest lägesrapport. JSON, CSV, XLSX or a printable Swedish page, by `Accept`.",
    query: verkstallighetQuery,
    responses: { 200: report('The follow-up'), 422: SPREADSHEET_ANSWERS.tooLarge },
  }),
] as const;
