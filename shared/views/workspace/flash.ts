import type { Flash } from './models';

/**
 * What a page says after a POST-redirect-GET. The redirect carries only a code (`?m=registrerat`)
 * and the page looks its text up here, so no text from a request is ever shown back.
 */
const MESSAGES = {
  registrerat: { kind: 'success', text: 'Ärendet är registrerat.' },
  'registrerat-utan-chef': {
    kind: 'warning',
    text: 'Ärendet är registrerat, men varken ärendet eller enheten har någon chef, så ingen får besked om det blir försenat. Ange en chef på ärendet eller för enheten.',
  },
  'registrerat-forsenat': { kind: 'warning', text: 'Ärendet är registrerat, men tidsfristen har redan passerat: det är försenat från start.' },
  'registrerat-svarsdag-passerad': {
    kind: 'warning',
    text: 'Ärendet är registrerat, men sista dagen för svaret hos mottagaren har redan passerat: yttrandet är försenat från start. Be mottagaren om längre svarstid och ändra sista dag hos mottagaren.',
  },
  'registrerat-flaggat': { kind: 'warning', text: 'Ärendet är registrerat, men sammanträdet som fristen räknas från har redan hållits. Ärendet är flaggat för åtgärd.' },
  andrat: { kind: 'success', text: 'Ändringarna är sparade.' },
  klart: { kind: 'success', text: 'Ärendet är markerat som klart.' },
  avbrutet: { kind: 'success', text: 'Ärendet är avbrutet.' },
  oppnat: { kind: 'success', text: 'Ärendet är öppnat igen och påminnelserna fortsätter.' },
  'ny-ansvarig': { kind: 'success', text: 'Ny ansvarig är sparad. Påminnelserna går till den nya ansvariga från nästa utskick.' },
  beviljat: { kind: 'success', text: 'Förlängningen är beviljad. Handläggaren får besked i nästa mejl.' },
  avslaget: { kind: 'success', text: 'Begäran är avslagen. Handläggaren får besked och skälet i nästa mejl.' },
  'plan-sparad': { kind: 'success', text: 'Sammanträdesplanen är sparad. Tidsfrister som hänger på den är omräknade.' },
  'stangda-dagar-sparade': { kind: 'success', text: 'De stängda dagarna är sparade.' },
  'enhet-sparad': { kind: 'success', text: 'Enhetens chef är sparad.' },
  'roll-sparad': { kind: 'success', text: 'Rollen är sparad.' },
  'offentlig-oppnad': { kind: 'success', text: 'Organets offentliga sida är öppen för alla.' },
  'offentlig-stangd': { kind: 'success', text: 'Organets offentliga sida är stängd. En sparad kopia kan visas i någon minut till i den som redan öppnat den.' },
  stangt: { kind: 'warning', text: 'Ärendet är redan stängt, så inget ändrades.' },
} as const satisfies Record<string, Flash>;

export type FlashCode = keyof typeof MESSAGES;

/** The message for a redirect's code, or none for an unknown one. */
export function flashFor(code: string | null | undefined): Flash | undefined {
  return code && Object.hasOwn(MESSAGES, code) ? MESSAGES[code as FlashCode] : undefined;
}
