import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { callerFromRequest, type Caller } from '../auth/caller';
import { AppError, badRequest, notFound } from '../errors';
import { logger } from './logger';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

export interface ApiRequest {
  event: ApiEvent;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  pathParameters: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** The caller, for routes behind the JWT authorizer. */
  caller: () => Caller;
  /** The parsed JSON body; `undefined` when there is none. */
  json: () => unknown;
  /** The fields of an HTML form (application/x-www-form-urlencoded). */
  form: () => URLSearchParams;
}

export type RouteHandler = (request: ApiRequest) => Promise<ApiResult>;

export interface ApiOptions {
  maxBodyBytes: () => number;
  /** The answer to a refused or failed request, for routes that serve pages instead of JSON. */
  renderError?: (error: AppError | undefined, event: ApiEvent) => ApiResult;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

function bodyText(event: ApiEvent): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseJsonBody(event: ApiEvent, headers: Record<string, string | undefined>): unknown {
  const text = bodyText(event);
  if (text === undefined || text === '') return undefined;
  const type = headers['content-type'];
  if (!type || !JSON_TYPE.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'Skicka kroppen som application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('malformed_json', 'Kroppen är inte giltig JSON.');
  }
}

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;.*)?$/i;

function parseFormBody(event: ApiEvent, headers: Record<string, string | undefined>): URLSearchParams {
  const text = bodyText(event) ?? '';
  if (text !== '' && !FORM_TYPE.test(headers['content-type'] ?? '')) {
    throw new AppError(415, 'unsupported_media_type', 'Skicka formuläret som application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(text);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** The answer to HEAD: GET's status and headers, its length, no body. */
function withoutBody(result: ApiResult): ApiResult {
  const { body, isBase64Encoded, ...rest } = result;
  const length = body === undefined ? 0 : isBase64Encoded ? Buffer.from(body, 'base64').length : Buffer.byteLength(body);
  return { ...rest, headers: { ...rest.headers, 'content-length': String(length) }, body: '' };
}

export function errorResult(error: AppError): ApiResult {
  return json(
    error.status,
    { code: error.code, message: error.message, issues: error.issues },
    error.headers,
  );
}

/**
 * One Lambda handler serving several routes of the route table: it dispatches on the
 * routeKey, enforces the body limit, and turns every error into the contract's error JSON
 * in one place. Unexpected errors are logged and answered as a bare 500.
 */
export function apiHandler(routes: Record<string, RouteHandler>, options: ApiOptions) {
  const dispatch = async (event: ApiEvent, context: Context): Promise<ApiResult> => {
    logger.addContext(context);
    logger.appendKeys({ requestId: event.requestContext.requestId, route: event.routeKey });
    // HEAD is served by the GET route, without the body (RFC 9110 9.3.2).
    const head = event.routeKey.startsWith('HEAD ');
    const route = routes[head ? `GET ${event.routeKey.slice('HEAD '.length)}` : event.routeKey];
    if (!route) throw notFound('Ingen sådan väg.');
    const headers = event.headers as Record<string, string | undefined>;
    const text = bodyText(event);
    if (text !== undefined && Buffer.byteLength(text, 'utf8') > options.maxBodyBytes()) {
      throw new AppError(413, 'payload_too_large', `Kroppen får vara högst ${options.maxBodyBytes()} byte.`);
    }
    let parsed: { value: unknown } | undefined;
    const request: ApiRequest = {
      event,
      headers,
      pathParameters: event.pathParameters ?? {},
      query: event.queryStringParameters ?? {},
      caller: () => callerFromRequest(headers.authorization, event.requestContext.authorizer?.jwt?.claims),
      json: () => (parsed ??= { value: parseJsonBody(event, headers) }).value,
      form: () => parseFormBody(event, headers),
    };
    const result = await route(request);
    logger.info('request', { status: result.statusCode });
    return head ? withoutBody(result) : result;
  };

  return middy<ApiEvent, ApiResult>()
    .use(httpHeaderNormalizer())
    .onError((request) => {
      const error = request.error;
      if (error instanceof AppError) {
        logger.info('request refused', { status: error.status, code: error.code });
        request.response = options.renderError ? options.renderError(error, request.event) : errorResult(error);
      } else {
        logger.error('unexpected error', error as Error);
        request.response = options.renderError
          ? options.renderError(undefined, request.event)
          : json(500, { code: 'internal_error', message: 'Ett oväntat fel inträffade.', issues: [] });
      }
      logger.resetKeys();
    })
    .after(() => logger.resetKeys())
    .handler(dispatch);
}
