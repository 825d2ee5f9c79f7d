/** Swedish municipal vocabulary: bodies and their short names, roles, and damaged words. */
import { fold } from './fold';
import { runSteps, Work, type Steps } from './work';

/** Committees whose usual short name is not the initials of their name. */
const BODY_CODES: Record<string, string> = {
  kommunfullmaktige: 'KF',
  kommunstyrelse: 'KS',
  'kommunstyrelsens arbetsutskott': 'KSAU',
  regionfullmaktige: 'RF',
  regionstyrelse: 'RS',
  'regionstyrelsens arbetsutskott': 'RSAU',
  landstingsfullmaktige: 'LF',
  landstingsstyrelse: 'LS',
  'landstingsstyrelsens arbetsutskott': 'LSAU',
  samhallsbyggnadsnamnd: 'SBN',
  overformyndarnamnd: 'ÖFN',
  'miljo- och samhallsbyggnadsnamnd': 'MSN',
};

const GENERIC_BODY = /^(?:namnd|styrelse)$/;

/**
 * The kind of organisation a text is from, whose council and board the bare words "fullmäktige"
 * and "styrelsen" mean (a region was a landsting before 2019). Not the deployment's `COUNCIL`
 * (shared/domain/council.ts): a text may be a neighbour's.
 */
export type Organisation = 'kommun' | 'region' | 'landsting';
const COUNCIL_CODES: Record<Organisation, { fullmaktige: string; styrelse: string }> = {
  kommun: { fullmaktige: 'KF', styrelse: 'KS' },
  region: { fullmaktige: 'RF', styrelse: 'RS' },
  landsting: { fullmaktige: 'LF', styrelse: 'LS' },
};
/** The councils motions are raised at (KF, RF, LF) and the boards under them (KS, RS, LS). */
export const COUNCIL_BODIES = new Set(Object.values(COUNCIL_CODES).map((c) => c.fullmaktige));
export const BOARD_BODIES = new Set(Object.values(COUNCIL_CODES).map((c) => c.styrelse));

/** The board under an organisation's council: KS, RS, LS. */
export const boardOf = (organisation: Organisation): string => COUNCIL_CODES[organisation].styrelse;

/** Whose a council, a board or the board's arbetsutskott is ("RF", "RS", "RSAU" → region); undefined for any other body. */
export function organisationOf(code: string | undefined): Organisation | undefined {
  const entry = Object.entries(COUNCIL_CODES).find(([, c]) => code === c.fullmaktige || code === c.styrelse || code === `${c.styrelse}AU`);
  return entry?.[0] as Organisation | undefined;
}
const GENERIC_COMMITTEE = /^(?:arbetsutskott|utskott)$/;

/** The body phrase without genitive or definite ending: "kommunstyrelsens" → "kommunstyrelse". */
function bodyBase(phrase: string): string {
  return fold(phrase)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/s$/, '')
    .replace(/(namnd|styrelse|utskott|fullmaktige)(?:en|n|et)?(?= arbetsutskott|$)/, '$1')
    .replace(/arbetsutskott(?:et|ets)?$/, 'arbetsutskott');
}

/**
 * The short name of a body as written in the text ("socialnämnden" → "SN", "barn- och
 * utbildningsnämnden" → "BUN"); "nämnden" and "arbetsutskottet" mean the deciding body.
 */
export function bodyCode(phrase: string, decider?: string, organisation: Organisation = 'kommun'): string | undefined {
  const written = phrase.trim();
  if (/^[A-ZÅÄÖ]{1,6}(?:-?AU)?$/.test(written)) return written.replace('-AU', 'AU');
  const short = /^(?:kf|ks|ksau|rf|rs|rsau|lf|ls)$/.exec(fold(written));
  if (short) return short[0].toUpperCase();
  const base = bodyBase(written);
  // In a region's text "fullmäktige" is RF and "styrelsen" RS (regionfullmäktige, regionstyrelsen).
  if (base === 'fullmaktige') return COUNCIL_CODES[organisation].fullmaktige;
  if (base === 'styrelse' && organisation !== 'kommun') return COUNCIL_CODES[organisation].styrelse;
  if (GENERIC_BODY.test(base)) return decider;
  if (GENERIC_COMMITTEE.test(base)) return decider ? (decider.endsWith('AU') ? decider : `${decider}AU`) : undefined;
  const known = BODY_CODES[base];
  if (known) return known;
  const committee = /^(.*?) arbetsutskott$/.exec(base);
  if (committee) {
    const parent = bodyCode(committee[1] ?? '', decider);
    return parent ? `${parent}AU` : undefined;
  }
  if (!/namnd$/.test(base)) return undefined;
  // Initials of the parts, as written: "vård- och omsorgsnämnd" → V, O, N; "äldrenämnd" → Ä, N (fold keeps offsets).
  const shown = written.replace(/\s+/g, ' ');
  const stem = base.replace(/namnd$/, '');
  const initials = [...stem.matchAll(/(?<!\p{L})\p{L}/gu)].filter((m) => !/^(?:och|eller)\b/.test(stem.slice(m.index)));
  const code = `${initials.map((m) => (shown[m.index] ?? m[0]).toUpperCase()).join('')}N`;
  return code.length >= 2 ? code : undefined;
}

/** The long name of a body for a responsible role: "KS" → "kommunstyrelsen". */
export const BODY_NAMES: Record<string, string> = {
  KF: 'kommunfullmäktige',
  KS: 'kommunstyrelsen',
  KSAU: 'kommunstyrelsens arbetsutskott',
  RF: 'regionfullmäktige',
  RS: 'regionstyrelsen',
  RSAU: 'regionstyrelsens arbetsutskott',
  LF: 'landstingsfullmäktige',
  LS: 'landstingsstyrelsen',
};

/**
 * A role's directory key: lower case, the head word in its base form, so "Kommunchefen" and
 * "kommunchef" are one role, "kommundirektören" is "kommundirektör", "socialnämnden" is
 * "socialnämnd"; a genitive in front stays ("kommunstyrelsens ordförande").
 */
export function normalizeRole(role: string): string {
  const words = role.trim().toLowerCase().replace(/\s+/g, ' ').split(' ');
  const head = words.pop() ?? '';
  return [...words, baseForm(head)].join(' ');
}

function baseForm(word: string): string {
  if (word.length < 4) return word;
  if (word.endsWith('presidiet')) return `${word.slice(0, -2)}um`;
  if (/(?:are|ande|else|ige)n$/.test(word)) return word.slice(0, -1);
  if (/(?:or|er)n$/.test(word)) return word.slice(0, -1);
  if (/[öo]ren$/.test(word)) return word.slice(0, -2);
  if (/[^e]en$/.test(word) || /[^i]et$/.test(word)) return word.slice(0, -2);
  if (/iet$/.test(word)) return word.slice(0, -2);
  return word;
}

/** Word parts whose å/ä/ö are always the same: safe to restore inside any word. */
const FRAGMENTS: [string, string][] = [
  ['forsorjning', 'försörjning'], ['forebygg', 'förebygg'], ['forvaltning', 'förvaltning'], ['namnd', 'nämnd'],
  ['aterrapport', 'återrapport'], ['aterkomm', 'återkomm'], ['atgard', 'åtgärd'], ['sakerhet', 'säkerhet'],
  ['overenskomm', 'överenskomm'], ['oversikt', 'översikt'], ['oversyn', 'översyn'], ['lansstyrelse', 'länsstyrelse'],
  ['direktor', 'direktör'], ['ordforande', 'ordförande'], ['forslag', 'förslag'], ['forskol', 'förskol'],
  ['aldreomsorg', 'äldreomsorg'], ['tillganglig', 'tillgänglig'], ['mojlighet', 'möjlighet'], ['miljo', 'miljö'],
  ['hallbar', 'hållbar'], ['raddning', 'räddning'], ['sarbarhet', 'sårbarhet'], ['paborja', 'påbörja'],
  ['sammantrade', 'sammanträde'], ['tjansteskrivelse', 'tjänsteskrivelse'], ['arende', 'ärende'], ['vrakning', 'vräkning'],
  ['malomrade', 'målområde'], ['samhallsbygg', 'samhällsbygg'], ['vattenforsorj', 'vattenförsörj'], ['utovare', 'utövare'],
  ['genomfor', 'genomför'], ['kartlagg', 'kartlägg'], ['overgrepp', 'övergrepp'], ['halsa', 'hälsa'], ['sjalvmord', 'självmord'],
  ['hojd', 'höjd'], ['bostadsforsorjning', 'bostadsförsörjning'], ['fullmaktige', 'fullmäktige'], ['oppettider', 'öppettider'],
  ['aldre', 'äldre'], ['losning', 'lösning'], ['behov', 'behov'], ['varnplikt', 'värnplikt'], ['atervinning', 'återvinning'],
  ['overgang', 'övergång'], ['lakemedel', 'läkemedel'], ['hemtjanst', 'hemtjänst'], ['vardnad', 'vårdnad'], ['trafiksakerhet', 'trafiksäkerhet'],
];

/** Whole words that only a damaged text writes without their å/ä/ö. */
const WORDS: Record<string, string> = {
  for: 'för', pa: 'på', dar: 'där', darfor: 'därför', aven: 'även', ocksa: 'också', tva: 'två', nara: 'nära',
  fran: 'från', nar: 'när', over: 'över', ater: 'åter', atgarder: 'åtgärder', stod: 'stöd', mal: 'mål',
  arliga: 'årliga', arlig: 'årlig', hojd: 'höjd', behovs: 'behövs', galler: 'gäller', oka: 'öka', okad: 'ökad',
};

const PHRASES: [RegExp, string][] = [
  [/\bmans vald\b/g, 'mäns våld'],
  [/\bvald (?=i nara|i nära|mot)/g, 'våld '],
  [/\bmot vald\b/g, 'mot våld'],
  [/\b(\p{Lu}\p{Ll}+s) lan\b/gu, '$1 län'],
];

/**
 * Put back å/ä/ö that the PDF lost, in text shown to people (titles, roles, recipients):
 * words the same document spells correctly elsewhere, then safe word parts, then common words
 * (only in a document that has lost its diacritics, since "for" and "vald" are words too).
 */
export function restoreDiacritics(text: string, lexicon: Lexicon): string {
  let out = text.replace(/\p{L}+/gu, (word) => {
    if (/[åäöÅÄÖ]/.test(word)) return word;
    const folded = fold(word);
    const fromDocument = lexicon.words.get(folded);
    if (fromDocument) return matchCase(word, fromDocument);
    if (lexicon.damaged && WORDS[folded]) return matchCase(word, WORDS[folded]);
    let restored = folded;
    for (const [plain, right] of FRAGMENTS) restored = restored.replaceAll(plain, right);
    return restored === folded ? word : matchCase(word, restored);
  });
  if (lexicon.damaged) for (const [pattern, right] of PHRASES) out = out.replace(pattern, right);
  return out;
}

function matchCase(written: string, right: string): string {
  if (written === written.toUpperCase() && written.length > 1) return right.toUpperCase();
  const first = written[0] ?? '';
  return first === first.toUpperCase() ? (right[0] ?? '').toUpperCase() + right.slice(1) : right;
}

export interface Lexicon {
  /** Folded word → the document's own spelling with å/ä/ö, where unambiguous. */
  words: Map<string, string>;
  /** The document has lost its diacritics in places. */
  damaged: boolean;
  /**
   * Words the document capitalises where no sentence begins ("enligt Statskontorets rapport",
   * "med Tensta Träff"): names, which keep their capital inside a title (see inSentence).
   */
  names: Set<string>;
}

/** Words read between two steps (see Steps). */
const WORDS_PER_STEP = 2_000;
/** The bookkeeping of a word learnt: its folding and the damaged-word checks. */
const WORD_UNITS = 100;

/** Learn the document's own spellings; decide whether it lost its å/ä/ö. */
export function documentLexicon(text: string): Lexicon {
  return runSteps(learningLexicon(text, new Work()));
}

/** documentLexicon in steps, one every WORDS_PER_STEP words, each word charged to `work` as it is read. */
export function* learningLexicon(text: string, work: Work): Steps<Lexicon> {
  const words = new Map<string, string>();
  const ambiguous = new Set<string>();
  const names = new Set<string>();
  let damagedHits = 0;
  let count = 0;
  for (const { 0: word, index } of text.matchAll(/\p{L}+/gu)) {
    if (++count % WORDS_PER_STEP === 0) yield;
    work.charge(word.length + WORD_UNITS);
    if (MID_SENTENCE_NAME.test(word) && AFTER_SENTENCE_WORD.test(text.slice(Math.max(0, index - 2), index))) names.add(word);
    const lower = word.toLowerCase();
    const folded = fold(lower);
    if (/[åäö]/.test(lower)) {
      const seen = words.get(folded);
      if (seen && seen !== lower) ambiguous.add(folded);
      else words.set(folded, lower);
    } else if (WORDS[folded] || FRAGMENTS.some(([plain]) => folded.includes(plain))) {
      damagedHits++;
    }
  }
  for (const folded of ambiguous) words.delete(folded);
  // Only whole words that the rules could not confuse with a real word are learnt.
  for (const folded of [...words.keys()]) if (folded.length < 4) words.delete(folded);
  return { words, damaged: damagedHits >= 2, names };
}

/** A capital, then lower case: a name's shape (an abbreviation, "KS", keeps its case anyway). */
const MID_SENTENCE_NAME = /^\p{Lu}\p{Ll}/u;
/** What goes before a word inside a sentence: a word in lower case or a comma, then a space. */
const AFTER_SENTENCE_WORD = /[\p{Ll},] $/u;

/** `words` opening a sentence or a title: its first letter a capital ("köpa in" → "Köpa in"). */
export function opening(words: string): string {
  return (words[0] ?? '').toUpperCase() + words.slice(1);
}

/**
 * `words` continuing a sentence: its first letter lower case ("Förslag till …" → "förslag till …"),
 * unless its first word is an abbreviation written in capitals ("SOU 2027:3", "IT-strategin",
 * "KS") or a number, or a name the document itself capitalises inside its sentences
 * (`lexicon.names`: "Statskontorets redovisning", "Tensta Träff"), which keep their case.
 */
export function inSentence(words: string, lexicon: Pick<Lexicon, 'names'>): string {
  const first = words[0];
  if (!first || /^\p{Lu}[\p{Lu}\d]/u.test(words)) return words;
  if (lexicon.names.has(/^\p{L}+/u.exec(words)?.[0] ?? '')) return words;
  return `${first.toLowerCase()}${words.slice(1)}`;
}
