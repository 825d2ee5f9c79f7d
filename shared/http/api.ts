import { gzipSync } from 'node:zlib';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { callerFromRequest, type Caller } from '../domain/caller';
import { AppError, badRequest, notFound } from '../domain/app-error';
import { logger } from '../platform/logger';
import { acceptsGzip } from './negotiation';

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
    throw new AppError(415, 'unsupported_media_type', 'Skicka uppgifterna som JSON, med Content-Type: application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('malformed_json', 'Uppgifterna är inte giltig JSON: kontrollera citattecken, kommatecken och klamrar.');
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
    { ...error.details, code: error.code, message: error.message, issues: error.issues },
    error.headers,
  );
}

/**
 * The most a synchronous Lambda may answer: the serialized result object (status, headers and a
 * body that is base64 when binary) within 6 MB (AWS Lambda quotas, "Invocation payload").
 * API Gateway never sees a larger answer; it fails it as a 5xx with no message.
 */
export const LAMBDA_RESPONSE_MAX_BYTES = 6 * 1024 * 1024;
/** Smaller bodies go as they are: gzip saves little on them. */
const COMPRESS_FROM_BYTES = 1024;

const resultBytes = (result: ApiResult) => Buffer.byteLength(JSON.stringify(result), 'utf8');
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/**
 * The answer as it can leave Lambda: a text body of 1 KiB or more gzip-compressed when the client
 * accepts it (`Accept-Encoding: gzip`: browsers, Excel, `curl --compressed`), since API Gateway's
 * HTTP API does not compress. An answer that would still be over LAMBDA_RESPONSE_MAX_BYTES is
 * refused with 422 `response_too_large`, saying whether asking for it compressed would do or the
 * selection must be narrowed: never sent to fail at API Gateway.
 */
export function deliverable(result: ApiResult, acceptEncoding: string | undefined): ApiResult {
  const body = result.body;
  const compressible = !result.isBase64Encoded && body !== undefined && Buffer.byteLength(body, 'utf8') >= COMPRESS_FROM_BYTES;
  const compressed = (): ApiResult => ({
    ...result,
    headers: { ...result.headers, 'content-encoding': 'gzip', vary: 'accept-encoding' },
    body: gzipSync(body!).toString('base64'),
    isBase64Encoded: true,
  });
  const answer = compressible && acceptsGzip(acceptEncoding) ? compressed() : result;
  const size = resultBytes(answer);
  if (size <= LAMBDA_RESPONSE_MAX_BYTES) return answer;
  const limit = megabytes(LAMBDA_RESPONSE_MAX_BYTES);
  if (answer === result && compressible && resultBytes(compressed()) <= LAMBDA_RESPONSE_MAX_BYTES) {
    throw new AppError(
      422,
      'response_too_large',
      `Svaret blir ${megabytes(size)} okomprimerat, och högst ${limit} kan skickas. Be om det komprimerat med Accept-Encoding: gzip (curl --compressed; webbläsare och Excel gör det själva), som XLSX, eller smalna av urvalet.`,
    );
  }
  throw new AppError(
    422,
    'response_too_large',
    `Svaret blir ${megabytes(size)}${answer === result ? '' : ' komprimerat'}, och högst ${limit} kan skickas. Smalna av urvalet, till exempel per enhet, typ eller med ett datumintervall.`,
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
    if (!route) throw notFound('Det finns ingen sådan adress i tjänsten.');
    const headers = event.headers as Record<string, string | undefined>;
    const text = bodyText(event);
    if (text !== undefined && Buffer.byteLength(text, 'utf8') > options.maxBodyBytes()) {
      throw new AppError(413, 'payload_too_large', `Uppgifterna är för stora: högst ${options.maxBodyBytes()} byte.`);
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
    const result = deliverable(await route(request), headers['accept-encoding']);
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
