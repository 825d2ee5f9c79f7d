import type { Warning } from '../../domain/items/item';
import type { Flash } from './models';

/**
 * The workspace's words for each warning of a registration (the one place they are written), each
 * after "Ärendet är registrerat, men", keyed by the code the redirect after it carries
 * (`?m=registrerat-forsenat`); Visa tidsfrist says them before the clerk registers (warningText).
 */
const REGISTERED_BUT = {
  'registrerat-utan-chef': 'varken ärendet eller enheten har någon chef, så ingen får besked om det blir försenat. Ange en chef på ärendet eller för enheten.',
  'registrerat-forsenat': 'tidsfristen har redan passerat: det är försenat från start.',
  'registrerat-svarsdag-passerad':
    'sista dagen för svaret hos mottagaren har redan passerat: yttrandet är försenat från start. Be mottagaren om längre svarstid och ändra sista dag hos mottagaren.',
  'registrerat-flaggat': 'sammanträdet som fristen räknas från har redan hållits. Ärendet är flaggat för åtgärd.',
} as const;
type RegisteredWarningCode = keyof typeof REGISTERED_BUT;

/** The redirect's code for each warning code of the domain. */
const REGISTERED: Record<Warning['code'], RegisteredWarningCode> = {
  no_manager: 'registrerat-utan-chef',
  overdue_at_registration: 'registrerat-forsenat',
  outside_deadline_passed: 'registrerat-svarsdag-passerad',
  meeting_already_held: 'registrerat-flaggat',
};

/**
 * What a page says after a POST-redirect-GET. The redirect carries only a code (`?m=registrerat`)
 * and the page looks its text up here, so no text from a request is ever shown back.
 */
const MESSAGES = {
  registrerat: { kind: 'success', text: 'Ärendet är registrerat.' },
  ...(Object.fromEntries(Object.entries(REGISTERED_BUT).map(([code, but]) => [code, { kind: 'warning', text: `Ärendet är registrerat, men ${but}` }])) as Record<RegisteredWarningCode, Flash>),
  andrat: { kind: 'success', text: 'Ändringarna är sparade.' },
  klart: { kind: 'success', text: 'Ärendet är markerat som klart.' },
  avbrutet: { kind: 'success', text: 'Ärendet är avbrutet.' },
  oppnat: { kind: 'success', text: 'Ärendet är öppnat igen och påminnelserna fortsätter.' },
  'ny-ansvarig': { kind: 'success', text: 'Ny ansvarig är sparad. Påminnelserna går till den nya ansvariga från nästa utskick.' },
  beviljat: { kind: 'success', text: 'Förlängningen är beviljad. Handläggaren får besked i nästa mejl.' },
  avslaget: { kind: 'success', text: 'Begäran är avslagen. Handläggaren får besked och skälet i nästa mejl.' },
  // The official's own actions: the words of their email link page.
  'forlangning-begard': { kind: 'success', text: 'Din begäran om förlängning är skickad till registratorn. Du får besked i ett e-postmeddelande.' },
  lagesrapport: { kind: 'success', text: 'Lägesrapporten är sparad.' },
  'inte-mitt': { kind: 'success', text: 'Registratorn har fått veta att ärendet inte är ditt.' },
  'plan-sparad': { kind: 'success', text: 'Sammanträdesplanen är sparad. Tidsfrister som hänger på den är omräknade.' },
  'stangda-dagar-sparade': { kind: 'success', text: 'De stängda dagarna är sparade.' },
  'enhet-sparad': { kind: 'success', text: 'Enhetens chef är sparad.' },
  'roll-sparad': { kind: 'success', text: 'Rollen är sparad.' },
  'offentlig-oppnad': { kind: 'success', text: 'Organets offentliga sida är öppen för alla.' },
  'offentlig-stangd': { kind: 'success', text: 'Organets offentliga sida är stängd. En sparad kopia kan visas i någon minut till i den som redan öppnat den.' },
  stangt: { kind: 'warning', text: 'Ärendet är redan stängt, så inget ändrades.' },
} as const satisfies Record<string, Flash>;

export type FlashCode = keyof typeof MESSAGES;

/**
 * The message for a redirect's code, or none for an unknown one. A registration with more than one warning
 * carries their codes joined by commas (`?m=registrerat-forsenat,registrerat-utan-chef`, see registeredCodes):
 * one warning that lists each.
 */
export function flashFor(code: string | null | undefined): Flash | undefined {
  if (!code) return undefined;
  const parts = code.split(',');
  if (parts.length > 1) {
    if (!parts.every((part): part is RegisteredWarningCode => Object.hasOwn(REGISTERED_BUT, part))) return undefined;
    return { kind: 'warning', text: 'Ärendet är registrerat, men:', points: [...new Set(parts)].map((part) => capitalized(REGISTERED_BUT[part])) };
  }
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code as FlashCode] : undefined;
}

/** The `?m=` of a registration's warnings, in the order given (see flashFor); `registrerat` when there are none. */
export function registeredCodes(warnings: readonly Pick<Warning, 'code'>[]): string {
  return warnings.length ? warnings.map((warning) => REGISTERED[warning.code]).join(',') : 'registrerat';
}

/** A warning as a sentence of its own, in the words the confirmation after registering uses. */
export const warningText = (code: Warning['code']): string => capitalized(REGISTERED_BUT[REGISTERED[code]]);

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
