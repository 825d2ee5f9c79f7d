import * as z from 'zod';
import { TOKEN_CLOCK_SKEW_SECONDS } from './caller';
import { needsToken, type RouteContract } from './contract';
import { ROUTES } from './routes';
import * as shapes from './schemas';

/**
 * The OpenAPI 3.1 document, built from the route contracts: their paths, access, parameters,
 * request schemas (the very ones the router validates with) and answers. `npm run openapi`
 * writes it to openapi.json; a test checks that file is current.
 */
type Json = Record<string, unknown>;

const components = '#/components/schemas/';

/** Named shapes (`.meta({ id })`: Item, HistoryEvent, Error …) met while converting, for `components`. */
const named: Record<string, Json> = {};

/** A schema as JSON Schema; a named shape inside it becomes a `$ref` to `components`. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json & { $defs?: Record<string, Json> };
  const { $schema: _, $defs, ...rest } = JSON.parse(JSON.stringify(converted).replaceAll('"#/$defs/', `"${components}`)) as typeof converted;
  for (const [id, def] of Object.entries($defs ?? {})) named[id] ??= def;
  const { id, ...body } = rest as Json & { id?: string };
  if (typeof id === 'string') {
    named[id] ??= body;
    return { $ref: `${components}${id}` };
  }
  return body;
}

const errorAnswer = (description: string, headers?: Json) => ({
  description,
  content: { 'application/json': { schema: { $ref: `${components}Error` } } },
  ...(headers ? { headers } : {}),
});

/** The refusals every route of a kind may give, beside those its contract names. */
function commonRefusals(contract: RouteContract): Record<string, Json> {
  const refusals: Record<string, Json> = {};
  if (contract.params || contract.query || contract.body) refusals['400'] = errorAnswer('Invalid input: `issues` names each field at fault, in Swedish');
  if (needsToken(contract)) {
    refusals['401'] = errorAnswer(`No token or an invalid one (\`unauthorized\`); \`token_issued_in_future\`: its \`iat\` is more than ${TOKEN_CLOCK_SKEW_SECONDS} s after the request arrived`);
    if (contract.access === 'registrar' || contract.access === 'admin') refusals['403'] = errorAnswer(`The token does not carry the role (${contract.access === 'admin' ? 'admin' : 'registrar or admin'})`);
  }
  if (contract.body) {
    const limits = [`${contract.body.maxBytes ?? 64 * 1024} bytes`, ...(contract.body.raw ? [`${contract.body.raw.maxBytes} bytes as ${contract.body.raw.types.join(' or ')}`] : [])];
    refusals['413'] = errorAnswer(`Body over ${limits.join(', ')}`);
    refusals['415'] = errorAnswer('Body of another media type');
  }
  refusals['503'] = errorAnswer('The table is throttled or unreachable: nothing was stored that is not safe to send again; send the same request again (same Idempotency-Key) after Retry-After seconds', {
    'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
  });
  return refusals;
}

function parameters(contract: RouteContract): Json[] {
  const from = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const json = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s }));
  };
  const headers: Json[] = [];
  if (contract.method === 'PATCH') headers.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string', examples: ['"3"'] } });
  if (contract.method === 'POST' || contract.method === 'PATCH') {
    if (contract.function === 'items') headers.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } });
  }
  if (Object.values(contract.responses).some((r) => r.types?.length)) {
    headers.push({ name: 'Accept-Encoding', in: 'header', required: false, schema: { type: 'string', examples: ['gzip'] }, description: 'With `gzip`, answers of 1 KiB or more come gzip-compressed (`Content-Encoding: gzip`): a large export fits through Lambda only so.' });
  }
  return [...from(contract.params, 'path'), ...from(contract.query, 'query'), ...headers];
}

function requestBody(contract: RouteContract): Json | undefined {
  const spec = contract.body;
  if (!spec) return undefined;
  const content: Json = {};
  // A body whose rules depend on the path (a plan's year) has the same shape for every path.
  if (spec.json) content['application/json'] = { schema: jsonSchema(typeof spec.json === 'function' ? spec.json({} as never) : spec.json, 'input') };
  if (spec.form) content['application/x-www-form-urlencoded'] = { schema: jsonSchema(spec.form, 'input') };
  for (const type of spec.raw?.types ?? []) content[type] = { schema: { type: 'string', format: 'binary' } };
  return { required: contract.method !== 'POST' || contract.path !== '/calendar-feeds', content };
}

function answers(contract: RouteContract): Record<string, Json> {
  const out: Record<string, Json> = commonRefusals(contract);
  for (const [status, spec] of Object.entries(contract.responses)) {
    const content: Json = {};
    const success = Number(status) < 300;
    if (spec.schema) content['application/json'] = { schema: jsonSchema(spec.schema(shapes), 'output') };
    else if (!success && !contract.pages && !spec.types) content['application/json'] = { schema: { $ref: `${components}Error` } };
    for (const type of spec.types ?? []) content[type] = { schema: { type: 'string', ...(type.includes('openxmlformats') ? { format: 'binary' } : {}) } };
    const headers = spec.headers ? Object.fromEntries(Object.entries(spec.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) : undefined;
    out[status] = { description: spec.description, ...(Object.keys(content).length ? { content } : {}), ...(headers ? { headers } : {}) };
  }
  return out;
}

export function buildOpenApiDocument(): Json {
  jsonSchema(shapes.problem, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const contract of ROUTES) {
    const body = requestBody(contract);
    (paths[contract.path] ??= {})[contract.method.toLowerCase()] = {
      summary: contract.summary,
      ...(contract.description ? { description: contract.description } : {}),
      'x-access': contract.access,
      ...(needsToken(contract) ? {} : { security: contract.access === 'session' ? [{ session: [] }] : [] }),
      parameters: parameters(contract),
      ...(body ? { requestBody: body } : {}),
      responses: answers(contract),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bevakning: uppföljning av politiska beslut',
      version: '2',
      description:
        'Register and follow the work political bodies give officials. Every route but the public ones, those a link opens and the workspace\'s pages (their session cookie) needs `Authorization: Bearer <JWT>` with `email` (or `preferred_username`, `upn`), `roles` (exactly `registrar`, `manager`, `admin`, in an array) and, for managers, `unit`. HEAD answers wherever GET does. Errors are `{ code, message, issues: [{ path, message }] }`, in Swedish.',
    },
    servers: [{ url: 'http://localhost:3000', description: 'npm start' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-bevakning-session',
          description: "The workspace's session cookie (`bevakning-session` on http://localhost), set by signing in at `/logga-in`; every POST also needs the session's form token (`csrf`).",
        },
      },
      schemas: Object.fromEntries(Object.entries(named).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
