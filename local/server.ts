import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import { matchRoute } from '../shared/http/routes';
import { needsToken, UNMATCHED_ROUTE, type HttpFunctionName } from '../shared/http/contract';
import type { ApiEvent, ApiResult } from '../shared/http/contract';
import { claimsAsApiGatewayPassesThem, verifyLocalToken } from './tokens';

type LambdaHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

/** The local stand-in for API Gateway's own limit; the handlers enforce the product's 64 KiB. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

export interface LocalApiOptions {
  jwtSecret: string;
  /** Loads `functions/<name>/handler.ts`: the very module Lambda runs. */
  loadHandler?: (name: HttpFunctionName) => Promise<LambdaHandler>;
}

const defaultLoader = async (name: HttpFunctionName): Promise<LambdaHandler> =>
  ((await import(`../functions/${name}/handler.ts`)) as { handler: LambdaHandler }).handler;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The request body, or 'too_large' past API Gateway's limit. Past it, reading stops without
 * destroying the request: leaving a `for await` early would destroy the socket before the 413
 * could be answered on it.
 */
function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).pause();
      resolve('too_large');
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

const TEXT_TYPES = /^(text\/|application\/(?:[\w.+-]+\+)?(?:json|xml|x-www-form-urlencoded))/i;

/** The Lambda context a handler gets, with API Gateway's 29 s. */
export function lambdaContext(functionName: string, requestId: string = randomUUID()): Context {
  return {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    logGroupName: `/local/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  } as Context;
}

/**
 * Serves the HTTP API on this machine as API Gateway would: match the request against the
 * route table, check the JWT for protected routes, build a payload 2.0 event and call the
 * handler that Lambda runs.
 */
export function createLocalApi(options: LocalApiOptions): Server {
  const load = options.loadHandler ?? defaultLoader;
  const handlers = new Map<HttpFunctionName, Promise<LambdaHandler>>();

  return createServer(async (req, res) => {
    try {
      // The request target as a path on this host: "//" or "//host/x" is a path, not another host (as at API Gateway).
      const target = req.url ?? '/';
      let url: URL;
      try {
        url = new URL(target.startsWith('/') ? `http://localhost${target}` : target, 'http://localhost');
      } catch {
        return send(res, 400, { code: 'bad_request', message: 'Ogiltig sökväg.', issues: [] });
      }
      const method = (req.method ?? 'GET').toUpperCase();
      const match = matchRoute(method, url.pathname);
      // No route for this method and path: API Gateway's $default route, to the function that answers it.
      const { route, pathParameters } = match ?? { route: undefined, pathParameters: {} };
      const routeKey = route ? `${method} ${route.path}` : UNMATCHED_ROUTE.routeKey;
      const functionName = route ? route.function : UNMATCHED_ROUTE.function;

      let claims: Record<string, string> | undefined;
      if (route && needsToken(route)) {
        const auth = req.headers.authorization ?? '';
        const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
        try {
          if (!token) throw new Error('no token');
          claims = claimsAsApiGatewayPassesThem(await verifyLocalToken(token, options.jwtSecret));
        } catch {
          return send(res, 401, { code: 'unauthorized', message: 'Inloggning krävs: skicka en giltig Bearer-token.', issues: [] }, { 'www-authenticate': 'Bearer' });
        }
      }

      const raw = await readBody(req);
      if (raw === 'too_large') {
        // The rest of the body is never read: the connection cannot carry another request.
        const socket = req.socket;
        res.once('finish', () => socket.destroySoon());
        return send(res, 413, { code: 'payload_too_large', message: 'Förfrågan är för stor: högst 10 MB, som API Gateway tar emot.', issues: [] }, { connection: 'close' });
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
      }
      const query: Record<string, string> = {};
      for (const [name, value] of url.searchParams) query[name] = Object.hasOwn(query, name) ? `${query[name]},${value}` : value;
      const isText = raw.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? '');
      const requestId = randomUUID();
      const now = new Date();

      const event = {
        version: '2.0',
        routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
        ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
        ...(headers.cookie ? { cookies: headers.cookie.split(/;\s*/) } : {}),
        requestContext: {
          accountId: 'local',
          apiId: 'local',
          domainName: headers.host ?? 'localhost',
          domainPrefix: 'localhost',
          http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
          requestId,
          routeKey,
          stage: '$default',
          time: now.toISOString(),
          timeEpoch: now.getTime(),
          authorizer: { jwt: { claims: claims ?? {}, scopes: [] } },
        },
        ...(raw.length ? { body: isText ? raw.toString('utf8') : raw.toString('base64') } : {}),
        isBase64Encoded: !isText,
      } as unknown as ApiEvent;

      const context = lambdaContext(functionName, requestId);

      let handler = handlers.get(functionName);
      if (!handler) handlers.set(functionName, (handler = load(functionName)));
      const result = await (await handler)(event, context);
      const body = result.body ?? '';
      // Payload 2.0: each of `cookies` is a Set-Cookie header of its own, as API Gateway sends them.
      res.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string>), ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}), 'x-request-id': requestId });
      res.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
    } catch (error) {
      // The client hung up while sending its body (a closed tab, a load tool stopping): nobody to answer.
      if (req.destroyed && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
      console.error('local server error', error);
      if (!res.headersSent) send(res, 500, { code: 'internal_error', message: 'Ett oväntat fel inträffade.', issues: [] });
      else res.end();
    }
  });
}
