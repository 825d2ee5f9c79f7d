/** HEAD answers wherever GET does (RFC 9110 9.3.2), with GET's status and headers and no body. */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/http/routes';
import { routeKey } from '../../shared/http/contract';
import { admin, call } from '../support/api';

const concrete = (path: string) =>
  path.replace('{id}', 'finns-inte').replace('{body}', 'KS').replace('{year}', '2026').replace('{unit}', 'Kultur').replace('{role}', 'kommundirektör').replace('{token}', 'ogiltig').replace('{file}', 'ogiltig.ics');

describe('HEAD', () => {
  it.each(ROUTES.filter((r) => r.method === 'GET').map((r) => [routeKey(r), r] as const))('%s: HEAD answers as GET does, without the body', async (_, route) => {
    const path = concrete(route.path);
    const get = await call('GET', path, { as: admin });
    const head = await call('HEAD', path, { as: admin });

    expect(head.status).toBe(get.status);
    expect(head.status).not.toBe(405);
    expect(head.text).toBe('');
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
  });
});
