import { gzipSync } from 'node:zlib';
import { refused } from '../domain/errors';
import type { ApiResult } from './contract';
import { acceptsGzip } from './negotiation';

/**
 * The most a synchronous Lambda may answer: the serialized result object (status, headers and a
 * body that is base64 when binary) within 6 MB (AWS Lambda quotas, "Invocation payload").
 * API Gateway never sees a larger answer; it fails it as a 5xx with no message.
 */
export const LAMBDA_RESPONSE_MAX_BYTES = 6 * 1024 * 1024;
/** Smaller bodies go as they are: gzip saves little on them. */
const COMPRESS_FROM_BYTES = 1024;

const resultBytes = (result: ApiResult) => Buffer.byteLength(JSON.stringify(result), 'utf8');
/** "64 kB", "4,5 MB": a size as people read it (the router's, the answers' and the upload forms' limits). */
export const readableSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB` : `${Math.round(bytes / 1024).toLocaleString('sv-SE')} kB`;

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
    // Beside whatever the answer already varies by (the public page: Accept).
    headers: { ...result.headers, 'content-encoding': 'gzip', vary: [result.headers?.vary, 'accept-encoding'].filter(Boolean).join(', ') },
    body: gzipSync(body!).toString('base64'),
    isBase64Encoded: true,
  });
  const answer = compressible && acceptsGzip(acceptEncoding) ? compressed() : result;
  const size = resultBytes(answer);
  if (size <= LAMBDA_RESPONSE_MAX_BYTES) return answer;
  const limit = readableSize(LAMBDA_RESPONSE_MAX_BYTES);
  if (answer === result && compressible && resultBytes(compressed()) <= LAMBDA_RESPONSE_MAX_BYTES) {
    throw refused(
      'response_too_large',
      `Svaret blir ${readableSize(size)} okomprimerat, och högst ${limit} kan skickas. Be om det komprimerat med Accept-Encoding: gzip (curl --compressed; webbläsare och Excel gör det själva), som XLSX, eller smalna av urvalet.`,
    );
  }
  throw refused(
    'response_too_large',
    `Svaret blir ${readableSize(size)}${answer === result ? '' : ' komprimerat'}, och högst ${limit} kan skickas. Smalna av urvalet, till exempel per enhet, typ eller med ett datumintervall.`,
  );
}

