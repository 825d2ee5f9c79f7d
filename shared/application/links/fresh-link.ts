import type { Clock } from '../../platform/clock';
import { stockholmDate, swedishDate, type CalendarDate } from '../../domain/dates';
import type { Mailer, OutgoingEmail } from '../delivery/email';
import type { LinkScope, LinkSigner } from './signed-link';

/** Fresh links one address may be sent a day: enough for a lost email, too few to flood an inbox. */
export const FRESH_LINKS_PER_DAY = 3;

export interface FreshLinkLimiter {
  /** Counts one more for the address and day; false once `max` is reached. */
  take(email: string, day: CalendarDate, max: number, now: Date): Promise<boolean>;
}

export interface FreshLinkDeps {
  links: LinkSigner;
  limiter: FreshLinkLimiter;
  mailer: Mailer;
  clock: Clock;
  publicBaseUrl: string;
  ttlDays: number;
  /** Addresses that bounced or complained are not mailed. */
  suppressed: (emails: string[]) => Promise<Set<string>>;
  /** The email itself, in Swedish (shared/views/email/fresh-link.ts). */
  compose: (link: { url: string; expires: string; unit: string | undefined }) => Omit<OutgoingEmail, 'to'>;
}

/** The URL of a signed page. */
export const pageUrl = (publicBaseUrl: string, token: string) => `${publicBaseUrl.replace(/\/$/, '')}/p/${token}`;

/**
 * Emails a new link for the same page to the address the expired link was made for: the address
 * on file, never one typed in. Rate-limited per address and day.
 */
export async function sendFreshLink(deps: FreshLinkDeps, scope: LinkScope): Promise<'sent' | 'limited'> {
  const now = deps.clock();
  if (!(await deps.limiter.take(scope.email, stockholmDate(now), FRESH_LINKS_PER_DAY, now))) return 'limited';
  if ((await deps.suppressed([scope.email])).has(scope.email)) return 'sent';
  const url = pageUrl(deps.publicBaseUrl, await deps.links.sign(scope));
  const expires = swedishDate(stockholmDate(new Date(now.getTime() + deps.ttlDays * 86_400_000)));
  await deps.mailer.send({ to: scope.email, ...deps.compose({ url, expires, unit: scope.kind === 'unit' ? scope.unit : undefined }) });
  return 'sent';
}
