import type * as z from 'zod';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Caller } from '../domain/caller';
import type * as AnswerShapes from './schemas';
import type { Session } from './session';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The Lambda entry points that serve HTTP; each is `functions/<name>/handler.ts`. */
export const HTTP_FUNCTIONS = ['health', 'items', 'plans', 'drafts', 'pages', 'units', 'reports', 'feeds', 'workspace'] as const;
export type HttpFunctionName = (typeof HTTP_FUNCTIONS)[number];

/**
 * API Gateway's `$default` route: a request no route matches (a mistyped address, a page's address
 * with another method) goes to this function, which answers a browser with the workspace's page
 * "Sidan finns inte" and anyone else with the contract's JSON 404 `not_found`. Without it API
 * Gateway itself answers `{"message":"Not Found"}`, in English. CDK and the local server read it.
 */
export const UNMATCHED_ROUTE = { routeKey: '$default', function: 'workspace' } as const satisfies { routeKey: string; function: HttpFunctionName };

/**
 * Who may call a route at all; finer rules (a manager's own unit, an official's own items) are
 * the domain's. `public`: no credential. `link`: the signed link or secret token in the path is
 * the credential, so no bearer token. `session`: the workspace's sealed session cookie is the
 * credential (shared/http/session.ts), and every POST must also carry the session's form token
 * (shared/http/csrf.ts); no bearer token. `signedIn`: any valid token. `registrar`: a registrar or
 * an admin. `admin`: an admin. The router enforces it before it reads the input.
 */
export type Access = 'public' | 'link' | 'session' | 'signedIn' | 'registrar' | 'admin';

/** What a route reads from the request body, by Content-Type. */
export interface BodySpec {
  /** `application/json`, validated; a function of the validated path parameters when the rules depend on them (a plan's year). */
  readonly json?: z.ZodType | ((params: never) => z.ZodType);
  /** `application/x-www-form-urlencoded` (the pages' forms), validated. */
  readonly form?: z.ZodType;
  /** Other media types taken as bytes (`application/pdf`, a spreadsheet), and the largest such body in bytes. */
  readonly raw?: { readonly types: readonly string[]; readonly maxBytes: number };
  /**
   * `multipart/form-data` (a page's file upload): its text fields validated by `fields`, the files
   * named in `files` handed over as bytes, the whole body at most `maxBytes`.
   */
  readonly multipart?: { readonly fields: z.ZodType; readonly files: readonly string[]; readonly maxBytes: number };
  /** Largest JSON or form body in bytes; the router's default otherwise. */
  readonly maxBytes?: number;
  /**
   * The body carries text pasted from a document, whose copy from a PDF may hold U+FFFD for a glyph
   * the PDF could not map: in a body passed as a string that character is then taken as written,
   * not as the mark of a body sent in another encoding (see the router's `textOf`).
   */
  readonly pastedText?: boolean;
}

export interface ResponseSpec {
  readonly description: string;
  /**
   * The JSON answer's schema, for the OpenAPI document only: built from the API's answer shapes
   * (./schemas.ts, which the document's builder passes in) when the document is, so that no
   * function builds the schemas of its answers at a cold start.
   */
  readonly schema?: (shapes: typeof AnswerShapes) => z.ZodType;
  /** Media types answered besides JSON (`text/csv`, `text/html` …). */
  readonly types?: readonly string[];
  /** Response headers worth documenting: name → description. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One route, defined once: API Gateway's route and authorizer (infra/), the local server
 * (local/), the router that validates and authorizes before a handler runs, the OpenAPI document
 * and the authorization tests all read it.
 */
export interface RouteContract {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `{id}` is one path segment. */
  readonly path: `/${string}`;
  readonly function: HttpFunctionName;
  readonly access: Access;
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: BodySpec;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Refusals answered as Swedish pages (the pages people open), not as error JSON. */
  readonly pages?: boolean;
}

/** Keeps a contract's literal types, so handlers are typed by it. */
export const route = <const C extends RouteContract>(contract: C): C => contract;

/** `GET /uppdrag/{id}`: API Gateway's routeKey. */
export type RouteKey<C extends Pick<RouteContract, 'method' | 'path'>> = `${C['method']} ${C['path']}`;
export const routeKey = <C extends Pick<RouteContract, 'method' | 'path'>>(contract: C) => `${contract.method} ${contract.path}` as RouteKey<C>;

/** HEAD answers wherever GET does (RFC 9110 9.3.2): the methods a route is served for. */
export function methodsOf(contract: Pick<RouteContract, 'method'>): ('HEAD' | HttpMethod)[] {
  return contract.method === 'GET' ? ['GET', 'HEAD'] : [contract.method];
}

/** Every routeKey API Gateway and the local server serve for a route: its own, and HEAD beside a GET. */
export const routeKeysOf = (contract: Pick<RouteContract, 'method' | 'path'>) => methodsOf(contract).map((method) => `${method} ${contract.path}`);

/** Routes API Gateway's JWT authorizer guards: all but the public ones and those a link or the workspace's session cookie opens. */
export const needsToken = (contract: Pick<RouteContract, 'access'>) => contract.access !== 'public' && contract.access !== 'link' && contract.access !== 'session';

type Output<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type JsonOf<J> = J extends (params: never) => infer S ? S : J;
type BodyOf<B> = B extends { json: infer J }
  ? z.output<JsonOf<J> & z.ZodType> | (B extends { raw: object } ? undefined : never)
  : B extends { form: infer S extends z.ZodType }
    ? z.output<S> | (B extends { multipart: { fields: infer M extends z.ZodType } } ? z.output<M> : never)
    : B extends { multipart: { fields: infer M extends z.ZodType } }
      ? z.output<M>
      : undefined;

/** A file of a `multipart/form-data` body: the name the browser gave it, its media type and its bytes. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** What a handler receives: the input its contract validated, and the caller its access admitted. */
export interface RouteInput<C extends RouteContract> {
  params: Output<C['params']>;
  query: Output<C['query']>;
  body: BodyOf<C['body']>;
  /** A body of one of `body.raw.types`, as bytes. */
  raw: C['body'] extends { raw: object } ? { type: string; bytes: Buffer } | undefined : undefined;
  /** The files of a `multipart/form-data` body by field name; empty for any other body. */
  files: C['body'] extends { multipart: object } ? Readonly<Record<string, UploadedFile | undefined>> : undefined;
  caller: C['access'] extends 'public' | 'link' ? undefined : Caller;
  /** The signed-in person of a `session` route (the caller, their name, the session id CSRF tokens are bound to). */
  session: C['access'] extends 'session' ? Session : undefined;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  event: ApiEvent;
  context: Context;
}

export type RouteHandler<C extends RouteContract> = (input: RouteInput<C>) => Promise<ApiResult>;

/** A function's handlers, one per route of its contracts, keyed by routeKey: a typo fails the typecheck. */
export type Handlers<Cs extends readonly RouteContract[]> = { [C in Cs[number] as RouteKey<C>]: RouteHandler<C> };
