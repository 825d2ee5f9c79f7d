import type { ReminderStore } from './ports';
import type { Suppression } from './ses-events';

/**
 * An address bounced or complained: stop mailing it, and tell the registrar of each open item
 * it is responsible for, in their next email, so no reminder silently disappears.
 */
export async function applySuppression(store: ReminderStore, suppression: Suppression, at: string): Promise<{ notified: string[] }> {
  await store.suppress(suppression.email, `${suppression.reason}: ${suppression.detail}`, at);
  const items = await store.openItemsOf(suppression.email);
  const byRegistrar = new Map<string, string[]>();
  for (const item of items) {
    const lines = byRegistrar.get(item.createdBy) ?? [];
    // An item may have no case number yet: show what is known.
    lines.push(item.caseNumber ? `${item.title} (${item.caseNumber})` : item.title);
    byRegistrar.set(item.createdBy, lines);
  }
  for (const [registrar, titles] of byRegistrar) {
    await store.addNotice(
      registrar,
      `Påminnelser till ${suppression.email} kommer inte fram (${suppression.detail}) och har stoppats. Byt ansvarig eller rätta adressen för: ${titles.join('; ')}.`,
      at,
    );
  }
  return { notified: [...byRegistrar.keys()] };
}
