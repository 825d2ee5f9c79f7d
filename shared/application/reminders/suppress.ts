import type { ItemRepository } from '../items/ports';
import { listAll } from '../items/list-all';
import type { Notices, Suppressions } from '../delivery/ports';
import type { Suppression } from './ses-events';

export interface SuppressionDeps {
  suppressions: Pick<Suppressions, 'suppress'>;
  items: Pick<ItemRepository, 'list'>;
  notices: Pick<Notices, 'addNotice'>;
}

/**
 * An address bounced or complained: stop mailing it, and tell the registrar of each open item
 * it is responsible for, in their next email, so no reminder silently disappears. `at` an ISO instant.
 */
export async function applySuppression(deps: SuppressionDeps, suppression: Suppression, at: string): Promise<{ notified: string[] }> {
  await deps.suppressions.suppress(suppression.email, `${suppression.reason}: ${suppression.detail}`, at);
  const items = await listAll(deps.items, { responsible: suppression.email, statuses: ['open'] });
  const byRegistrar = new Map<string, string[]>();
  for (const item of items) {
    const lines = byRegistrar.get(item.createdBy) ?? [];
    // An item may have no case number yet: show what is known.
    lines.push(item.caseNumber ? `${item.title} (${item.caseNumber})` : item.title);
    byRegistrar.set(item.createdBy, lines);
  }
  for (const [registrar, titles] of byRegistrar) {
    await deps.notices.addNotice(
      registrar,
      `Påminnelser till ${suppression.email} kommer inte fram (${suppression.detail}) och har stoppats. Byt ansvarig eller rätta adressen för: ${titles.join('; ')}.`,
      at,
    );
  }
  return { notified: [...byRegistrar.keys()] };
}
