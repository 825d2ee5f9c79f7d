import { swedishDate } from '../../domain/dates';
import { LIMITS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import type { EscalationProblem } from '../../application/reminders/job';
import { oneLine } from '../../domain/text';


/** One item in the registrar's section "Behöver din åtgärd": what it is, why it is there, and where to act. */
export interface AttentionLine {
  id: string;
  title: string;
  /** The decision or remiss as clerks cite it (`decisionOf`); empty when nothing is known. */
  reference: string;
  /** What the registrar is asked to look at, each a sentence of plain Swedish. */
  needs: string[];
  /** The item in the clerks' workspace. */
  url: string;
}

/** What each flag on an item asks of a clerk. (`meeting_already_held` is set at registration.) */
const FLAGS: Record<string, string> = {
  no_meeting_in_time:
    'Inget sammanträde hinner längre besluta i ärendet sedan sammanträdesplanen ändrades. Tidsfristen står kvar som den var: välj ett annat sammanträde eller ändra tidsfristen.',
  meeting_already_held: 'Sammanträdet som tidsfristen räknas från har redan hållits. Välj ett kommande sammanträde eller ändra tidsfristen.',
};

/** The longest reason or note quoted; the item shows all of it. */
const MAX_QUOTE = 500;

const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagar'}`;

/** Whether the writer already ended the text as a sentence. */
const ended = (text: string) => /[.!?…]$/.test(text);
/** A sentence ends in a full stop unless the writer already ended it. */
const sentence = (text: string) => (ended(text) ? text : `${text}.`);

/** "Kim Berg (kim.berg@kommun.example.se)" when the official asks about their own item, else the address. */
function asker(view: ItemView, email: string): string {
  return email === view.responsible.email ? `${oneLine(view.responsible.name, LIMITS.name)} (${email})` : email;
}

/**
 * What an item needs from a clerk now, in plain Swedish: a flag (no meeting in time), a pending
 * request for a later deadline or for another official, and an escalation that reached no manager.
 * Built from the item as it is when the email goes out, so a request already answered is not asked
 * about again. Empty when the item needs nothing.
 */
export function needsOf(view: ItemView, escalation?: EscalationProblem): string[] {
  const needs: string[] = [];
  const flag = view.attention && FLAGS[view.attention];
  if (flag) needs.push(flag);
  const request = view.extensionRequest;
  if (request) {
    const reason = sentence(oneLine(request.reason, MAX_QUOTE));
    needs.push(
      `${asker(view, request.by)} begär förlängning till ${swedishDate(request.date)}; tidsfristen är nu ${swedishDate(view.dueDate)}. Skäl: ${reason} Bevilja begäran genom att ändra tidsfristen, eller avslå den.`,
    );
  }
  const reassign = view.reassignRequest;
  if (reassign) {
    const note = reassign.note ? oneLine(reassign.note, MAX_QUOTE) : '';
    // A quote that ends a sentence ends it: ”Borde ligga på parkenheten.” takes no second full stop.
    needs.push(`${asker(view, reassign.by)} säger att ärendet inte är hens${note ? `: ”${note}”` : ''}${note && ended(note) ? '' : '.'} Byt ansvarig på ärendet.`);
  }
  if (escalation) {
    const late = `Ärendet är ${days(-view.daysLeft)} försenat och skulle ha gått till chefen`;
    needs.push(
      escalation.kind === 'no_manager'
        ? `${late}, men varken ärendet eller enhetsregistret anger någon chef för ${oneLine(view.unit, LIMITS.unit)}. Ange en chef på ärendet, eller be en administratör lägga in enhetens chef.`
        : `${late}, ${oneLine(escalation.manager.name, LIMITS.name)}, men mejl till ${escalation.manager.email} kommer inte fram. Rätta chefens adress på ärendet eller i enhetsregistret.`,
    );
  }
  return needs;
}
