import type { StoredItem } from './item';

/** What a reference can be built from: the decision and case number, and for a yttrande on arrival its remiss and sender. */
export type ReferenceSource = Pick<StoredItem, 'decision' | 'caseNumber'> & Partial<Pick<StoredItem, 'remiss' | 'due'>>;

/** "§ 58" from "§ 58", "§58" or "58"; anything else ("p. 3") as written. */
export function paragraphReference(paragraph: string): string {
  const text = paragraph.trim();
  if (/^§/.test(text)) return text.replace(/^(§+)\s*/, '$1 ');
  return /^\d/.test(text) ? `§ ${text}` : text;
}

/**
 * Where an item comes from, as clerks cite it, with what is known and nothing invented:
 * "KS 2026-03-11 § 58, KS 2026/141"; "KS 2028-04-03" (no § yet, no case number); for a yttrande
 * registered when the remiss arrived, "Remiss från Region Skåne, inkom 2027-07-19, Dnr 2027-1234"
 * (the sender is `due.recipient`). Undefined when nothing at all is known. Plain text: the caller
 * escapes it for HTML or a header.
 */
export function decisionReference(item: ReferenceSource): string | undefined {
  const parts: string[] = [];
  if (item.decision) {
    const { body, date, paragraph } = item.decision;
    parts.push([body, date, paragraph ? paragraphReference(paragraph) : undefined].filter(Boolean).join(' '));
  } else {
    const sender = item.due && 'recipient' in item.due ? item.due.recipient : undefined;
    if (sender || item.remiss) parts.push(sender ? `Remiss från ${sender}` : 'Remiss');
    if (item.remiss?.received) parts.push(`inkom ${item.remiss.received}`);
    if (item.remiss?.reference) parts.push(item.remiss.reference);
  }
  if (item.caseNumber) parts.push(item.caseNumber);
  return parts.length ? parts.join(', ') : undefined;
}

/** An item in a sentence to a person: its title in quotes and, where anything is known, where it comes from. */
export function itemReference(item: ReferenceSource & Pick<StoredItem, 'title'>): string {
  const reference = decisionReference(item);
  return reference ? `"${item.title}" (${reference})` : `"${item.title}"`;
}
