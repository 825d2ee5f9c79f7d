/** Section headings of Swedish decision documents, read from a folded line. */

export type SectionKind = 'decision' | 'proposal' | 'history';

export interface Heading {
  kind: SectionKind;
  /** The body the heading names as deciding (folded phrase), e.g. "kommunfullmaktige". */
  decider?: string;
  /** Characters of the line taken by the label; 0 when the line is itself the first sentence. */
  length: number;
  /** A decision list's item decided with more than proposed (AMENDED_DECISION): not under a history or a yrkande. */
  amended?: boolean;
}

/** A body as subject or genitive: "kommunstyrelsen", "barn- och utbildningsnamnden" (a PDF may space its dash: "aldre - och omsorgsnamnden"), "tekniska namnden", "regionala utvecklingsnamnden", the councils' and boards' short names ("kf", "ks"). */
export const BODY_PHRASE =
  '(?:(?:kf|ks|ksau|rf|rs|rsau|lf|ls)(?![a-z0-9/-])|(?:kommun|region|landstings)fullmaktiges?|fullmaktiges?|(?:kommun|region|landstings)styrelsens arbetsutskotts?|(?:kommun|region|landstings)styrelsens?|arbetsutskottets?|utskottets?|' +
  '(?:regionala |gemensamma )?(?:[a-z]+ ?- (?:och|eller) )?[a-z]*namnd(?:ens?)?(?: arbetsutskotts?)?|[a-z]+a namndens?|styrelsens?)';

const GENITIVE = '(?:(?:kommun|region|landstings)styrelsens arbetsutskotts|kommunstyrelsens|kommunfullmaktiges|regionstyrelsens|regionfullmaktiges|landstingsstyrelsens|landstingsfullmaktiges|fullmaktiges|arbetsutskottets|utskottets|namndens|ordforandens|forvaltningens|[a-z- ]*namndens|[a-z]+s)';

const DECISION_LABEL = new RegExp(`^(?:beslut|beslutet|${GENITIVE} beslut)$`);
/** The council or board a proposal goes to: "Kommunstyrelsens arbetsutskotts förslag till kommunstyrelsen", "Regionstyrelsens förslag till regionfullmäktige". */
const PROPOSED_TO = '(?:kommunfullmaktige|kommunstyrelsen|regionfullmaktige|regionstyrelsen|landstingsfullmaktige|landstingsstyrelsen|fullmaktige)';
const PROPOSED_TO_NAMED = new RegExp(`till (${PROPOSED_TO})`);
const PROPOSAL_LABEL = new RegExp(`^(?:forslag till beslut|beslutsforslag|forslag till (?:${PROPOSED_TO}|namnden)|${GENITIVE} forslag(?: till beslut)?(?: till ${PROPOSED_TO})?)$`);
const HISTORY_LABEL = new RegExp(
  '^(?:arendet|arendebeskrivning|beskrivning av arendet|arendets beredning|arendets handlaggning|arendets tidigare behandling|tidigare behandling|' +
    'tidigare beslut|bakgrund|sammanfattning|sammanfattning av arendet|motionen|motionens innehall|interpellationen|bedomning|' +
    'forvaltningens bedomning|overvaganden|analys|motivering|skal for beslut|beslutsmotivering|ekonomiska konsekvenser|konsekvenser|' +
    'ekonomi|finansiering|beslutsunderlag|underlag|handlingar|bilagor|bilaga|yrkanden?|beslutsgang|propositionsordning|omrostning|' +
    'reservation(?:er)?|protokollsanteckning(?:ar)?|jav|beslutet (?:ska )?skickas till|expedieras till|expediering|skickas till|' +
    'sandlista|remissinstanser|om remissen|lagstiftning|regelverk|konsekvensanalys|barnkonsekvensanalys|samrad)$',
);

/**
 * "Kommunstyrelsen beslutar att …"; in a summary of a meeting a line that announces the decisions:
 * "Kommunstyrelsen beslutade:", "Kommunstyrelsen beslutade bl a följande vid sitt sammanträde den 17
 * augusti:" (or ending in a full stop), "Kommunstyrelsen fattade beslut om att:".
 */
const LINE_DECISION = new RegExp(
  `^(${BODY_PHRASE}) (?:beslutar\\b|(?:beslutade|beslot)(?: bland annat| bl\\.? ?a\\.?)?(?: foljande)?\\s*:|` +
    `(?:beslutade|beslot|fattade)(?: bland annat| bl\\.? ?a\\.?)? (?:foljande|beslut om att)\\b[^.:]{0,80}[:.]\\s*$)`,
);
/**
 * A summary's line announcing the decisions after what a page run together put before it ("KS 17 augusti 2017
 * Kommunstyrelsen beslutade bl a följande vid sitt sammanträde den 17 augusti:"): only with "följande", the meeting
 * named and a colon ending the line, so "Som kommunstyrelsen beslutade bl a följande år:" announces nothing.
 */
const DECISIONS_ANNOUNCED = new RegExp(`\\b(${BODY_PHRASE}) (?:beslutade|beslot|fattade)(?: bland annat| bl\\.? ?a\\.?)? (?:foljande|beslut om foljande)\\b[^.:]{0,80}\\bsammantrade[^.:]{0,40}:\\s*$`);
/**
 * "Kommunstyrelsen föreslås besluta", "Arbetsutskottet föreslår kommunstyrelsen besluta", and a tjänsteskrivelse's
 * "Förvaltningen föreslår att barn- och utbildningsnämnden beslutar att …": the decision proposed follows.
 */
const OFFICIALS_PROPOSING = `(?:[a-z-]*forvaltningen|[a-z-]*kontoret|kommundirektoren|kommunchefen|regiondirektoren|[a-z-]*chefen) foreslar (?:att )?(${BODY_PHRASE}) (?:att )?beslutar?\\b`;
const LINE_PROPOSAL = new RegExp(`^(?:(${BODY_PHRASE}) (?:foreslas besluta|foreslar (${BODY_PHRASE}) (?:att )?besluta)\\b|${OFFICIALS_PROPOSING})`);
/** "Förvaltningen föreslår att barn- och utbildningsnämnden beslutar …" (folded): group 1 the body asked to decide. */
export const OFFICIALS_PROPOSE = new RegExp(`^${OFFICIALS_PROPOSING}`);

/**
 * A label the PDF ran into the text ("… kapacitetsutredning Beslut Arbetsutskottet lämnar yttrande …",
 * "… Förslag till beslut Tillväxtnämnden föreslås besluta att …"): only before a body acting as the
 * subject of a decision, so "Beslut om bygglov" or "i beslutet" mid-sentence is no heading.
 */
const INLINE_LABEL = new RegExp(
  `(?<=\\S )(forslag till beslut|beslutsforslag|beslut)\\s+(?=(${BODY_PHRASE})\\s+(?:beslutar|foreslas|foreslar|lamnar|ger|uppdrar|godkanner|antar|avslar|bifaller|faststaller)\\b)`,
  'g',
);

export interface InlineHeading extends Heading {
  /** Where the label starts in the line. */
  at: number;
}

/** The labels run into a folded line (see INLINE_LABEL), in order. */
export function inlineHeadings(line: string): InlineHeading[] {
  return [...line.matchAll(INLINE_LABEL)].map((m) => ({
    kind: m[1] === 'beslut' ? 'decision' : 'proposal',
    decider: m[2],
    at: m.index,
    length: m[0].length,
  }));
}

/** The heading a line starts with, if any (the line folded and trimmed at the start). */
export function readHeading(line: string): Heading | undefined {
  const colon = /^([a-z][a-z -]{2,60}?)\s*:\s*/.exec(line);
  const label = (colon ? colon[1] ?? '' : line).trim().replace(/\s+/g, ' ');
  const length = colon ? colon[0].length : line.length;
  if (colon || line.trim().length <= 70) {
    if (DECISION_LABEL.test(label)) return { kind: 'decision', decider: deciderOf(label), length };
    if (PROPOSAL_LABEL.test(label)) return { kind: 'proposal', decider: PROPOSED_TO_NAMED.exec(label)?.[1], length };
    if (HISTORY_LABEL.test(label)) return { kind: 'history', length };
  }
  // "Enligt förvaltningens förslag med kompletteringen:", "KS Tillägg: …": a decision list's item decided with more than proposed.
  const amended = AMENDED_DECISION.exec(line);
  const level = amended?.[1] ?? amended?.[2];
  if (amended) return { kind: level && COUNCIL_CODE.test(level) ? 'proposal' : 'decision', ...(level ? { decider: level } : {}), length: amended[0].length, amended: true };
  // "Vid kommunstyrelsen fattades bland annat följande beslut:": a summary's list of decisions follows.
  if (/\bfoljande (?:beslut|arenden)\s*:\s*$/.test(line)) return { kind: 'decision', length: line.length };
  const proposal = LINE_PROPOSAL.exec(line);
  if (proposal) return { kind: 'proposal', decider: proposal[2] ?? proposal[3] ?? proposal[1], length: 0 };
  const decision = LINE_DECISION.exec(line) ?? DECISIONS_ANNOUNCED.exec(line);
  if (decision) return { kind: 'decision', decider: decision[1], length: 0 };
  return undefined;
}

/** The deciding level a decision list writes before an item's decision ("KS Enligt förvaltningens förslag"), folded. */
export const LIST_LEVEL = '(?:ks|kf|rs|rf|ls|lf)';

/**
 * A decision list's item decided as proposed and more, its deciding level first where the list writes it (Värmdö's
 * "Enligt förvaltningens förslag med kompletteringen:", "KS Tillägg: \"att …\""; a bare "Tillägg:" is a yrkande's word):
 * group 1 or 2 the level. A council's level ("KF Tillägg: …") is a proposal to the council.
 */
const AMENDED_DECISION = new RegExp(
  `^(?:(${LIST_LEVEL})\\s+)?(?:enligt\\s+(?:\\S+\\s+)?forslag(?:et)?\\s+med\\s+(?:kompletteringen|tillagget|andringen|foljande\\s+(?:komplettering|tillagg|andring)))\\s*:\\s*|^(${LIST_LEVEL})\\s+tillagg\\s*:\\s*`,
);
const COUNCIL_CODE = /^(?:kf|rf|lf)$/;

/** "kommunstyrelsens beslut" names KS; plain "beslut" names nobody. */
function deciderOf(label: string): string | undefined {
  const m = /^(.+)s beslut$/.exec(label);
  return m?.[1];
}
