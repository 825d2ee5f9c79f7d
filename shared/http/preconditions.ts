import { HttpError } from './problems';

/** An item's version as an ETag: `"3"`. */
export const etagOf = (item: { version: number }) => `"${item.version}"`;

/**
 * The version a change was read at, from `If-Match`: the ETag as GET sends it, `"3"`, or its bare
 * number `3` (some clients drop the quotes). Missing, or `*` (any version, which would overwrite
 * a change made meanwhile): 428 `precondition_required`. A weak tag `W/"3"` (If-Match compares
 * strongly, RFC 9110 13.1.1), a list or anything else: 400 `invalid_if_match`. Whether the
 * version is current is the use case's to say (412 `precondition_failed`).
 */
export function versionFromIfMatch(header: string | undefined): number {
  const value = header?.trim() ?? '';
  if (value === '' || value === '*') {
    throw new HttpError(428, 'precondition_required', 'Ange If-Match med ärendets ETag från GET, t.ex. "3".', [
      { path: 'If-Match', message: 'Ska vara ärendets ETag från GET.' },
    ]);
  }
  const match = /^"?(\d{1,9})"?$/.exec(value);
  if (!match || match[0].startsWith('"') !== match[0].endsWith('"')) {
    throw new HttpError(400, 'invalid_if_match', 'If-Match ska vara ärendets ETag precis som GET skickar den, t.ex. "3".', [
      { path: 'If-Match', message: 'Ska vara ärendets ETag från GET.' },
    ]);
  }
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
