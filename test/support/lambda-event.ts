import { randomUUID } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { matchRoute } from '../../shared/http/routes';
import { routeKey } from '../../shared/http/contract';
import type { ApiEvent } from '../../shared/http/contract';
import { claimsAsApiGatewayPassesThem } from '../../local/tokens';

/**
 * The payload-2.0 event API Gateway hands a Lambda handler for a request, with the claims its
 * JWT authorizer passes on (every claim a string, an array as "[a b]") and the bearer token they
 * came from in `Authorization` (unsigned here: the authorizer has already verified it): for calling a
 * handler directly, without the local server, to compare the two.
 */
export function apiGatewayEvent(request: {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  claims?: Record<string, unknown>;
}): ApiEvent {
  const match = matchRoute(request.method, request.path);
  if (!match) throw new Error(`no route for ${request.method} ${request.path}`);
  const now = new Date();
  const key = routeKey(match.route);
  const token = request.claims ? new UnsecuredJWT(request.claims).encode() : undefined;
  return {
    version: '2.0',
    routeKey: key,
    rawPath: request.path,
    rawQueryString: new URLSearchParams(request.query ?? {}).toString(),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    },
    ...(request.query ? { queryStringParameters: request.query } : {}),
    ...(Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.se',
      domainPrefix: 'api',
      http: { method: request.method, path: request.path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { jwt: { claims: request.claims ? claimsAsApiGatewayPassesThem(request.claims) : {}, scopes: [] } },
    },
    ...(request.body !== undefined ? { body: request.body } : {}),
    isBase64Encoded: false,
  } as unknown as ApiEvent;
}
