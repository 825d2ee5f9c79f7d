import { HttpError } from './problems';

/** An item's version as an ETag: `"3"`. */
export const etagOf = (item: { version: number }) => `"${item.version}"`;

/**
 * The version a change was read at, from `If-Match`: `"3"`, `W/"3"` or `3`. Missing: 428
 * `precondition_required`; not a version: 412 `precondition_failed` (RFC 9110 13.1.1).
 */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new HttpError(428, 'precondition_required', 'Ange If-Match med ärendets ETag från GET.');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new HttpError(412, 'precondition_failed', 'If-Match matchar inte ärendets ETag.');
  return Number(match[1]);
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** `Idempotency-Key`, when sent: 1–200 visible ASCII characters; else 400 naming the header. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new HttpError(400, 'validation_failed', 'Idempotency-Key ska vara 1–200 synliga ASCII-tecken.', [
      { path: 'Idempotency-Key', message: 'Ska vara 1–200 synliga ASCII-tecken, utan mellanslag.' },
    ]);
  }
  return header;
}
