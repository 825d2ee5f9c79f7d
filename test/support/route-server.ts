import type { Server } from 'node:http';
import type { Context } from 'aws-lambda';
import { inject } from 'vitest';
import { createLocalApi } from '../../local/server';
import type { ApiEvent, ApiResult } from '../../shared/http/contract';
import type { HttpFunctionName } from '../../shared/http/contract';

import { isolatedDependencies } from './isolated';
import { freePort } from './ports';

type LambdaHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

/** The isolated world every function's handler is built on (test/support/isolated.ts). */
export type World = Awaited<ReturnType<typeof isolatedDependencies>>;

/**
 * Every HTTP function of the route table (`functions/<name>/handler.ts`, whatever `HTTP_FUNCTIONS`
 * lists now or later), built with `createHandler` on dependencies of their own.
 */
export async function loadHandler(name: HttpFunctionName, deps: World): Promise<LambdaHandler> {
  const module = (await import(`../../functions/${name}/handler.ts`)) as { createHandler: (deps: () => World) => LambdaHandler };
  return module.createHandler(() => deps);
}

/**
 * The local server (`local/server.ts`, the code `npm start` runs) in front of every route of the
 * table, on a port and a DynamoDB table of its own, so a test can count what the table holds
 * before and after without another test file writing to it meanwhile.
 */
export async function routeServer(env: Record<string, string> = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const deps = await isolatedDependencies({ PUBLIC_BASE_URL: url, ...env });
  const server: Server = createLocalApi({ jwtSecret: inject('jwtSecret'), loadHandler: (name) => loadHandler(name, deps) });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    deps,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON client for a route server, signed in with `token`: status, headers and the parsed answer. */
export function jsonClient(url: () => string, token: () => string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, json: (await response.json()) as any };
  };
}
