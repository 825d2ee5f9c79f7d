import { createHash } from 'node:crypto';
import type { PublicBodyView } from '../domain/reports/public';
import { publicBodyDocument, publicProblemDocument } from '../views/reports/public-page';
import { REPORT_PAGE_HEADERS } from '../views/reports/report-document';
import type { ApiEvent, ApiResult } from './contract';
import { negotiate } from './negotiation';
import { json, problemResult, type Problem } from './problems';
import { PUBLIC_MAX_AGE_SECONDS } from './routes/reports';

/** The public answers' forms: the page for a browser (and by default), its JSON for a program. */
const PUBLIC_TYPES = ['text/html', 'application/json'] as const;

/** Whether `If-None-Match` names `etag`: `*`, or a list of tags compared weakly (RFC 9110 13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * `GET /offentlig/{body}`: the public page (`text/html`) or its JSON (`Accept: application/json`),
 * which browsers and shared caches may keep PUBLIC_MAX_AGE_SECONDS (`Cache-Control: public`),
 * varying by Accept, with a weak ETag of the content: a request whose `If-None-Match` names it
 * gets 304 and no body. A closed page is a 404 (never cached), so it is gone from caches within
 * those five minutes.
 */
export function publicBodyAnswer(view: PublicBodyView, headers: Readonly<Record<string, string | undefined>>): ApiResult {
  const html = negotiate(headers.accept, PUBLIC_TYPES) === 'text/html';
  const answer = html ? { statusCode: 200, headers: { ...REPORT_PAGE_HEADERS }, body: publicBodyDocument(view) } : json(200, view);
  const etag = `W/"${createHash('sha256').update(answer.body ?? '').digest('base64url').slice(0, 27)}"`;
  const caching = { 'cache-control': `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`, etag, vary: 'accept' };
  if (matches(headers['if-none-match'], etag)) return { statusCode: 304, headers: caching, body: '' };
  return { ...answer, headers: { ...answer.headers, ...caching } };
}

/** A refusal of the public page: a Swedish page for a browser, the contract's error JSON for a program. */
export function publicProblemAnswer(problem: Problem, event: ApiEvent): ApiResult {
  if (negotiate(event.headers?.accept, PUBLIC_TYPES) !== 'text/html') return problemResult(problem);
  return { statusCode: problem.status, headers: { ...REPORT_PAGE_HEADERS, ...problem.headers }, body: publicProblemDocument(problem.status, problem.message) };
}
