import type { Role } from '../../shared/domain/caller';
import { csrfToken } from '../../shared/http/csrf';
import { sessionKeyFrom, startSession, type SessionSettings } from '../../shared/http/session';
import type { Clock } from '../../shared/platform/clock';
import { DEV_SESSION_SECRET } from '../../shared/platform/config';
import type { Who } from './api';

/** The workspace's session settings on a server with the documented local session secret. */
export const localSessionSettings = (publicBaseUrl: string): SessionSettings => ({ key: sessionKeyFrom(DEV_SESSION_SECRET), publicBaseUrl });

/** A signed-in person as a browser holds them: the `Cookie` header to send and the form token the pages carry. */
export interface Browserish {
  cookie: string;
  csrf: string;
}

/** A session for `who`, sealed as the workspace seals it (as if they had signed in), at the clock's instant. */
export async function sessionFor(settings: SessionSettings, clock: Clock, who: Who): Promise<Browserish> {
  const { session, setCookie } = await startSession(settings, clock, { who: who.email, roles: new Set<Role>(who.roles ?? []), ...(who.unit ? { unit: who.unit } : {}) });
  return { cookie: setCookie.split(';')[0]!, csrf: csrfToken(settings, session.id) };
}

export interface PageAnswer {
  status: number;
  location: string | null;
  setCookies: string[];
  headers: Headers;
  text: string;
}

/** A GET as the browser sends it, without following a redirect. */
export async function open(url: string, path: string, as?: Pick<Browserish, 'cookie'>, headers: Record<string, string> = {}): Promise<PageAnswer> {
  const response = await fetch(`${url}${path}`, { redirect: 'manual', headers: { ...(as ? { cookie: as.cookie } : {}), ...headers } });
  return { status: response.status, location: response.headers.get('location'), setCookies: response.headers.getSetCookie(), headers: response.headers, text: await response.text() };
}

/** A form posted as the browser posts it from the workspace's own page: same-origin, with the form token unless `fields` says otherwise. */
export async function submit(url: string, path: string, fields: Record<string, string>, as?: Partial<Browserish>, headers: Record<string, string> = {}): Promise<PageAnswer> {
  const body = new URLSearchParams({ ...(as?.csrf ? { csrf: as.csrf } : {}), ...fields }).toString();
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', origin: 'null', ...(as?.cookie ? { cookie: as.cookie } : {}), ...headers },
    body,
  });
  return { status: response.status, location: response.headers.get('location'), setCookies: response.headers.getSetCookie(), headers: response.headers, text: await response.text() };
}

/** A hidden field's value on a page (the first form that has it). */
export function hiddenField(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replaceAll('&amp;', '&').replaceAll('&quot;', '"');
}

/** A page's text without its markup, spaces squeezed: what a person reads (a `<wbr>` line-break opportunity parts no words). */
export const pageText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<wbr\s*\/?>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replace(/\s+/g, ' ')
    .trim();

/** A file form posted as the browser posts it (multipart/form-data), from the workspace's own page. */
export async function upload(
  url: string,
  path: string,
  fields: Record<string, string>,
  files: Record<string, { name: string; type: string; bytes: Uint8Array }>,
  as: Browserish,
): Promise<PageAnswer> {
  const form = new FormData();
  form.set('csrf', as.csrf);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const [name, file] of Object.entries(files)) form.set(name, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const response = await fetch(`${url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: as.cookie, 'sec-fetch-site': 'same-origin' }, body: form });
  return { status: response.status, location: response.headers.get('location'), setCookies: response.headers.getSetCookie(), headers: response.headers, text: await response.text() };
}

const decode = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1]!, decode(m[2] ?? '')]));

/**
 * The fields a form on a page would send as it stands, as a browser builds them (HTML's "constructing
 * the entry list"): text inputs and hidden ones, checked boxes and radios, selected options,
 * textareas; the form is the one posting to `action` (the first, or the one with `enctype` left out).
 * A field belongs to the form it stands in, or, wherever it stands, to the form its `form` attribute names.
 */
export function formFields(html: string, action: string): [string, string][] {
  const forms = [...html.matchAll(/<form ([^>]*)>([\s\S]*?)<\/form>/g)].filter((m) => attributes(`<form ${m[1]}`).action === action && !/enctype=/.test(m[1]!));
  const form = forms[0];
  if (form === undefined) throw new Error(`no form posting to ${action}`);
  const { id } = attributes(`<form ${form[1]}`);
  const within = (at: number) => at > form.index && at < form.index + form[0].length;
  const fields: [string, string][] = [];
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>([\s\S]*?<\/\1>)?/g)) {
    const [, tag, rest, inner] = m;
    const a = attributes(`<${tag}${rest}`);
    if (a.form === undefined ? !within(m.index) : a.form !== id) continue;
    if (!a.name || 'disabled' in a) continue;
    if (tag === 'input') {
      if (a.type === 'file' || a.type === 'submit') continue;
      if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
      fields.push([a.name, a.value ?? (a.type === 'checkbox' || a.type === 'radio' ? 'on' : '')]);
    } else if (tag === 'textarea') {
      fields.push([a.name, decode((inner ?? '').replace(/<\/textarea>$/, '')).replace(/^\n/, '')]);
    } else {
      const options = [...(inner ?? '').matchAll(/<option([^>]*)>/g)].map((o) => attributes(`<option${o[1]}`));
      const chosen = options.find((o) => 'selected' in o) ?? options[0];
      if (chosen) fields.push([a.name, chosen.value ?? '']);
    }
  }
  return fields;
}

/** A form posted as it stands with these changes (a field set to a value, or removed with `undefined`), and the button's name and value. */
export function changedFields(fields: [string, string][], changes: Record<string, string | undefined>): Record<string, string> {
  const result = Object.fromEntries(fields);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}
