import { requireAdmin, type Caller } from '../../domain/caller';
import { addDays, stockholmDate } from '../../domain/dates';
import { notFound } from '../../domain/errors';
import { publicBodyView, RECENTLY_CLOSED_DAYS, type PublicBodySettings, type PublicBodyView } from '../../domain/reports/public';
import type { Clock } from '../../platform/clock';
import type { ItemRepository } from '../items/ports';

/** A body's public page as an admin set it: whether it is open, whether it names officials, who set it and when. */
export interface PublicBodySetting {
  body: string;
  public: boolean;
  showNames: boolean;
  /** The admin's address and the ISO instant of the change. */
  updatedBy: string;
  updatedAt: string;
}

/** Which bodies' follow-up is published (`GET /offentlig/{body}`): one small record a body. */
export interface PublicBodies {
  /** The setting now (a strongly consistent read: a page closed is closed at once). */
  get(body: string): Promise<PublicBodySetting | undefined>;
  put(setting: PublicBodySetting): Promise<void>;
  /** Every body with a setting, open or closed (one Query of the small partition, consistent: a change shows at once). */
  list(): Promise<PublicBodySetting[]>;
}

/**
 * `PUT /public-bodies/{body}` (admin): opens or closes a body's public page and chooses whether it
 * names the responsible officials (`showNames`, false when left out), recording who and when.
 */
export async function setPublicBody(
  deps: { publicBodies: PublicBodies; clock: Clock },
  caller: Caller,
  body: string,
  settings: PublicBodySettings,
): Promise<PublicBodySetting> {
  requireAdmin(caller);
  const saved: PublicBodySetting = { body, public: settings.public, showNames: settings.showNames ?? false, updatedBy: caller.who, updatedAt: deps.clock().toISOString() };
  await deps.publicBodies.put(saved);
  return saved;
}

/**
 * Every body whose public page an admin has set, open or closed, by name (admin: the workspace's
 * Offentliga sidor). A body never set is not there: its page is closed.
 */
export async function listPublicBodies(deps: { publicBodies: Pick<PublicBodies, 'list'> }, caller: Caller): Promise<PublicBodySetting[]> {
  requireAdmin(caller);
  return (await deps.publicBodies.list()).sort((a, b) => a.body.localeCompare(b.body, 'sv'));
}

/**
 * `GET /offentlig/{body}` (no token): the public view of the body's open items and those closed in
 * the last RECENTLY_CLOSED_DAYS days, on today's Stockholm date (publicBodyView). A body an admin
 * has not opened, or has closed again, is `not_found`, the same answer as for a body that does
 * not exist. Reads the setting, then the body's two partitions of `byDecisionBody`.
 */
export async function publicBodyPage(deps: { items: Pick<ItemRepository, 'ofDecisionBody'>; publicBodies: PublicBodies; clock: Clock }, body: string): Promise<PublicBodyView> {
  const setting = await deps.publicBodies.get(body);
  const today = stockholmDate(deps.clock());
  const view = setting?.public ? publicBodyView(body, await deps.items.ofDecisionBody(body, addDays(today, -RECENTLY_CLOSED_DAYS)), setting, today) : null;
  if (!view) throw notFound(`Det finns ingen offentlig uppföljning av ${body}:s beslut.`);
  return view;
}
