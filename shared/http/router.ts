import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { requireAdmin, requireRegistrar, type Caller } from '../domain/caller';
import { callerFromRequest } from './caller';
import { invalid } from '../domain/errors';
import { parseOrThrow } from '../domain/validation';
import { UNMATCHED_ROUTE, type ApiEvent, type ApiResult, type BodySpec, type Handlers, type RouteContract, type RouteHandler, type RouteInput, type UploadedFile } from './contract';
import { negotiate } from './negotiation';
import { logger } from '../platform/logger';
import { deliverable, readableSize } from './deliverable';
import { readMultipart } from './multipart';
import { HttpError, INTERNAL_ERROR, problemOf, problemResult, type Problem } from './problems';
import type { Session } from './session';

/** How the router admits a `session` route's caller and checks its forms (shared/http/workspace/session-gate.ts). */
export interface SessionGate {
  /** The session the request's cookie carries; throws HttpError 401 (`session_missing`, `session_expired`, `session_invalid`). */
  read(headers: Readonly<Record<string, string | undefined>>): Promise<Session>;
  /**
   * A POST from the session's own pages to `path`: same site and the session's form token (or a kept
   * form's ticket for `path`, shared/http/kept-form.ts); throws HttpError 403 `form_refused`.
   */
  checkForm(session: Session, headers: Readonly<Record<string, string | undefined>>, token: unknown, path: string): Promise<void>;
}

export interface RouterOptions {
  /** The largest body a route without its own `body.maxBytes` takes, in bytes. */
  maxBodyBytes: () => number;
  /** The answer to a refusal or failure on a route with `pages: true`: a Swedish page. */
  renderPage?: (problem: Problem, event: ApiEvent) => ApiResult | Promise<ApiResult>;
  /** Sessions, for a function with `session` routes. */
  sessions?: () => SessionGate;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;.*)?$/i;

function bodyBytes(event: ApiEvent): Buffer | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** Decodes strictly: a byte that is not UTF-8 throws rather than becoming U+FFFD. A leading BOM is dropped (`ignoreBOM: false`). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON or form body as text: UTF-8 whatever `charset` says (RFC 8259 8.1), a leading BOM (as
 * Windows tools write it) dropped. A body API Gateway or the local server passed as a string was
 * decoded before the handler saw it, its undecodable bytes already U+FFFD, so that character marks
 * a body that was not UTF-8, except in pasted text (`BodySpec.pastedText`), where a PDF's copy may
 * hold it; the item's text fields refuse it there in turn. Else 400 `invalid_encoding`, nothing read.
 */
function textOf(event: ApiEvent, bytes: Buffer, spec: BodySpec): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw notUtf8();
  }
  if (!event.isBase64Encoded && !spec.pastedText && text.includes('\uFFFD')) throw notUtf8();
  return text;
}
const notUtf8 = () => invalid('invalid_encoding', 'Texten ska vara kodad som UTF-8.');

/** Validates one part of the request; a refusal names every field at fault (shared/domain/validation.ts). */
const parsePart = <S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> => parseOrThrow(schema, value, part);

/** The caller a route's access admits; refused before any input is read, so validation reveals nothing. */
async function admit(
  contract: RouteContract,
  headers: Record<string, string | undefined>,
  event: ApiEvent,
  sessions: RouterOptions['sessions'],
): Promise<{ caller?: Caller; session?: Session }> {
  if (contract.access === 'public' || contract.access === 'link') return {};
  if (contract.access === 'session') {
    if (!sessions) throw new Error(`${contract.method} ${contract.path} is a session route, and the router has no sessions`);
    const session = await sessions().read(headers);
    return { caller: session.caller, session };
  }
  const caller = callerFromRequest(headers.authorization, event.requestContext.authorizer?.jwt?.claims, new Date(event.requestContext.timeEpoch));
  if (contract.access === 'registrar') requireRegistrar(caller);
  if (contract.access === 'admin') requireAdmin(caller);
  return { caller };
}

const tooLarge = (maxBytes: number) => new HttpError(413, 'payload_too_large', `Uppgifterna är för stora: högst ${readableSize(maxBytes)}.`);

type Body = { body: unknown; raw: { type: string; bytes: Buffer } | undefined; files?: Record<string, UploadedFile | undefined> };

async function readBody(contract: RouteContract, params: unknown, event: ApiEvent, headers: Record<string, string | undefined>, maxBytes: number): Promise<Body> {
  const bytes = bodyBytes(event);
  const spec = contract.body;
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (spec?.multipart && bytes && type === 'multipart/form-data') {
    if (bytes.length > spec.multipart.maxBytes) throw tooLarge(spec.multipart.maxBytes);
    const { fields, files } = await readMultipart(bytes, headers['content-type']!, spec.multipart.files);
    return { body: parsePart(spec.multipart.fields, fields, 'Formuläret'), raw: undefined, files };
  }
  if (spec?.raw && bytes && spec.raw.types.includes(type)) {
    if (bytes.length > spec.raw.maxBytes) throw tooLarge(spec.raw.maxBytes);
    return { body: undefined, raw: { type, bytes } };
  }
  if (bytes && bytes.length > maxBytes) throw tooLarge(maxBytes);
  if (!spec) return { body: undefined, raw: undefined };
  if (spec.json) {
    const schema = typeof spec.json === 'function' ? spec.json(params as never) : spec.json;
    if (!bytes) return { body: parsePart(schema, undefined, 'Uppgifterna'), raw: undefined };
    if (!JSON_TYPE.test(headers['content-type'] ?? '')) {
      const others = spec.raw ? ` (eller som ${spec.raw.types.join(', ')})` : '';
      throw new HttpError(415, 'unsupported_media_type', `Skicka uppgifterna som JSON, med Content-Type: application/json${others}.`);
    }
    const text = textOf(event, bytes, spec);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid('malformed_json', 'Uppgifterna är inte giltig JSON: kontrollera citattecken, kommatecken och klamrar.');
    }
    return { body: parsePart(schema, value, 'Uppgifterna'), raw: undefined };
  }
  if (spec.form) {
    if (bytes && !FORM_TYPE.test(headers['content-type'] ?? '')) {
      const others = spec.multipart ? ' (eller som multipart/form-data)' : '';
      throw new HttpError(415, 'unsupported_media_type', `Skicka formuläret som application/x-www-form-urlencoded${others}.`);
    }
    const fields = new URLSearchParams(bytes ? textOf(event, bytes, spec) : '');
    const seen = new Set<string>();
    for (const name of fields.keys()) {
      if (seen.has(name)) throw invalid('validation_failed', `Fältet ${name} förekommer två gånger.`, [{ path: name, message: 'Förekommer två gånger.' }]);
      seen.add(name);
    }
    return { body: parsePart(spec.form, Object.fromEntries(fields), 'Formuläret'), raw: undefined };
  }
  if (spec.multipart) {
    // A file form sent empty or as another type: its fields as if none were filled in.
    if (!bytes) return { body: parsePart(spec.multipart.fields, {}, 'Formuläret'), raw: undefined, files: {} };
    throw new HttpError(415, 'unsupported_media_type', 'Skicka formuläret som multipart/form-data.');
  }
  throw new HttpError(415, 'unsupported_media_type', `Skicka uppgifterna som ${spec.raw!.types.join(' eller ')}.`);
}

/**
 * One Lambda handler for a function's routes: it finds the contract by routeKey (HEAD by its GET),
 * admits the caller the route's access allows (a `session` route by its cookie, through
 * `options.sessions`), validates path, query and body against the contract (a multipart body read
 * into fields and files), checks a `session` route's POST for the session's form token, calls the
 * handler, sends the answer in a form Lambda can return (shared/http/deliverable.ts), and answers
 * every refusal in the contract's shape in one place (shared/http/problems.ts), or as a page
 * (`renderPage`) on a route with `pages: true`. Unexpected errors are logged and answered as a bare 500.
 */
export function createRouter<const Cs extends readonly RouteContract[]>(contracts: Cs, handlers: NoInfer<Handlers<Cs>>, options: RouterOptions) {
  const byKey = new Map<string, { contract: RouteContract; handler: RouteHandler<RouteContract> }>();
  for (const contract of contracts) {
    const key = `${contract.method} ${contract.path}`;
    byKey.set(key, { contract, handler: (handlers as unknown as Record<string, RouteHandler<RouteContract>>)[key]! });
  }

  const contractOf = (routeKey: string) => {
    const head = routeKey.startsWith('HEAD ');
    return { head, found: byKey.get(head ? `GET ${routeKey.slice('HEAD '.length)}` : routeKey) };
  };

  const dispatch = async (event: ApiEvent, context: Context): Promise<ApiResult> => {
    logger.addContext(context);
    logger.appendKeys({ requestId: event.requestContext.requestId, route: event.routeKey });
    const { head, found } = contractOf(event.routeKey);
    if (!found) throw new HttpError(404, 'not_found', 'Det finns ingen sådan adress i tjänsten.');
    const { contract, handler } = found;
    const headers = event.headers as Record<string, string | undefined>;
    const { caller, session } = await admit(contract, headers, event, options.sessions);
    const params = contract.params ? parsePart(contract.params, event.pathParameters ?? {}, 'Adressen') : {};
    const query = contract.query ? parsePart(contract.query, event.queryStringParameters ?? {}, 'Sökvillkoren') : {};
    const body = await readBody(contract, params, event, headers, contract.body?.maxBytes ?? options.maxBodyBytes());
    // Every POST of the workspace: from its own pages, with the session's form token.
    if (session && contract.method !== 'GET') await options.sessions!().checkForm(session, headers, (body.body as { csrf?: unknown } | undefined)?.csrf, event.rawPath);
    const input = { params, query, ...body, caller, session, headers, event, context } as RouteInput<RouteContract>;
    const result = deliverable(await handler(input), headers['accept-encoding']);
    logger.info('request', { status: result.statusCode });
    return head ? withoutBody(result) : result;
  };

  return middy<ApiEvent, ApiResult>()
    .use(httpHeaderNormalizer())
    .onError(async (request) => {
      const problem = problemOf(request.error);
      if (problem) logger.info('request refused', { status: problem.status, code: problem.code });
      else logger.error('unexpected error', request.error as Error);
      const found = contractOf(request.event.routeKey).found;
      // An address no route matches is a page for a browser (it asks for HTML first), JSON for any other client.
      const pages = found ? found.contract.pages : request.event.routeKey === UNMATCHED_ROUTE.routeKey && negotiate(request.event.headers.accept, ['application/json', 'text/html']) === 'text/html';
      const answer = problem ?? INTERNAL_ERROR;
      request.response = pages && options.renderPage ? await options.renderPage(answer, request.event) : problemResult(answer);
      logger.resetKeys();
    })
    .after(() => logger.resetKeys())
    .handler(dispatch);
}

/** The answer to HEAD: GET's status and headers, its length, no body. */
function withoutBody(result: ApiResult): ApiResult {
  const { body, isBase64Encoded, ...rest } = result;
  const length = body === undefined ? 0 : isBase64Encoded ? Buffer.from(body, 'base64').length : Buffer.byteLength(body);
  return { ...rest, headers: { ...rest.headers, 'content-length': String(length) }, body: '' };
}
