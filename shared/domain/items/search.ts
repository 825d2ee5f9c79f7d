import { cleanText } from '../text';

/**
 * The search of the item list ("Sök i rubrik och diarienummer", `GET /uppdrag?q=`): every word of
 * the search must occur in the item's title or case number, in any case and with any spacing
 * ("skolskjuts bun" finds "Riktlinjer för skolskjuts", BUN 2026/44; "2026/44" finds it too).
 */

/** Text as the search compares it: composed (å as one character), lower case the Swedish way, spaces squeezed. */
const normalize = (text: string) => cleanText(text).normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/** The words of a search, normalized; none for a search of only spaces. */
export function searchWords(search: string): string[] {
  return normalize(search).split(' ').filter((word) => word !== '');
}

/** Whether an item (as stored, or a record read from the table) holds every word in its title or case number. */
export function matchesSearch(item: { title?: unknown; caseNumber?: unknown }, words: readonly string[]): boolean {
  const text = normalize([item.title, item.caseNumber].filter((value): value is string => typeof value === 'string').join(' '));
  return words.every((word) => text.includes(word));
}
