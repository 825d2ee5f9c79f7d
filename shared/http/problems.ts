import { DomainError, type ErrorIssue, type ErrorKind } from '../domain/errors';
import type { ApiResult } from './contract';

/** A refusal only the HTTP edge makes: no token (401), a body too large (413), of the wrong type (415), no If-Match (428). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (message = 'Inloggning krävs: skicka en giltig Bearer-token.') =>
  new HttpError(401, 'unauthorized', message, [], { 'www-authenticate': 'Bearer' });

/** The one mapping from what the domain refuses to HTTP statuses. */
export const STATUS_OF: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  refused: 422,
  deadline: 422,
  unavailable: 503,
};

/** A refusal as the contract answers it: status, the error JSON's fields, headers. */
export interface Problem {
  status: number;
  code: string;
  message: string;
  issues: ErrorIssue[];
  /** Facts a client acts on, in the error JSON beside `code` (`existingId`). */
  details: Record<string, string | number>;
  headers: Record<string, string>;
}

/** The problem an error stands for; `undefined` for an unexpected error (a plain 500, no detail). */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
    // A stale write learns the version now, to read again or to show what changed.
    if (error.kind === 'stale' && error.details.version !== undefined) headers.etag = `"${error.details.version}"`;
    const { version: _, ...details } = error.details;
    return { status: STATUS_OF[error.kind], code: error.code, message: error.message, issues: error.issues, details, headers };
  }
  if (error instanceof HttpError) {
    return { status: error.status, code: error.code, message: error.message, issues: error.issues, details: {}, headers: error.headers };
  }
  return undefined;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** The contract's error JSON: `{ code, message, issues }` and any details. */
export const problemResult = (problem: Problem): ApiResult =>
  json(problem.status, { code: problem.code, message: problem.message, issues: problem.issues, ...problem.details }, problem.headers);

export const INTERNAL_ERROR: Problem = { status: 500, code: 'internal_error', message: 'Ett oväntat fel inträffade.', issues: [], details: {}, headers: {} };
