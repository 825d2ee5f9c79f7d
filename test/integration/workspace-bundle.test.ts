/**
 * The workspace as deployed: bundled by infra/bundling.ts into ESM chunks, each group of pages
 * loaded with `import()` by its first request, run in a Node process of its own (the other tests
 * run the TypeScript sources, where a chunk that fails to load cannot show).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/bundling';
import { STYLESHEET_FILE_NAME } from '../../shared/views/assets/stylesheet-name';
import { isolatedDependencies } from '../support/isolated';
import { apiGatewayEvent } from '../support/lambda-event';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'workspace-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('every group of the bundled workspace answers its first request, each page linking the stylesheet it serves', async () => {
  const world = await isolatedDependencies();
  await build({ ...esbuildOptions(join(ROOT, 'functions', 'workspace', 'handler.ts'), join(dir, 'index.mjs')), absWorkingDir: ROOT });
  const origin = world.env.PUBLIC_BASE_URL!;
  const signIn = apiGatewayEvent({
    method: 'POST',
    path: '/logga-in',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'admin@kommun.example.se', role: 'admin' }).toString(),
  });
  const pages = ['/', '/arenden', '/registrera', '/importera', '/granska', '/rapporter', '/rapporter/statistik', '/admin/enheter', '/admin/sammantradesplaner', '/admin/roller', '/arenden/finns-inte'];
  const events = {
    signIn,
    anonymous: apiGatewayEvent({ method: 'GET', path: '/arenden' }),
    signInPage: apiGatewayEvent({ method: 'GET', path: '/logga-in' }),
    asset: apiGatewayEvent({ method: 'GET', path: `/assets/${STYLESHEET_FILE_NAME}` }),
    pages: pages.map((path) => apiGatewayEvent({ method: 'GET', path })),
  };
  writeFileSync(join(dir, 'events.json'), JSON.stringify(events));
  const runner = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)});
    const events = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(join(dir, 'events.json'))}, 'utf8'));
    const summary = (r) => ({ status: r.statusCode, location: r.headers?.location, css: /\\/assets\\/arbetsyta\\.[0-9a-f]{16}\\.css/.exec(String(r.body))?.[0] ?? null, type: r.headers?.['content-type'], bytes: String(r.body ?? '').length, links: String(r.body ?? '').match(/<link[^>]*>/g), style: String(r.body ?? '').includes('<style'), head: r.statusCode >= 500 ? String(r.body).slice(0, 400) : undefined });
    const out = {};
    out.anonymous = summary(await handler(events.anonymous, {}));
    out.signInPage = summary(await handler(events.signInPage, {}));
    out.asset = summary(await handler(events.asset, {}));
    const signed = await handler(events.signIn, {});
    out.signIn = summary(signed);
    const cookie = (signed.cookies ?? []).map((c) => c.split(';')[0]).join('; ');
    out.pages = {};
    for (const event of events.pages) { event.headers.cookie = cookie; event.cookies = cookie ? cookie.split('; ') : []; out.pages[event.rawPath] = summary(await handler(event, {})); }
    require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'out.json'))}, JSON.stringify(out));
  `;
  execFileSync(join(ROOT, 'node_modules', 'node', 'bin', 'node'), ['--enable-source-maps', '--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${runner}`], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...world.env, TZ: 'UTC' },
    encoding: 'utf8',
  });
  const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  expect(out.asset).toMatchObject({ status: 200 });
  expect(out.signInPage).toMatchObject({ status: 200, css: `/assets/${STYLESHEET_FILE_NAME}` });
  expect(out.signIn.status).toBe(303);
  expect(out.anonymous.status).toBe(303);
  const { '/rapporter/statistik': printable, '/arenden/finns-inte': missing, ...workspacePages } = out.pages as Record<string, { status: number; css: string | null; style: boolean }>;
  for (const [path, page] of Object.entries(workspacePages)) {
    expect([path, page.status, page.css]).toEqual([path, 200, `/assets/${STYLESHEET_FILE_NAME}`]);
  }
  expect([missing!.status, missing!.css]).toEqual([404, `/assets/${STYLESHEET_FILE_NAME}`]);
  // The statistics as a printable report: a document of its own, its style inline.
  expect([printable!.status, printable!.style]).toEqual([200, true]);
}, 180_000);
