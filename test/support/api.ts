import { inject } from 'vitest';
import type { Role } from '../../shared/domain/caller';
import { signLocalToken } from '../../local/tokens';

export const apiUrl = () => inject('apiUrl');

export interface Who {
  email: string;
  roles?: Role[];
  unit?: string;
}

export const registrar: Who = { email: 'registrator@kommun.example.se', roles: ['registrar'] };
export const admin: Who = { email: 'admin@kommun.example.se', roles: ['admin'] };

export function tokenFor(who: Who, options?: Parameters<typeof signLocalToken>[2]): Promise<string> {
  return signLocalToken({ email: who.email, roles: who.roles ?? [], ...(who.unit ? { unit: who.unit } : {}) }, inject('jwtSecret'), options);
}

export interface CallOptions {
  as?: Who;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One HTTP call to the local API, as a clerk's script would make it. */
export async function call(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token ?? (options.as ? await tokenFor(options.as) : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${apiUrl()}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  // Buffer keeps a byte-order mark that response.text() would strip.
  const text = Buffer.from(await response.arrayBuffer()).toString("utf8");
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

let counter = 0;
/** A unit name no other test uses, so list assertions see only their own items. */
export const uniqueUnit = (name = 'Enhet') => `${name} ${process.pid}-${Date.now()}-${++counter}`;

/**
 * A valid create body: an uppdrag due on a plain date. It is registered even when another test
 * left an open item just like it (`confirmDuplicate`); the duplicate check has tests of its own.
 */
export function itemBody(overrides: Record<string, unknown> = {}) {
  return {
    confirmDuplicate: true,
    kind: 'uppdrag',
    title: 'Ta fram riktlinjer för skolskjuts',
    caseNumber: 'BUN 2026/44',
    decision: { body: 'BUN', date: '2026-05-20', paragraph: '§ 44' },
    responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
    unit: 'Utbildningsförvaltningen',
    manager: { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' },
    due: { date: '2026-06-30' },
    ...overrides,
  };
}
