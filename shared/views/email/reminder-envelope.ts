import { toView } from '../../domain/items/view';
import type { StoredItem } from '../../domain/items/item';
import type { ReminderEmail } from '../../application/reminders/job';
import { WORKSPACE_PATHS } from '../paths';
import { needsOf } from './attention';
import { decisionOf, renderReminderEmail, toReminderLine, type RenderedEmail } from './reminder';

/**
 * The daily job's email of one envelope (shared/application/reminders/job.ts): an official's items
 * as anchors on their "Mina ärenden", a manager's on each unit's page, and a registrar's items that
 * need them linked to the clerks' workspace (`publicBaseUrl/arenden/<id>`), where they act on them.
 */
export function renderReminderEnvelope({ envelope, day, page, units }: ReminderEmail, publicBaseUrl: string, linkTtlDays: number): RenderedEmail {
  const { recipient } = envelope;
  const unitLinks = new Map(units.map((unit) => [unit.name, unit.link]));
  const pageOf = (item: StoredItem) => (recipient.role === 'manager' ? unitLinks.get(item.unit) : page);
  const lines = envelope.items.map((item) => ({
    ...toReminderLine(toView(item, day), `${pageOf(item) ?? ''}#uppdrag-${item.id}`),
    unit: item.unit,
    registrar: item.createdBy,
  }));
  const attention = envelope.attention.flatMap(({ item, escalation }) => {
    const needs = needsOf(toView(item, day), escalation);
    const url = `${publicBaseUrl.replace(/\/$/, '')}${WORKSPACE_PATHS.item(item.id)}`;
    return needs.length ? [{ id: item.id, title: item.title, reference: decisionOf(item), needs, url }] : [];
  });
  return renderReminderEmail({
    recipient,
    role: recipient.role,
    ...(recipient.role === 'manager' ? { units } : {}),
    items: lines,
    notices: envelope.notices.filter((n) => !n.itemId),
    attention,
    today: day,
    ...(page ? { link: page } : {}),
    linkTtlDays,
  });
}
