import * as z from 'zod';
import { route } from '../contract';

export const HEALTH_ROUTES = [
  route({
    method: 'GET',
    path: '/health',
    function: 'health',
    access: 'public',
    summary: 'API and table answer',
    description: '200 when the API and its table answer, 503 when the table does not.',
    responses: { 200: { description: 'Healthy', schema: () => z.object({ status: z.literal('ok') }) }, 503: { description: 'The table does not answer' } },
  }),
  route({
    method: 'GET',
    path: '/openapi.json',
    function: 'health',
    access: 'public',
    summary: 'This API as OpenAPI 3.1',
    description: 'This document.',
    responses: { 200: { description: 'OpenAPI 3.1', schema: () => z.object({}).loose() } },
  }),
] as const;
