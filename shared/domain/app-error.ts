/** One error type for everything the API refuses; the HTTP layer turns it into the contract's error JSON. */
export interface ErrorIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly headers: Record<string, string> = {},
    /** Fields the error JSON carries beside `code`, `message` and `issues` (e.g. `existingId`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, issues: ErrorIssue[] = []) =>
  new AppError(400, code, message, issues);
export const unauthorized = (message = 'Inloggning krävs: skicka en giltig Bearer-token.') =>
  new AppError(401, 'unauthorized', message, [], { 'www-authenticate': 'Bearer' });
export const forbidden = (message = 'Din roll får inte göra detta.') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Finns inte.') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const unprocessable = (code: string, message: string, issues: ErrorIssue[] = []) =>
  new AppError(422, code, message, issues);

/**
 * The table (or another service behind the API) could not take the request right now: throttled
 * past the SDK's retries, or busy with a conflicting transaction. Nothing was stored; the same
 * request (with the same Idempotency-Key) may be sent again after `Retry-After` seconds.
 */
export const serviceUnavailable = (message = 'Tjänsten är överbelastad just nu. Försök igen om en stund.', retryAfterSeconds = 1) =>
  new AppError(503, 'unavailable', message, [], { 'retry-after': String(retryAfterSeconds) });
