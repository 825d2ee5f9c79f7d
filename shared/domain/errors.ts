/**
 * What the domain refuses, by kind. The domain names what went wrong; the edges decide how a
 * person or a client hears it (shared/http/problems.ts: statuses, headers, page messages).
 */
export interface ErrorIssue {
  /** The field at fault, as the API names it (`due.date`, `reason`). */
  path: string;
  message: string;
}

/**
 * - `invalid`: the input breaks a rule of form (a field's type, length, format).
 * - `forbidden`: the caller may not do this.
 * - `not_found`: there is no such thing, or the caller may not know that there is.
 * - `conflict`: it clashes with what exists (a possible duplicate, a reused idempotency key).
 * - `stale`: it was changed since the caller read it (`details.version` is the version now).
 * - `refused`: a business rule refuses it (a reason is required, the item is closed).
 * - `deadline`: no deadline can be computed (no meeting plan, no meeting in time, due before the decision).
 * - `unavailable`: not now: storage throttled or unreachable; nothing is known to be lost, the same
 *   request may be sent again after `retryAfterSeconds`.
 */
export type ErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'stale' | 'refused' | 'deadline' | 'unavailable';

export class DomainError extends Error {
  readonly issues: ErrorIssue[];
  readonly retryAfterSeconds?: number;
  /** Machine-readable facts for the answer: the existing item's id, the current version. */
  readonly details: Record<string, string | number>;

  constructor(
    readonly kind: ErrorKind,
    /** A stable machine-readable code (`reason_required`, `possible_duplicate`). */
    readonly code: string,
    /** A Swedish sentence a clerk can act on. */
    message: string,
    options: { issues?: ErrorIssue[]; retryAfterSeconds?: number; details?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const invalid = (code: string, message: string, issues: ErrorIssue[] = []) => new DomainError('invalid', code, message, { issues });
export const forbidden = (message = 'Din roll får inte göra detta.') => new DomainError('forbidden', 'forbidden', message);
export const notFound = (message = 'Finns inte.') => new DomainError('not_found', 'not_found', message);
export const conflict = (code: string, message: string, details: Record<string, string | number> = {}) =>
  new DomainError('conflict', code, message, { details });
export const stale = (version: number, message = 'Ärendet har ändrats sedan du läste det: hämta det igen.') =>
  new DomainError('stale', 'precondition_failed', message, { details: { version } });
export const refused = (code: string, message: string, issues: ErrorIssue[] = []) => new DomainError('refused', code, message, { issues });
export const deadlineProblem = (code: string, message: string, issues: ErrorIssue[] = []) => new DomainError('deadline', code, message, { issues });
export const unavailable = (message = 'Tjänsten är överbelastad just nu. Försök igen om en stund.', retryAfterSeconds = 1, cause?: unknown) =>
  new DomainError('unavailable', 'unavailable', message, { retryAfterSeconds, cause });
