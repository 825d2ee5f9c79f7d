/**
 * Draft follow-up items from the text of a decision, by Swedish rules alone (no model, no network).
 * The endpoint resolves `due` with the meeting plans; here it stays in the contract's forms.
 */
import { addDays, type CalendarDate } from '../domain/dates';
import { refused } from '../domain/errors';
import { due as dueSchema, type Due, type Kind, type Person } from '../domain/items/vocabulary';
import { fold } from './fold';
import { BODY_PHRASE, LIST_LEVEL, OFFICIALS_PROPOSE, readHeading } from './headings';
import {
  BODY_AT_START,
  caseNumberIn,
  lineSpans,
  linesOf,
  MAX_SENTENCE,
  pointsOf,
  reading,
  sentencesIn,
  sentencesOf,
  trimSpan,
  type Block,
  type Doc,
  type Section,
} from './structure';
import { BOARD_BODIES, boardOf, BODY_NAMES, bodyCode, COUNCIL_BODIES, organisationOf, inSentence, normalizeRole, opening, restoreDiacritics, type Organisation, type Lexicon } from './swedish';
import { originalSpan } from './text';
import { endOfMonth, findTimings, TIMING_PASSES, type Span, type Timing } from './timing';
import { MAX_DRAFTS } from './request';
import { unproposedSentences, type Mention } from './unproposed';
import { CLAUSE_UNITS, runInTurns, runSteps, SEARCH_UNITS, Work, type Steps } from './work';

export { normalizeRole } from './swedish';

export interface KnownFacts {
  body?: string;
  meetingDate?: CalendarDate;
  caseNumber?: string;
}

export interface DirectoryEntry {
  name: string;
  email: string;
  unit: string;
}

/** The flag of a yttrande whose text names no recipient (its `missing` then holds `due.recipient`). */
export const NO_RECIPIENT_FLAG = 'Mottagaren av yttrandet framgår inte: ange mottagare.';
/** A remiss answer owed with no deadline in the text. */
const NO_DEADLINE_FLAG = 'Ingen sista dag för svaret anges: ange en tidsfrist.';

export interface DraftContext {
  /** The role directory, asked with the normalized role (see normalizeRole). */
  lookupRole: (role: string) => DirectoryEntry | undefined;
  /** Reference for a month written without a year when the text has no year at all (a day without one then gives no due). */
  today: CalendarDate;
  /** The meter the extraction charges (a new one with the standard ceiling when left out). */
  work?: Work;
  /** The deployment's own kind of organisation, for a text that does not say whose it is (`kommun` when left out). */
  organisation?: Organisation;
}

/**
 * A deadline as a draft proposes it: the contract's forms (Due); a report-back to a body within a
 * period, `{ meeting: { body, by } }` = the body's last meeting on or before `by`; and an outside
 * deadline whose recipient the text does not name.
 */
export type DraftDue =
  | Due
  | { meeting: { body: string; by: CalendarDate } }
  | { externalDeadline: CalendarDate; recipient?: string; decidedBy?: string };

export interface DraftDecision {
  body?: string;
  date?: CalendarDate;
  paragraph?: string;
}

/** The candidate POST /uppdrag body: only the fields that are known. */
export interface DraftBody {
  kind: Kind;
  title: string;
  description?: string;
  caseNumber?: string;
  decision?: DraftDecision;
  responsible?: Person;
  unit?: string;
  due?: Due;
}

export interface Draft {
  kind: Kind;
  title: string;
  /** The responsible as the text writes it ("kommundirektören", "socialnämnden"). */
  responsibleRole?: string;
  responsible?: Person;
  unit?: string;
  due?: DraftDue;
  decision: DraftDecision;
  caseNumber?: string;
  confidence: number;
  flagged: boolean;
  flagReason?: string;
  /** The sentence (repaired text) and its character offsets [start, end) in the submitted text. */
  source: { sentence: string; start: number; end: number };
  /** Fields a valid POST /uppdrag body still lacks, as paths ("responsible.email", "due"). */
  missing: string[];
  body: DraftBody;
}

/** A proposal at or above this confidence is one a clerk is shown as proposed (the evaluation counts these). */
export const PROPOSED_CONFIDENCE = 0.5;

interface Candidate {
  kind: Kind;
  title: string;
  role?: string;
  due?: DraftDue;
  decision: DraftDecision;
  caseNumber?: string;
  confidence: number;
  flags: string[];
  source: Span;
  /** The source as the work was told, before later report-backs stretched `source` over them (see attach). */
  opening?: Span;
  /** `due` is the end of a period ("under 2026"): a later, exact report-back replaces it. */
  approximate?: boolean;
  /** Counted work ("fyra frågor ska utredas"): the parts the text goes on to tell replace it. */
  counted?: boolean;
  /** A matter handed on ("Ärendet överlämnas till kommunstyrelsen för beredning"): a motion's own referral when the block raises one. */
  handedOn?: boolean;
  /** Given to a group the decision sets up (see SET_UP). */
  setUp?: boolean;
}

interface BlockMeta {
  /** The deciding body's short name. */
  decider?: string;
  date?: CalendarDate;
  paragraph?: string;
  caseNumber?: string;
  /** The date a month or day without a year counts from. */
  ref: CalendarDate;
  title?: string;
  /** The document's first header lines, folded. */
  head: string[];
  organisation: Organisation;
  /** The document is a summary of a meeting (see SUMMARY). */
  summary: boolean;
}

const ROLE_HEAD =
  /(?:chef|chefen|direktor|direktoren|namnd|namnden|namnder|namnderna|styrelse|styrelsen|forvaltning|forvaltningen|forvaltningarna|ordforande|ordforanden|kontor|kontoret|utskott|utskottet|kansli|kansliet|avdelning|avdelningen|enhet|enheten|enheter|enheterna|are|aren|strateg|strategen|controller|controllern|rektor|rektorn|rektorerna|fullmaktige|presidiet|presidium|bolag|bolaget|ansvarig|ansvarige|ledning|ledningen|direktion|direktionen|forbundet|ombud|ombudet|jurist|juristen|ekonom|ekonomen|tor|torn|toren|radet|grupp|gruppen|beredningen)$/;
// "med återrapport till", "med redovisning till nämnden i maj": the nouns report back as the verbs do; the present
// tense of a decision ("… utreder frågan och återkommer till nämnden i maj") and "lämna en delrapport till" too; "ta fram och till
// fullmäktige presentera förslag" puts the body before the verb. "avrapportera" is "återrapportera"; "Redovisning ska ske till
// nämnden", "En delrapport lämnas till nämnden i juni och en slutrapport i december" report back by their nouns. The work
// "presenteras/lämnas till" a body, or done "till kommunstyrelsen i september 2027", goes back to that body at that time.
const REPORT_VERB = /\b(?:(?:ater|av|del|slut)?rapportera(?:s|r)?|aterredovisa(?:s|r)?|lamna(?:r)?\s+(?:en\s+)?(?:(?:del|slut)?rapport|(?:del|slut)?redovisning)\s+(?:till|for|infor)|aterrapportering(?:en)?|aterrapport(?:en)?|redovisning(?:en)?\s+(?:(?:ska\s+)?(?:ske|lamnas)\s+)?(?:till|for|infor)|(?:del|slut)?rapport(?:en)?\s+(?:ska\s+)?lamnas\s+(?:till|for|infor)|(?:uppfoljning(?:en)?\s+(?:ska\s+ske|sker)|(?:ska\s+)?foljas\s+upp|foljs\s+upp)\s+(?:i|till|for|infor|av)\s+\p{L}*(?:fullmaktige|styrelsen|namnden)|aterkomm(?:a|er)|komma (?:in )?med (?:ett )?(?:forslag|underlag)|slutredovisa|delredovisa|redovisa(?:s|r)?|presenteras (?:for|infor)|forelaggas\s+(?=\p{L}*(?:fullmaktige|styrelsen|namnden|utskottet)\b)|informera (?:fullmaktige|styrelsen|namnden|kommunstyrelsen|kommunfullmaktige|regionstyrelsen|regionfullmaktige)|(?:till|infor) (?:fullmaktige|styrelsen|namnden|kommunstyrelsen|kommunfullmaktige|regionstyrelsen|regionfullmaktige) presentera|presentera\s+(?:\S+\s+){0,3}?(?:for|infor)\s+\p{L}*(?:fullmaktige|styrelsen|namnden)|lamnas\s+till\s+\p{L}*(?:fullmaktige|styrelsen|namnden)|till\s+\p{L}*(?:fullmaktige|styrelsen|namnden)s?\s+(?:sammantrade\p{L}*\s+)?(?:i|under|senast|vid|till|fore|den)(?=\s+\S+\s+\d{4}\b|\s+(?:hosten|varen|sommaren|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b))\b/u;
// "… med redovisning till nämnden senast i maj" closes the task as "och redovisa" does.
const REPORT_SPLIT = /(?:,\s*|\s+)(?:och|samt)\s+(?:att\s+)?(?:darefter\s+)?(?=(?:(?:ater|av|del|slut)?rapportera(?:r|s)?|aterkomm(?:a|er)|slutredovisa|delredovisa|(?:ater)?redovisa(?:r|s)?|presentera(?:r)?\s+(?:\S+\s+){0,3}?(?:for|infor)\s+[a-z]*(?:fullmaktige|styrelsen|namnden)\b|lamna(?:r)?\s+(?:en\s+)?(?:del|slut)?(?:rapport|redovisning)\s+(?:till|for|infor))\b)|\s+(?=med\s+(?:aterrapport(?:ering)?|redovisning)\s+(?:till|for|infor|i|under|senast|vid)\b)/;
const TASK_VERB =
  '(?:ta fram|utreda|genomfora|inratta|uppratta|se over|revidera|infora|tillsatta|(?:ater|av)?rapportera|aterkomma|redovisa|slutredovisa|utarbeta|kartlagga|folja upp|samordna|utveckla|uppdatera|utse|underteckna|teckna|besvara|planera|inventera|erbjuda|bygga|starta|paborja|analysera|sammanstalla|forbereda|verkstalla|undersoka)';
const TASK_START = new RegExp(`^${TASK_VERB}\\b`);
/** "att till sammanträdet den 5 november ha tagit fram underlag": a task to have done by a meeting. */
const SUPINES: Record<string, string> = {
  'tagit fram': 'ta fram', utrett: 'utreda', genomfort: 'genomföra', upprattat: 'upprätta', 'sett over': 'se över', reviderat: 'revidera',
  utarbetat: 'utarbeta', kartlagt: 'kartlägga', sammanstallt: 'sammanställa', analyserat: 'analysera', 'foljt upp': 'följa upp', planerat: 'planera',
};
const TASK_SUPINE = `(?:${Object.keys(SUPINES).join('|').replace(/ /g, '\\s+')})`;
// "besluta" without "att" is no lead-in: "överlåter åt nämnden att besluta i ärendet" is the task itself.
const LEAD_IN = /^(?:.{0,140}?\b(?:beslutar|beslutade|besluta)\s+(?:vidare\s+|dessutom\s+|ocksa\s+|aven\s+|for egen del\s+)?att\s+|.{0,140}?\b(?:beslutar|beslutade)\s+(?:vidare\s+|dessutom\s+|ocksa\s+|aven\s+|for egen del\s+)?|att\s+)/;
// Starts on the punctuation or the conjunction, never on white space: a pattern that opens with
// `\s*` is tried again at every space of a run.
const CLAUSE_BOUNDARY = /[,;]\s{0,3}(?:samt\s{1,3}|och\s{1,3})?att\s+|\b(?:samt|och)\s{1,3}att\s+/g;
const NOT_ATT = '(?:(?!\\batt\\b)[^.;:?])';
// A summary of a meeting tells its decisions in the past tense: "Kommunstyrelsen gav kommunchefen i uppdrag".
// "i uppgift" is the same commission in other words ("ge ekonomichefen i uppgift att …").
const COMMISSIONED = '(?:i\\s+uppdrag|uppdraget|i\\s+uppgift|uppgiften)';
/** An adverb between the commission's verb and the one commissioned: "ger vidare kommundirektören i uppdrag", "gav även förvaltningen". */
const GIVE_ADVERB = '(?:vidare|dessutom|ocksa|aven|darfor|harmed|darmed|nu|slutligen|samtidigt|saledes|dartill|harutover)\\s+';
/** A day told after the verb, "gav 2027-03-11 förvaltningen i uppdrag": when, not who. */
const GIVE_DAY = '(?:(?:den\\s+)?\\d{4}-\\d{2}-\\d{2}\\s+)?';
const GIVE = new RegExp(`\\b(?:ge|ger|gav)\\s+${GIVE_DAY}(?:${GIVE_ADVERB}){0,2}(?!${GIVE_ADVERB})(${NOT_ATT}{2,140}?)\\s+${COMMISSIONED}\\s+(?:att\\s+)?`);
/**
 * "att ge i uppdrag åt kommundirektören att …", "ger uppdrag till kommunstyrelseförvaltningen att …", "lämnar uppdrag åt
 * förvaltningen att …": the one commissioned after the commission.
 */
const GIVE_TO = new RegExp(`\\b(?:ge|ger|gav|lamna|lamnar|lamnade)\\s+(?:${GIVE_ADVERB}){0,2}(?:${COMMISSIONED}|uppdrag)\\s+(?:at|till)\\s+(${NOT_ATT}{2,140}?)\\s+att\\s+`);
// "uppdrog dessutom till samtliga nämnder att …": an adverb may stand between the verb and its object.
const COMMISSION_TO = new RegExp(`\\b(?:uppdra|uppdrar|uppdrog|uppdras)\\s+(?:dessutom\\s+|ocksa\\s+|aven\\s+|vidare\\s+)?(?:at|till)\\s+(${NOT_ATT}{2,140}?)\\s+att\\s+`);
/** "Kommunstyrelsen ålägger förvaltningen att …": a duty laid on the one named (its passive "åläggs att", see SUBJECT_COMMISSION). */
const ENJOIN = new RegExp(`\\b(?:alagga|alagger|alade)\\s+(${NOT_ATT}{2,120}?)\\s+att\\s+`);
/** "Nämnden begär att förvaltningen tar fram en kostnadsberäkning": the body asks its own to do the work, in the present tense (see requested). */
const REQUESTS = new RegExp(`\\bbegar\\s+(?:darfor\\s+|vidare\\s+|dessutom\\s+)?att\\s+(${NOT_ATT}{2,80}?)\\s+(?=(?:tar fram|utreder|genomfor|upprattar|ser over|reviderar|utarbetar|kartlagger|sammanstaller|analyserar|undersoker|aterkommer|redovisar|aterrapporterar|rapporterar)\\b)`);
/** "Kommunstyrelsen ber förvaltningen att ta fram …", "anmodar nämnderna att …": work asked of the one named (its passive "ombeds", "anmodas", see SUBJECT_COMMISSION). */
const ASK = new RegExp(`\\b(?:ber|bad|anmodar|anmodade)\\s+(${NOT_ATT}{2,120}?)\\s+att\\s+`);
/** "att låta förvaltningen utreda …": the one let do the work, then its task. */
const LET = new RegExp(`\\blata\\s+(${NOT_ATT}{2,80}?)\\s+(?=${TASK_VERB}\\b)`);
const COMMISSION_BARE = new RegExp(`\\buppdra(?:r)?\\s+(${NOT_ATT}{2,80}?)\\s+att\\s+`);
const APPOINT_TO_SIGN = new RegExp(`\\b(?:utse|utser|bemyndiga|bemyndigar)\\s+(${NOT_ATT}{2,120}?)\\s+(?:till\\s+)?att\\s+(?=(?:underteckna|teckna|skriva under|inga)\\b)`);
// "har fått i uppdrag", "fick i uppdrag": a summary tells the commission in the past ("har" stands between the subject and
// the verb; "har tidigare fått" is history, see EARLIER). "bemyndigas att fatta
// beslut" gives a power, not a duty: only an authority to sign is work.
const SUBJECT_COMMISSION =
  /\s(?:(?:har|hade)\s+(?:nu\s+|ocksa\s+|aven\s+)?)?(?:far|fick|fatt|ges|gavs|erhaller|erholl|erhallit)\s+(?:ocksa\s+|aven\s+|dessutom\s+|harmed\s+)?(?:i\s+uppdrag|uppdraget|i\s+uppgift|uppgiften)\s+(?:att\s+)?|\s(?:uppdras|utses|alaggs|alades|ombeds|ombads|anmodas|anmodades)\s+(?:till\s+)?(?:att\s+)?|\sbemyndigas\s+(?:att\s+)?(?=(?:underteckna|teckna|skriva under)\b)/;
/**
 * A responsibility given as a commission: "Socialförvaltningen ansvarar för att en plan tas fram senast …", "ska
 * ansvara för att", "får/ges ansvaret för att". Counted only in a decision and with a deadline (see heldHere): a
 * description of duties ("Nämnden ansvarar för att …" in a reglemente) sets none.
 */
const RESPONSIBLE = /\s(?:ansvarar|(?:ska|skall)\s+ansvara|(?:far|fick|ges|gavs|har)\s+(?:i\s+)?ansvar(?:et)?)\s+for\s+att\s+/;
/** Work a decision states in the present tense: "Förvaltningen utreder frågan och återkommer till nämnden i maj". */
const PRESENT_TASK = /\s(?:nu\s+)?(?=(?:utreder|tar fram|genomfor|upprattar|ser over|reviderar|utarbetar|kartlagger|sammanstaller|analyserar|forbereder|aterkommer|redovisar|aterrapporterar|rapporterar)\b)/;
/** "Samhällsnämnden vill nu utreda …": a body's intent told as news of this meeting ("nu"); without "nu", a wish. */
const WISH_NOW = new RegExp(`\\svill\\s+nu\\s+(?=${TASK_VERB}\\b)`);
/**
 * The subject after the verb (Swedish puts the verb second): "Samtidigt får kommunstyrelseförvaltningen
 * i uppdrag att …", "Vidare ges ekonomichefen i uppdrag att …". The role needs a role's head word.
 */
const INVERTED_COMMISSION = new RegExp(`^\\p{L}+\\s+(?:far|fick|ges|gavs)\\s+(${NOT_ATT}{2,100}?)\\s+${COMMISSIONED}\\s+att\\s+`, 'u');
/**
 * The time first, then the verb, then the subject: "Senast den 1 mars 2027 ska förvaltningen ta fram …", "I juni
 * skall kommundirektören återrapportera …". The fronted time is the task's deadline (see Commission.fronted).
 */
const FRONTED_MODAL = new RegExp(`^((?:senast|fore|innan|till|under|i|inom|vid)\\s[^,;]{1,60}?)\\s+(?:ska|skall)\\s+(${NOT_ATT}{2,80}?)\\s+(?=${TASK_VERB}\\b)`);
// "Kommundirektören ska senast den 1 oktober återkomma": a deadline may stand between modal and verb, and so may a
// partner ("Socialförvaltningen ska tillsammans med skolan ta fram …", the subject responsible) or an adverb ("ska bland
// annat undersöka …").
const SUBJECT_MODAL = new RegExp(
  `\\s(?:ska|skall)\\s+(?:ocksa\\s+|aven\\s+|dessutom\\s+|bland\\s+annat\\s+|bl\\.?\\s?a\\.?\\s+|vidare\\s+)?(?=(?:(?:senast\\s+[^,.;]{1,40}?|(?:tillsammans med|i samrad med|i samverkan med)\\s+[^,.;]{1,80}?)\\s+)?${TASK_VERB}\\b)`,
);
/** The whole organisation as a clause's subject: "Regionen", "Region Uppsala", "Kommunen", "Nolby kommun", "Landstinget i Norrlunda". */
const ORGANISATION = /^(?:regionen|kommunen|landstinget(?:\s+i\s+\p{L}+(?:\s+lan)?)?|region\s+\p{L}+(?:\s+\p{L}+)?|\p{L}+\s+kommun)$/u;
/** "Ärendet återremitteras till förvaltningen för komplettering": the case goes back for more work. */
const REFERRAL_BACK = new RegExp(`\\baterremitter\\w*\\s+(?:arendet\\s+)?till\\s+(${NOT_ATT}{2,60}?)\\s+(?:for|med)\\s+`);
/** "återremittera ärendet för att utreda …", sent back to no one named: the case returns to the body with the task done ("återremitterades" is history, "att inte återremittera" refuses it). */
const SENT_BACK = /(?<!\b(?:inte|ej)\s+)\baterremitter(?:a|ar|as)\s+(?:arendet\s+)?for\s+att\s+(?=\p{L})/u;
const EXHORTATION = new RegExp(`\\b(?:uppmana|uppmanar|uppmanas|rekommendera|rekommenderar)\\s+(${NOT_ATT}{2,120}?)\\s+att\\s+`);
/**
 * A group set up with a task: "inrätta en politisk arbetsgrupp som har till uppgift att …", "tillsätta en
 * styrgrupp med uppdrag att …", "En arbetsgrupp inrättas med uppdrag att …". The group is responsible.
 */
const SET_UP = new RegExp(
  `\\b(?:inratta|inrattar|tillsatta|tillsatter|bilda|bildar)\\s+((?:en|ett)\\s+${NOT_ATT}{2,60}?)\\s+(?:med\\s+(?:uppdrag(?:et)?|uppgift(?:en)?)\\s+att|som\\s+(?:har\\s+till\\s+uppgift\\s+att|ska|far\\s+i\\s+uppdrag\\s+att))\\s+`,
);
const SET_UP_PASSIVE = new RegExp(`^((?:en|ett)\\s+${NOT_ATT}{2,60}?)\\s+(?:inrattas|tillsatts|bildas)\\s+med\\s+(?:uppdrag(?:et)?|uppgift(?:en)?)\\s+att\\s+`);
/**
 * A matter a body hands on: a case, a question, a proposal, a report (never a motion: see motionItems). The
 * compound's first part is bounded: a pattern tried at every word must not run over a whole hyphenated run.
 */
const MATTER = '(?:arendet|arendena|fragan|fragorna|[a-z-]{0,30}forslag(?:et|en)|rapporten|skrivelsen|ansokan|framstallan|begaran)';
/** To whom, up to what it is for: "till budgetberedningen", "till samverkansgruppen för hållbar utveckling och miljö", "till X för beredning". */
const REFERRED_TO = '([^.;:,]{3,100}?)(?:\\s+for\\s+(?:beredning|beslut|handlaggning|vidare handlaggning|yttrande|kannedom|information)\\b|\\s*$|\\s*[.;:,])';
/** "KF överlåter åt samhällsbyggnadsnämnden att besluta i ärendet": the body hands the matter over to decide. */
const HAND_OVER = new RegExp(`\\b(?:overlater|overlata|overlat|overlot)\\s+(?:at|till)\\s+(${NOT_ATT}{2,100}?)\\s+att\\s+(?=(?:besluta|avgora|behandla|bereda|hantera)\\b)`);
/** "delegerar till arbetsutskottet att besluta om yttrande", "… till stadsarkitekten att upprätta förslag till yttrande", "… till arbetsutskottet att handlägga ärendet och redovisa": one matter handed on, unlike a standing delegation of power. */
const DELEGATES_MATTER = new RegExp(
  `\\b(?:delegerar|delegera|delegeras|delegerade)\\s+(?:at|till)\\s+(${NOT_ATT}{2,100}?)\\s+att\\s+(?=(?:besluta|avgora|avge|lamna|yttra|uppratta|ta fram|utarbeta|skriva|handlagga|bereda|hantera)\\b[^.;]{0,40}?\\b(?:yttrande(?:t)?|remissvar(?:et)?|svar(?:et)?|arendet|fragan)\\b)`,
);
/** "hänskjuta rapporten med förslag till åtgärder till budgetberedningen", "KF skickade ärendet vidare till flera nämnder", "hänvisar ärendet till … för beredning". */
const REFERRAL_ACTIVE = new RegExp(
  `\\b(?:hanskjuta|hanskjuter|hanskot|overlamna|overlamnar|overlamnade|skicka|skickar|skickade|hanvisa|hanvisar|hanvisade)\\s+(${MATTER}(?:\\s+[^.;:]{1,80})?)\\s+(?:vidare\\s+)?till\\s+${REFERRED_TO}`,
);
/** "ärendet hänskjuts till samverkansgruppen", "medborgarförslaget överlämnas till tekniska nämnden för beredning", "frågan hänvisas / skickas till … för beredning". */
const REFERRAL_PASSIVE = new RegExp(
  `\\b(${MATTER})\\s+(?:ska\\s+|skall\\s+)?(?:hanskjuts|hanskots|remitteras|remitterades|overlamnas|overlamnades|skickas(?:\\s+vidare)?|skickades(?:\\s+vidare)?|lamnas over|hanvisas|hanvisades)\\s+till\\s+${REFERRED_TO}`,
);
/** Nobody in particular: "flera nämnder", "vissa förvaltningar". */
const UNNAMED = /^(?:flera|nagra|vissa|olika|andra)\s/;
/** A contract signed by two ("kommunstyrelsens ordförande och kommunchefen att underteckna"): one act, done together. */
const SIGNING = /^(?:underteckna|undertecka|teckna|skriva under)\b/;
/** The partner after the one responsible ("ekonomichefen i samråd med X", "kommundirektören, i samarbete med X,"): not a role of its own. */
const ROLE_MODIFIER = /,?\s+(?:i samrad med|i samverkan med|i samarbete med|tillsammans med|med stod av|med hjalp av)\s.*$/;
const SCAN_STOP = new Set(['att', 'ska', 'skall', 'och', 'samt', 'som', 'med', 'till', 'for', 'av', 'i', 'pa', 'den', 'det', 'de', 'en', 'ett', 'anses', 'bifalls', 'avslas', 'enligt', 'dess', 'vars', 'deras', 'hans', 'hennes', 'alla']);
const PROPOSING = /\b(?:foreslar|foreslas|foreslog|foreslagit|foreslagits|yrkar|yrkade|yrkat|hemstaller|hemstallt)\b/
const REFERS_TO_PROPOSAL = /\b(?:enligt|i enlighet med|bifalla|bifaller)\b[^.]{0,60}\bforslag(?:et)?\b/;
/** "… ska … senast …": one pass, the gap bounded (an unbounded gap is tried again from every "ska"). */
const SECOND_TASK = new RegExp(`^(?:(?:till|senast|fore|infor|vid|inom)\\b[^,;]{0,80}?\\s)?(${TASK_VERB}|ha\\s+${TASK_SUPINE})\\b`);
/**
 * "Återrapportering ska ske till kommunstyrelsen i juni", "Återrapportering till nämnden sker senast …", "Redovisning av
 * arbetet sker till nämnden …", "En första avstämning kring arbetet ska göras med nämnden vid sammanträdet i juni".
 */
const NOUN_REPORT = new RegExp(
  `^(?:en\\s+)?(?:(?:forsta|andra|ny|arlig|slutlig|ytterligare)\\s+)?(?:aterrapportering|aterrapport|redovisning|delredovisning|slutredovisning|uppfoljning|avstamning)(?:en)?(?:\\s+(?:av|kring)\\s+([^,;]{1,80}?))?\\s+(?:(?:till|for|infor)\\s+${BODY_PHRASE}\\s+(?:ska\\s+ske|sker|ska\\s+lamnas|lamnas)\\b|(?:ska\\s+ske|sker|ska\\s+lamnas|lamnas|ska\\s+goras|gors)\\s+(?:till|for|infor|med)\\s+${BODY_PHRASE})`,
);
/**
 * "Åtgärderna återrapporteras till socialnämnden …", and work prepared for a body's meeting: "Ett förslag till
 * biblioteksplan tas fram till nämndens sammanträde i april", "Planen ska presenteras för kommunstyrelsen i juni" (group 2
 * the verb: a title in the verb's own words).
 */
const PASSIVE_REPORT = new RegExp(
  `^(\\p{L}[^,;]{1,80}?)\\s+(?:ska\\s+)?(aterrapporteras|aterredovisas|redovisas|rapporteras|tas\\s+fram|(?<=ska\\s+)presenteras)\\s+(?:till|for|infor)\\s+${BODY_PHRASE}`,
  'u',
);
/** In a decision, "ska" report to no body named at a recurring time ("Vidtagna åtgärder ska avrapporteras halvårsvis"); a reglemente's standing rule is no decision. */
const RECURRING_REPORT = /^(\p{L}[^,;]{1,80}?)\s+ska\s+(?:ater|av)?(?:rapporteras|redovisas)\s+(?:halvarsvis|kvartalsvis|arligen|manadsvis|varje\s+(?:ar|halvar|kvartal|manad)|en\s+gang\s+(?:per|om)\s+(?:aret|ar|halvaret|kvartalet))\b/u;
const SHALL_BY = /\bska\b[^.]{0,200}?\bsenast\b/;
const FOLLOW_UP = /\b(?:aterrapport\w*|redovis\w*|aterkomm\w*|rapporter\w*|(?:av|del|slut)?rapport(?:en|eras)?\s+(?:ska\s+)?lamnas|forelaggas|uppfoljning(?:en)?\s+(?:ska\s+ske|sker)|foljs\s+upp|presenteras|ska vara (?:klar|klart|genomford|genomfort|slutford|slutfort|fardig|fardigt)|uppdraget|planen|arbetet)\b/;
/** "I bilaga redovisas de viktigaste ändringarna": what a document shows, no report-back. */
const SHOWN_IN_DOCUMENT = /^i\s+(?:bilaga|bilagan|bilagorna|underlaget|tjansteskrivelsen|skrivelsen|rapporten)\b|\bredovisa[st]?\s+i\s+(?:bilaga|bilagan|bilagorna|underlaget)\b/;
/** A sentence that gives the work before it a report-back or a deadline (folded text). */
const followsUp = (f: string): boolean => (FOLLOW_UP.test(f) || SHALL_BY.test(f)) && !SHOWN_IN_DOCUMENT.test(f);

/**
 * "Uppdragen återrapporteras …", "Båda uppdragen redovisas …", "samt att samtliga uppdrag ska redovisas …": a
 * report-back in the plural is that of every commission the decision gave before it, not only the last one's.
 */
const ALL_BACK = /^(?:att\s+)?(?:(?:bada|samtliga|alla|dessa|de\s+(?:tva|tre|fyra))\s+uppdrag(?:en)?|uppdragen|resultaten)\b/;
const refersToAll = (f: string): boolean => ALL_BACK.test(f) && followsUp(f);
/** The commissions among `candidates` (those a report-back can belong to), each once. */
const commissionsAmong = (candidates: Candidate[]): Candidate[] => [...new Set(candidates.filter((c) => c.kind === 'uppdrag' || c.kind === 'aterrapportering'))];

/** Sentences read between two steps (see Steps) by the rules that read a whole block. */
const SENTENCES_PER_STEP = 200;

/** The sentences of a span, line by line (a sentence never crosses a line break), read as they are needed. */
function* sentencesByLine(doc: Doc, span: Span): Generator<Span> {
  for (const line of linesOf(doc, span)) yield* sentencesIn(doc, line);
}

/** A span's repaired text; what the rules read of it is charged to the extraction's work. */
const slice = (doc: Doc, span: Span) => {
  doc.work.charge(span.end - span.start);
  return doc.text.slice(span.start, span.end);
};
/** A span's folded text (what the rules match on), charged likewise. */
const fslice = (doc: Doc, span: Span) => {
  doc.work.charge(span.end - span.start);
  return doc.folded.slice(span.start, span.end);
};
/** The deadlines in a span (see findTimings), charged likewise. */
const timingsIn = (doc: Doc, span: Span, ref: CalendarDate) => {
  doc.work.charge(SEARCH_UNITS + TIMING_PASSES * (span.end - span.start));
  return findTimings(doc.folded, span.start, span.end, ref);
};
/** The calendar dates written in a span, a year-less one counted from `ref`. */
const datesIn = (doc: Doc, span: Span, ref: CalendarDate) =>
  timingsIn(doc, span, ref).flatMap((t) => (t.form === 'date' || t.form === 'meetingDate' ? [t] : []));
const isQuestion = (doc: Doc, span: Span) => slice(doc, span).trimEnd().endsWith('?');

/** The drafts of a decision text, the exhortations it makes (not work of the municipality's own), and the sentences that mention work but gave neither. */
export interface Extraction {
  drafts: Draft[];
  exhortations: Exhortation[];
  unproposed: Unproposed[];
}

/** A sentence that mentions work or a deadline but gave no draft (see unproposed.ts): for the clerk to read. */
export interface Unproposed {
  /** The sentence (repaired text) and its character offsets [start, end) in the submitted text. */
  source: { sentence: string; start: number; end: number };
  /** "§ 141", when the text has § lines. */
  paragraph?: string;
  /** What it mentions: "uppdrag", "aterrapportering", "yttrande", "motion", "tidsfrist". */
  mentions: Mention[];
}

/** An uppmaning ("uppmanar nämnderna att …"): shown to the clerk so nothing is lost, never proposed as an item. */
export interface Exhortation {
  /** Whom the body exhorts, as written ("nämnderna"). */
  to: string;
  /** What they are asked to do, as a title ("Anta en internkontrollplan"). */
  what: string;
  /** The sentence (repaired text) and its character offsets [start, end) in the submitted text. */
  source: { sentence: string; start: number; end: number };
}

const tooManyDrafts = (count: number) =>
  refused(
    'too_many_drafts',
    `Texten ger ${count.toLocaleString('sv-SE')} förslag; högst ${MAX_DRAFTS} kan granskas på en gång. Dela upp texten, till exempel per paragraf, och klistra in en del i taget.`,
    [{ path: 'text', message: `Fler än ${MAX_DRAFTS} förslag: dela upp texten.` }],
  );

/**
 * Draft the follow-up items of a decision text, all at once. Linear in the text; refuses it with
 * text_too_complex when the work passes its ceiling (see Work), and with too_many_drafts when it
 * gives more than MAX_DRAFTS.
 */
export function extractDrafts(text: string, known: KnownFacts, ctx: DraftContext): Extraction {
  return runSteps(extraction(text, known, ctx, ctx.work ?? new Work()));
}

/**
 * extractDrafts for a server: the same steps, letting other requests in every UNITS_PER_TURN
 * units of work, so a 400,000-character text does not hold the process for its whole run.
 */
export function extractDraftsInTurns(text: string, known: KnownFacts, ctx: DraftContext): Promise<Extraction> {
  const work = ctx.work ?? new Work();
  return runInTurns(extraction(text, known, ctx, work), work);
}

function* extraction(text: string, known: KnownFacts, ctx: DraftContext, work: Work): Steps<Extraction> {
  const doc = yield* reading(text, work);
  const facts = yield* documentFacts(doc, ctx.today, ctx.organisation ?? 'kommun');
  const candidates: Candidate[] = [];
  const exhortations: Candidate[] = [];
  // A decision a page lists before its § and the § repeats in full is one draft: the §'s.
  const listedBefore = new Set<Candidate>();
  const blockOf = new Map<Candidate, number>();
  for (const [n, block] of doc.blocks.entries()) {
    yield;
    const made = yield* blockCandidates(doc, facts, block, known, exhortations);
    if (block.listedBefore) for (const c of made) listedBefore.add(c);
    for (const c of made) blockOf.set(c, n);
    candidates.push(...made);
  }
  const same = (c: Candidate) => [c.kind, c.role ? normalizeRole(fold(c.role)) : '', JSON.stringify(c.due ?? null), fold(c.title)].join('|');
  const inParagraphs = new Set(candidates.filter((c) => !listedBefore.has(c)).map(same));
  const kept = new Map<string, Candidate>();
  // Work told in a paragraph, by its words, where it was told.
  const toldIn = new Map<string, number>();
  for (const c of candidates) {
    if (listedBefore.has(c) && inParagraphs.has(same(c))) continue;
    // A bullet just after that repeats in the same words work its § told in a paragraph (a summary's list of what the
    // decision means) is that work; two bullets alike, or the same words in another § or further on, are other work.
    const told = `${same(c)}|${blockOf.get(c)}|${doc.folded.slice(c.source.start, c.source.end).replace(/[^a-z0-9]+/g, ' ').trim()}`;
    const before = toldIn.get(told);
    if (bulleted(doc, c.source.start)) {
      if (before !== undefined && c.source.start - before <= REPEATED_WITHIN) continue;
    } else if (before === undefined) toldIn.set(told, c.source.start);
    // The same work told twice from one place (an adopted yrkande the decision restates) is one draft.
    const key = `${same(c)}|${c.source.start}`;
    const seen = kept.get(key);
    if (!seen || seen.confidence < c.confidence) kept.set(key, c);
  }
  if (kept.size > MAX_DRAFTS) throw tooManyDrafts(kept.size);
  // With no date written with its year and no meeting date known, every year-less date took its year from elsewhere.
  if (facts.yearFrom !== 'date' && !known.meetingDate) for (const c of kept.values()) yearless(doc, facts, c);
  const unproposed = yield* unproposedSentences(doc, [...candidates, ...exhortations].map((c) => ({ ...c.source, kind: c.kind })));
  return {
    drafts: [...kept.values()].sort((a, b) => a.source.start - b.source.start).map((c) => finish(doc, c, ctx)),
    exhortations: exhortations.map((c) => ({ to: asWritten(c.role ?? '', doc), what: c.title, source: sourceOf(doc, c.source) })),
    unproposed: unproposed.map(({ paragraph, mentions, ...span }) => ({ source: sourceOf(doc, span), ...(paragraph ? { paragraph } : {}), mentions })),
  };
}

// ---------------------------------------------------------------- document and block facts

/** What the header (the lines before the first §, and the page headers) says, read once per document. */
interface DocFacts {
  /** A region's or a landsting's text: "fullmäktige" is RF or LF, "styrelsen" RS or LS. */
  organisation: Organisation;
  /** The body the header names ("KOMMUNSTYRELSEN PROTOKOLL"). */
  body?: string;
  caseNumber?: string;
  /** The header's labelled meeting date ("Sammanträdesdatum 2026-03-11"). */
  labelledDate?: CalendarDate;
  /** The header reads as minutes (protokoll, sammanträde, a § line). */
  minutes: boolean;
  /** The first date of a header line that is not a received, raised or document date. */
  usableDate?: CalendarDate;
  title?: string;
  /** "§ 58" from a header line, for a text of one decision. */
  paragraph?: string;
  /** The first six header lines, folded: what the document is (a motion, an interpellation). */
  head: string[];
  /** Some block is a § of minutes. */
  paragraphs: boolean;
  /** A summary of a meeting's decisions (see SUMMARY). */
  summary: boolean;
  /**
   * The date a month or day without a year counts from when a block has no meeting date: the
   * document's own date, else the first date written with its year, else today (a text with no date).
   */
  ref: CalendarDate;
  /**
   * Where the year of a date written without one comes from when a block has no meeting date: a date the text
   * writes with its year, the latest year of its case numbers, or none (the clock's: every such date is flagged).
   */
  yearFrom: 'date' | 'caseNumber' | 'none';
}

/**
 * What a summary of a meeting calls itself in its opening: a web page or a note that restates a
 * meeting's decisions in its own words ("Beslut i korthet", "Axplock från kommunstyrelsen", "Referat
 * från kommunfullmäktige", "Kommunstyrelsen beslutade bl a följande", "ett urval av besluten", "Beslut
 * från kommunfullmäktiges sammanträde"), or one that tells what a meeting will take up ("Kommunstyrelsens ärenden i
 * urval", "Några ärenden som behandlas i kommunstyrelsen"). So does a news page on a meeting: "Kort om kommunstyrelsens
 * möte", "Här sammanfattar vi besluten", "Politiska beslut vecka 46", "KF-nytt", "Det här beslutade kommunfullmäktige",
 * "På måndagens fullmäktigemöte".
 */
const SUMMARY =
  /\b(?:i korthet|kort om (?:[a-z-]+s )?(?:motet?|sammantradet?)|kort om (?:kommun|region)?(?:fullmaktige|styrelsen)|axplock|referat|sammandrag|sammanfattar|politiska beslut|det har beslutade|[a-z]{2,3}-nytt|(?:mandagens|tisdagens|onsdagens|torsdagens|fredagens|kvallens|gardagens) (?:sammantrade|mote|[a-z]*motet?)|popularprotokoll|nyhetsnotiser|nyheter fran|nytt fran|senaste nytt|aktuella beslut|(?:ett )?urval av|arenden i urval|arenden som (?:ska )?behandlas|en sammanfattning|kortfattat|bland annat foljande|bl\.? ?a\.? foljande|pressmeddelande|beslut (?:fran|vid) (?:dagens |gardagens |[a-z]+s )?(?:sammantrade|mote|kommun|region|landstings|fullmaktige|styrelsen|[a-z]*namnd))/;
/** How far into a document its opening goes: the title and a lead paragraph. */
const OPENING = 800;

const LABELLED_MEETING = new RegExp(
  // A line that is a body and a date, and nothing else, heads that body's meeting: "Regionfullmäktige 28 november 2027".
  `sammantradesdatum|sammantrade(?:t)?\\s+(?:den\\s+)?\\d|motesdatum|^\\s*${BODY_PHRASE}\\s+(?:den\\s+)?(?:\\d{1,2}\\s+[a-z]+\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\s*$`,
);
const NOT_MEETING_DATE = /inkom|vack|datum\s*:?\s*\d|daterad|^datum\b/;
const READS_AS_MINUTES = (line: string) => (/protokoll|sammantrade/.test(line) && !/tjansteskrivelse/.test(line)) || (/§\s*\d/.test(line) && !/vack/.test(line));
const BODY_ONLY = /^(?:namnd|styrelse|arbetsutskott|utskott)/;
/** A web page's own controls, never a title: "Klicka på bilden för att se …", "Läs mer om …", "Ladda ner dokument", a line ending in arrows. */
const WEB_FURNITURE = /^(?:klicka|las mer|ladda ner|dela|skriv ut|lyssna|till toppen|hoppa till)\b|[>»]\s*$/;
/** A body that is a web page breadcrumb's whole segment ("Din position: Hem > Tyresö kommun > Kommunstyrelsen > Sammanträde 2018-03-14"), read folded. */
const CRUMB_BODY = new RegExp(`^(${BODY_PHRASE})$`);

/** The body a header line names, as written: at its start, or as a breadcrumb's innermost body segment. */
function headerLineBody(line: string, folded: string): string | undefined {
  const atStart = BODY_AT_START.exec(folded)?.[1];
  if (atStart) return line.slice(0, atStart.length);
  if (!folded.includes(' > ')) return undefined;
  // Folding keeps offsets, so a segment read folded is sliced from the line as written.
  const segments = [...folded.matchAll(/[^>]+/g)].map((m) => ({ at: m.index + m[0].length - m[0].trimStart().length, text: m[0].trim() }));
  const crumb = segments.findLast((s) => CRUMB_BODY.test(s.text));
  return crumb ? line.slice(crumb.at, crumb.at + crumb.text.length) : undefined;
}
const TITLE_SKIP = /^(?:protokoll|pressmeddelande|sammantradesprotokoll|protokollsutdrag|tjansteskrivelse|motion till|interpellation till|datum|inkom|vackt|dnr|diarienummer|handlaggare|till\s*:|till (?:kommun|region|landstings)?fullmaktige|sida|er referens|var referens|remissinstanser)\b/;

/** A date set as a deadline by the words before it in its clause: "senast", "före", "innan", "till och med", "tillhanda". */
const SET_AS_DUE = /\b(?:senast|fore|innan|till och med|tillhanda)\b[^.;]{0,60}$/;

/**
 * The first date written in a line outside the text (a page header, a §'s first lines), a year-less one counted from
 * `ref`; with `skip` 'marked', none introduced as a deadline or a meeting ("… senast den 30 juni 2027", "vid
 * sammanträdet den 5 maj"); with 'due', none set as a deadline (SET_AS_DUE: "… ska besvaras senast vid
 * regionfullmäktiges sammanträde 10–11 april 2028"), while "har diskuterat förslaget vid sitt sammanträde den 18 april"
 * still dates the meeting.
 */
function firstDateOf(doc: Doc, line: string, ref: CalendarDate, skip?: 'marked' | 'due'): { date: CalendarDate; yearWritten: boolean } | undefined {
  const f = fold(line);
  doc.work.charge(SEARCH_UNITS + TIMING_PASSES * f.length);
  for (const t of findTimings(f, 0, f.length, ref)) {
    if (t.form !== 'date' && t.form !== 'meetingDate') continue;
    if (skip === 'marked' && t.marked) continue;
    if (skip === 'due' && t.marked && SET_AS_DUE.test(f.slice(Math.max(0, t.start - 80), t.start))) continue;
    return { date: t.date, yearWritten: t.yearWritten };
  }
  return undefined;
}

/** Characters searched for a date between two steps (see Steps). */
const CHARACTERS_PER_STEP = 10_000;
/** Chunks overlap by more than the longest written date ("den 30 september 2027"), so none is cut. */
const CHUNK_OVERLAP = 40;

/** The first date of a span written with its year, the span read a chunk a step. */
function* firstDateWithYear(doc: Doc, span: Span, today: CalendarDate): Steps<CalendarDate | undefined> {
  for (let start = span.start; ; start += CHARACTERS_PER_STEP - CHUNK_OVERLAP) {
    const end = Math.min(span.end, start + CHARACTERS_PER_STEP);
    // The reference date is not read for a date whose year is written.
    const written = datesIn(doc, { start, end }, today).find((t) => t.yearWritten);
    if (written) return written.date;
    if (end === span.end) return undefined;
    yield;
  }
}

/** A case number's year: "KS 211/2017", "KS 2017/45", "Dnr 57/2007" (letters first, so no school year "2017/18"). */
const CASE_YEAR = /\b[a-z]{1,6}\.?\s{0,2}(?:\d{1,5}\/((?:19|20)\d{2})\b|((?:19|20)\d{2})\/)/g;

/** The latest year the text's case numbers give, for a text that writes no date with its year. */
function latestCaseYear(doc: Doc): number | undefined {
  const years = [...doc.folded.matchAll(CASE_YEAR)].map((m) => Number(m[1] ?? m[2]));
  return years.length ? Math.max(...years) : undefined;
}

/** A council or board of each kind of organisation named in a text (folded): "kommunstyrelsen", "regionfullmäktige". */
const COUNCIL_OR_BOARD: Record<Organisation, RegExp> = {
  kommun: /\bkommun(?:fullmaktige|styrelse)/,
  region: /\bregion(?:fullmaktige|styrelse)/,
  landsting: /\blandstings(?:fullmaktige|styrelse)/,
};

/**
 * Whose text it is, by the councils and boards its opening (folded) names: the deployment's own
 * kind (`own`) when it is named, since a municipality's protokoll may answer a region's remiss and a
 * region's name the municipalities' boards; else a region's or a landsting's wherever named, else a
 * municipality's.
 */
function organisationNamed(opening: string, own: Organisation): Organisation | undefined {
  if (COUNCIL_OR_BOARD[own].test(opening)) return own;
  return (['region', 'landsting', 'kommun'] as const).find((kind) => COUNCIL_OR_BOARD[kind].test(opening));
}

/** How near a bullet repeating work told in a paragraph stands to it, in characters: within the same news item. */
const REPEATED_WITHIN = 1_500;

/** Whether the text at `at` opens a bullet list's item: "• Regionstyrelseförvaltningen får i uppdrag …". */
function bulleted(doc: Doc, at: number): boolean {
  const lineStart = doc.text.lastIndexOf('\n', at - 1) + 1;
  return /^\s*[•·▪◦*–-]\s*$/.test(doc.text.slice(lineStart, at));
}

function* documentFacts(doc: Doc, today: CalendarDate, own: Organisation): Steps<DocFacts> {
  const written = yield* firstDateWithYear(doc, { start: 0, end: doc.text.length }, today);
  let headerDate: CalendarDate | undefined;
  for (const line of doc.header) {
    const date = /\d/.test(line) ? firstDateOf(doc, line, today) : undefined;
    headerDate = date?.yearWritten ? date.date : undefined;
    if (headerDate) break;
  }
  // Never the clock's year when the text gives one: a decision's case number ("KS 211/2017", "KS 2017/") dates it.
  const caseYear = headerDate ?? written ? undefined : latestCaseYear(doc);
  const ref = headerDate ?? written ?? (caseYear ? `${caseYear}-01-01` : today);
  const folded = doc.header.map(fold);
  const opening = doc.folded.slice(0, 5_000);
  const facts: DocFacts = {
    organisation: organisationNamed(opening, own) ?? own,
    minutes: folded.some(READS_AS_MINUTES),
    paragraphs: doc.blocks.some((b) => b.paragraph),
    summary: SUMMARY.test(opening.slice(0, OPENING)),
    head: folded.slice(0, 6).map((line) => line.slice(0, 300)),
    ref,
    yearFrom: headerDate ?? written ? 'date' : caseYear ? 'caseNumber' : 'none',
  };
  for (const [i, line] of doc.header.entries()) {
    const f = folded[i] ?? '';
    if (!facts.body) {
      const named = headerLineBody(line, f);
      facts.body = named && !BODY_ONLY.test(fold(named)) ? bodyCode(named, undefined, facts.organisation) : undefined;
    }
    facts.caseNumber ??= caseNumberIn(line, fold);
    const dated = /\d/.test(f);
    // A deadline is no meeting's date: "… ska besvaras senast vid regionfullmäktiges sammanträde 10–11 april 2028".
    if (!facts.labelledDate && dated && LABELLED_MEETING.test(f)) facts.labelledDate = firstDateOf(doc, line, ref, 'due')?.date;
    if (!facts.usableDate && dated && !NOT_MEETING_DATE.test(f)) facts.usableDate = firstDateOf(doc, line, ref, 'due')?.date;
    if (!facts.paragraph && /§\s*\d+/.test(line) && !/vack/.test(f)) facts.paragraph = `§ ${/§\s*(\d+)/.exec(line)?.[1]}`;
    if (
      !facts.title && line.length >= 12 && line.length <= 150 && /\p{Ll}/u.test(line) && line.split(/\s+/).length >= 3 && !/[.,:]$/.test(line) &&
      !/\d{4}-\d{2}-\d{2}|§/.test(line) && !caseNumberIn(line, fold) && !TITLE_SKIP.test(f) && !WEB_FURNITURE.test(f) && !readHeading(f)
    ) {
      facts.title = line;
    }
  }
  return facts;
}

function casePrefix(caseNumber: string | undefined): string | undefined {
  return caseNumber ? /^([A-ZÅÄÖ]{2,6})\b/.exec(caseNumber)?.[1] : undefined;
}

/**
 * The date of the meeting a block's decision is recorded at: the header's labelled meeting date,
 * else the § lines', else (in minutes) the first date of the header or the § lines. Never a date of
 * the case history: only the header and the block's own first lines are read.
 */
function meetingDate(doc: Doc, facts: DocFacts, block: Block): CalendarDate | undefined {
  if (facts.labelledDate) return facts.labelledDate;
  const own = block.lines.map((l) => slice(doc, l));
  const labelled = own.find((line) => LABELLED_MEETING.test(fold(line)));
  if (labelled) return firstDateOf(doc, labelled, facts.ref, 'due')?.date;
  if (!facts.paragraphs && !facts.minutes && !own.some((line) => READS_AS_MINUTES(fold(line)))) return undefined;
  // A § whose first lines already hold its decision: the deadline the decision sets is not its meeting.
  return facts.usableDate ?? own.filter((line) => !NOT_MEETING_DATE.test(fold(line))).map((line) => firstDateOf(doc, line, facts.ref, 'marked')?.date).find(Boolean);
}

function blockTitle(doc: Doc, facts: DocFacts, block: Block): string | undefined {
  const clean = (line: string) =>
    line
      .replace(/^\s*(?:\p{Lu}{2,6}\s+)?§\s*\d+\s*/u, '')
      .replace(/\b(?:Dnr|Diarienummer)\.?:?\s*\S+(?:\s\d{4}[./-]\d+)?/gi, '')
      .replace(/\b[A-ZÅÄÖ]{2,6}[ -]\d{4}[./-]\d{1,5}\b/g, '')
      .replace(/\s+/g, ' ')
      .replace(/[\s,;:–-]+$/, '')
      .trim();
  if (block.paragraph) {
    for (const line of block.lines) {
      // A § run into its text on one line ("§ 12 Motion om solceller. Anna Berg (L) har …") is titled by its first sentence.
      const title = clean(firstSentence(slice(doc, line)));
      if (title.length >= 4 && !readHeading(fold(title))) return title;
    }
  }
  return facts.title;
}

/** What follows a body given work ("får i uppdrag", "ges uppdraget", "uppdras", "åläggs", "bemyndigas"), read folded. */
const GIVEN_WORK = new RegExp(`^\\s*(?:(?:far|ges|erhaller)\\s+${COMMISSIONED}|uppdras|alaggs|bemyndigas)\\b`);

function blockMeta(doc: Doc, facts: DocFacts, block: Block, known: KnownFacts): BlockMeta {
  const ownCase = block.lines.map((l) => caseNumberIn(slice(doc, l), fold)).find(Boolean);
  const caseNumber = known.caseNumber ?? ownCase ?? facts.caseNumber ?? caseNumberIn(slice(doc, block), fold);
  const fallback = facts.body ?? casePrefix(ownCase ?? caseNumber);
  const headingDecider = block.sections.find((s) => s.kind === 'decision' && s.decider)?.decider;
  const subject = block.sections
    .filter((s) => s.kind === 'decision' || s.kind === 'proposal')
    // A tjänsteskrivelse's "Förvaltningen föreslår att nämnden beslutar …" names the body it asks to decide.
    .map((s) => {
      const f = fslice(doc, trimSpan(doc.text, s));
      const atStart = BODY_AT_START.exec(f);
      // "Kommunstyrelsen får i uppdrag att …" in the council's protokoll names who does the work, not who decides.
      return (atStart && !GIVEN_WORK.test(f.slice(atStart[0].length)) ? atStart[1] : undefined) ?? OFFICIALS_PROPOSE.exec(f)?.[1];
    })
    .find(Boolean);
  const decider = known.body ?? bodyCode(headingDecider ?? '', fallback, facts.organisation) ?? bodyCode(subject ?? '', fallback, facts.organisation) ?? fallback;
  const date = known.meetingDate ?? meetingDate(doc, facts, block);
  const paragraph = block.paragraph ?? (doc.blocks.length === 1 ? facts.paragraph : undefined);
  return {
    decider,
    date,
    paragraph,
    caseNumber,
    ref: date ?? facts.ref,
    title: blockTitle(doc, facts, block),
    head: facts.head,
    // A region's own bodies, known from the upload's form: their text's bare "fullmäktige" and "styrelsen" are theirs.
    organisation: organisationOf(known.body) ?? facts.organisation,
    summary: facts.summary,
  };
}

// ---------------------------------------------------------------- decision points

interface Point extends Span {
  confidence: number;
  flag?: string;
  /** A commission whose tasks follow as a list (see takingLists). */
  list?: TaskList;
}

/**
 * "Kommunstyrelsen ger kommundirektören i uppdrag att:" and its list items, read as the one sentence
 * "… i uppdrag att A, att B och att C" would be: `sentence` runs from the lead to the last item (the
 * source), `clauses` are the lead's clauses and the items', and `lead` is the clause of the commission
 * with its first task, read on `masked` (its folded text with the colon and list markers blanked out).
 */
interface TaskList {
  sentence: Span;
  clauses: Span[];
  lead: Span;
  masked: string;
}

/** A decision list's level written as a short name ("ks", folded). */
const LEVEL_CODE = new RegExp(`^${LIST_LEVEL}$`);
/** "Beslutsnivå\n\nKommunfullmäktige" (folded): the body that decides the block's proposal (group 1). */
const DECISION_LEVEL = /(?:^|\n)[ \t]*beslutsniva[ \t]*:?\s+((?:kommun|region|landstings)?fullmaktige|(?:kommun|region|landstings)styrelsen|(?:[a-z]+- och )?[a-z]*namnden)[ \t]*(?:\n|$)/;

/** At most this many characters in a decision that only refers to a proposal ("Kommunstyrelsen beslutar enligt arbetsutskottets förslag."). */
const BARE_DECISION = 80;

/** Where the block's decisions are: its decision, else the proposal it adopts, else plain text. */
function* decisionPoints(doc: Doc, block: Block, meta: BlockMeta): Steps<{ points: Point[]; plain: boolean }> {
  const of = (kind: Section['kind']) => block.sections.filter((s) => s.kind === kind && fslice(doc, s).trim());
  // A decision list's addition of another level ("KS Tillägg: …" in kommunfullmäktige's protokoll) is that body's, told here.
  const decisions = of('decision').filter((s) => !s.decider || !LEVEL_CODE.test(s.decider) || s.decider.toUpperCase() === meta.decider);
  // "Förslag till beslut" may also name a document a notice sends out: a proposal proposes only if it reads as a decision.
  const proposals = of('proposal').filter((s) => PROPOSES.test(fslice(doc, s)));
  function* points(sections: Section[], confidence: number, flag?: string): Steps<Point[]> {
    const all: Point[] = [];
    for (const s of sections) all.push(...(yield* takingLists(doc, pointsOf(doc, s).map((p) => ({ ...p, confidence, flag })))));
    return all;
  }
  const refers = decisions.some((s) => REFERS_TO_PROPOSAL.test(fslice(doc, s)));
  if (decisions.length && !refers) return { points: yield* points(decisions, 0.9), plain: false };
  if (refers) {
    const adopted = proposals.length ? yield* points(proposals, 0.85) : historyProposals(doc, block);
    // "Beslut: enligt förslag" and no proposal in the text: what the text reports decided is all there is to read.
    const bare = !adopted.length && decisions.every((s) => fslice(doc, s).trim().length <= BARE_DECISION);
    if (!bare) return { points: [...(yield* points(decisions, 0.9)), ...adopted], plain: false };
  }
  if (proposals.length) {
    const proposed: Point[] = [];
    // "Beslutsnivå: Kommunfullmäktige" under a styrelse's proposal: the proposal goes to the council.
    const level = DECISION_LEVEL.exec(fslice(doc, block))?.[1];
    for (const s of proposals) {
      // A proposal's own "förslag till kommunstyrelsen" names where it goes; else the block's "Beslutsnivå".
      const target = s.decider ? bodyCode(s.decider, meta.decider, meta.organisation) : level ? bodyCode(level, meta.decider, meta.organisation) : undefined;
      const elsewhere = target && meta.decider && target !== meta.decider;
      proposed.push(...(yield* (elsewhere ? points([s], 0.4, `Förslag till ${target}: blir ett uppdrag först när ${target} har beslutat.`) : points([s], 0.85))));
    }
    return { points: proposed, plain: false };
  }
  const other = block.sections.filter((s) => s.kind === 'other');
  const plainPoints = yield* points(other, 0.75);
  return { points: meta.summary ? underTitles(doc, plainPoints) : plainPoints, plain: true };
}

/** A web page's title line: short, without a closing full stop or colon ("Översyn av arvoden till politikerna"). */
function opensWithTitle(doc: Doc, p: Span): boolean {
  const first = slice(doc, { start: p.start, end: lineEnd(doc, p.start, p.end) }).trim();
  return first.length <= 100 && !/[.:!?;,]$/.test(first) && !/[.!?]\s/.test(first);
}

/**
 * A summary's paragraphs under one title line tell one decision: they are read as one point, so a
 * report-back told a paragraph later ("Resultatet ska presenteras för regionstyrelsen i maj") joins it.
 */
function underTitles(doc: Doc, points: Point[]): Point[] {
  const merged: Point[] = [];
  let current: Point | undefined;
  for (const p of points) {
    // A numbered or bulleted point is a decision of its own ("6. Medborgarförslag om …").
    if (current && !listed(doc, p) && !opensWithTitle(doc, p)) {
      current = { ...current, end: p.end };
      continue;
    }
    if (current) merged.push(current);
    current = { ...p };
  }
  if (current) merged.push(current);
  return merged;
}

/** A point opened by a list marker ("- ", "• ", "1. ", "a) ") on its line. */
function listed(doc: Doc, p: Span): boolean {
  const before = doc.text.slice(Math.max(0, p.start - 8), p.start);
  return before.includes('\n') && before.slice(before.lastIndexOf('\n') + 1).trim() !== '';
}

/** A point that may end in a commission whose task is still to come: "… i uppdrag att", "uppdrar åt X att:", "… i uppdrag" (items opened by "att"). */
const DANGLING = /(?:\batt\s*:?|:|\bi\s+(?:uppdrag|uppgift))$/;
/** The words every commission that leads a list has: "i uppdrag", "uppdrar", "uppdras", "i uppgift". */
const COMMISSION_WORD = /\buppdr|\buppgift/;

/**
 * A point that ends in a commission's dangling "att" or ":" takes the list items after it as its tasks
 * (see TaskList): "Kommunstyrelsen ger kommundirektören i uppdrag att:\n• utreda X\n• återrapportera i juni"
 * gives what "… i uppdrag att utreda X och att återrapportera i juni" gives. Only a commission whose verb and
 * role are in the lead counts ("Kommunstyrelsen beslutar\n- att anta planen" is a list of decisions, "Planen
 * innehåller:" no commission); the list is taken as long as lead and items fit in MAX_SENTENCE, the rest stay
 * points of their own.
 */
function* takingLists(doc: Doc, points: Point[]): Steps<Point[]> {
  const taken: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    if (i % SENTENCES_PER_STEP === 0) yield;
    const p = points[i] as Point;
    const first = points[i + 1];
    const leadSentence = first && listed(doc, first) && DANGLING.test(doc.folded.slice(Math.max(p.start, p.end - 20), p.end)) ? sentencesOf(doc, p).at(-1) : undefined;
    // Every lead names the commission ("i uppdrag", "uppdras", "i uppgift"): a list of bare "att" points is read no further.
    if (leadSentence && !COMMISSION_WORD.test(fslice(doc, leadSentence))) {
      taken.push(p);
      continue;
    }
    const lead = leadSentence && first ? listLead(doc, leadSentence, first) : undefined;
    if (!leadSentence || !lead) {
      taken.push(p);
      continue;
    }
    // Each item is read once: the lead is known to take the list before its items are read.
    const clauses = [...lead.clauses];
    let end = first?.end ?? p.end;
    for (i += 2; i < points.length; i++) {
      const item = points[i] as Point;
      if (!listed(doc, item) || item.end - leadSentence.start > MAX_SENTENCE) break;
      clauses.push(...sentencesOf(doc, item).flatMap((s) => clausesOf(doc, s)));
      end = item.end;
    }
    i--;
    const sentence = { start: leadSentence.start, end };
    taken.push({ ...p, end, list: { ...lead, sentence, clauses } });
  }
  return taken;
}

/** The lead's commission read with the first item as its task (see TaskList); none when the lead is no commission of its own. */
function listLead(doc: Doc, leadSentence: Span, firstItem: Span): Omit<TaskList, 'sentence'> | undefined {
  const leadClauses = clausesOf(doc, leadSentence);
  const last = leadClauses.at(-1);
  const [firstTask, ...rest] = sentencesOf(doc, firstItem).flatMap((s) => clausesOf(doc, s));
  if (!last || !firstTask || firstItem.end - leadSentence.start > MAX_SENTENCE) return undefined;
  const lead = { start: last.start, end: firstTask.end };
  const gapStart = doc.text[last.end - 1] === ':' ? last.end - 1 : last.end;
  const masked = fslice(doc, { start: lead.start, end: gapStart }) + ' '.repeat(firstItem.start - gapStart) + fslice(doc, { start: firstItem.start, end: lead.end });
  const commission = readCommission(doc, lead, masked);
  if (!commission || commission.task.start < firstItem.start || commission.roles.some((r) => r.end > gapStart)) return undefined;
  return { clauses: [...leadClauses.slice(0, -1), lead, ...rest], lead, masked };
}

/** What a proposal of a decision says: an att-clause, a verb of deciding, a commission. */
const PROPOSES =
  /\batt\b|beslut|bifall|avsla|godkan|\banta[rs]?\b|faststall|uppdra|i uppdrag|\bges\b|\bfar\b|aterkomm|aterrapport|redovis|notera|handlingarna|foresla|overlamna|remitter|\butse|\bvalj|bevilja|anvisa|tillstyrk|avstyrk/;

/** "Arbetsutskottet föreslår kommunstyrelsen besluta att ..." told in the history, adopted by the decision. */
function historyProposals(doc: Doc, block: Block): Point[] {
  return block.sections
    .filter((s) => s.kind === 'history')
    .flatMap((s) => pointsOf(doc, s).flatMap((p) => sentencesOf(doc, p)))
    .filter((s) => /\bforeslar\b[^.]{0,80}\bbesluta\s+att\b/.test(fslice(doc, s)))
    .map((s) => ({ ...s, confidence: 0.85 }));
}

// ---------------------------------------------------------------- commissions

/** A group set up with a task (see SET_UP), marked so that its own report-back, told later, can stand for it. */
const setUp = (c: Commission | undefined): Commission | undefined => (c ? { ...c, setUp: true } : undefined);

interface Commission {
  /** Whom the work is for, as written; none when the text names no one in particular ("flera nämnder"). */
  roles: Span[];
  task: Span;
  exhortation: boolean;
  /** The verb of the title when the task is a matter handed over ("Bereda" + "rapporten med förslag"). */
  verb?: string;
  /** A matter handed on (see handedOn). */
  handedOn?: boolean;
  /** A group set up with the task (see SET_UP). */
  setUp?: boolean;
  /** The case sent back to be prepared and return to the body (see SENT_BACK): a report-back. */
  comesBack?: boolean;
  /** The case itself comes back ("Ärendet ska återkomma …" after it was sent back): after a commission, that commission's report-back. */
  caseReturns?: boolean;
  /** Asked for in the present tense ("begär att förvaltningen tar fram …", REQUESTS): the title in the infinitive. */
  requested?: boolean;
  /** How a commission not told with a commission's verb is told (see heldHere). */
  told?: 'responsibility' | 'present' | 'wish';
  /** A time written before the verb ("Senast den 1 mars ska förvaltningen …", see FRONTED_MODAL). */
  fronted?: Span;
  /** Told of the whole organisation ("Regionen ska utreda …", see ORGANISATION): work only where a decision states it. */
  organisation?: boolean;
}

/** A partner told aside at the end of a clause so far: ", i samarbete med miljöförvaltningen" (folded). */
const PARTNER_ASIDE = /,\s*(?:i samarbete med|i samrad med|i samverkan med|tillsammans med)\s+[^,;.]{2,100}$/;

function clausesOf(doc: Doc, sentence: Span): Span[] {
  const f = fslice(doc, sentence);
  const lead = LEAD_IN.exec(f)?.[0].length ?? 0;
  const clauses: Span[] = [];
  let at = lead;
  for (const m of f.matchAll(CLAUSE_BOUNDARY)) {
    if (m.index < at) continue;
    // "ger uppdrag till X, i samarbete med Y, att …": the partner's aside closes on the commission's own "att".
    if (PARTNER_ASIDE.test(f.slice(Math.max(at, m.index - 120), m.index))) continue;
    clauses.push({ start: sentence.start + at, end: sentence.start + m.index });
    at = m.index + m[0].length;
  }
  // trimSpan below takes the white space before a boundary off the clause.
  clauses.push({ start: sentence.start + at, end: sentence.end });
  return clauses.map((c) => trimSpan(doc.text, c)).filter((c) => c.end > c.start);
}

/** "socialnämnden och vård- och omsorgsnämnden" → two roles; "ekonomichefen i samråd med X" → one. */
function splitRoles(doc: Doc, span: Span): Span[] {
  const f = fslice(doc, span);
  const end = span.start + f.replace(ROLE_MODIFIER, '').length;
  const whole = trimSpan(doc.text, { start: span.start, end });
  const parts: Span[] = [];
  let at = whole.start;
  for (const m of fslice(doc, whole).matchAll(/\s*,\s*|\s+(?:och|samt)\s+/g)) {
    if (doc.folded[whole.start + m.index - 1] === '-') continue;
    parts.push({ start: at, end: whole.start + m.index });
    at = whole.start + m.index + m[0].length;
  }
  parts.push({ start: at, end: whole.end });
  const heads = parts.every((p) => fslice(doc, p).split(/\s+/).some((w) => ROLE_HEAD.test(w)));
  return heads ? parts : [whole];
}

/**
 * "utses" elects unless it gives a task ("Ekonomichefen utses att underteckna avtalet"): "Till mötesordförande utses X
 * (S)" and "X utses att jämte ordföranden justera protokollet" fill an office of the meeting, as a protokoll's front
 * matter ("Utses att justera", "Justeringens plats och tid") lists them; no uppdrag.
 */
const ELECTED = /^\sutses\b/;
const JUSTERING = /^(?:jamte\s+\S+\s+)?(?:justera|justerare)\b/;
/**
 * A task that is only an appointment as the organisation's voice at a meeting of members ("som röstombud företräda
 * kommunen vid förbundsstämman", "representera regionen vid bolagsstämman i Energi AB"): a val, no follow-up (folded).
 * A task going on ("… och återrapportera stämmans beslut") or at another meeting ("vid förhandlingarna inför
 * bolagsstämman") is work.
 */
const REPRESENTS =
  /^(?:att\s+)?(?:som\s+(?:rost)?ombud\s+)?(?:foretrada|representera)\s+(?:\S+\s+){0,4}?vid\s+(?:\S+\s+){0,4}?\S*(?:stamma|stamman|stammor|stammorna|arsmote|arsmotet)\b(?:\s+(?:i|for)\s+[^.;,]{1,60}?)?(?:\s+\d{4})?\s*[.;]?\s*$/;

/** The head word of a political body (a nämnd, styrelse, utskott, direktion, beredning), not an official or a unit. */
const BODY_HEAD = /(?:namnd|namnden|fullmaktige|styrelse|styrelsen|utskott|utskottet|direktion|direktionen|beredning|beredningen)$/;
const bodyNamed = (doc: Doc, role: Span) => BODY_HEAD.test(fslice(doc, role).trim().split(/\s+/).at(-1) ?? '');
/** A task that is itself a report ("senast den 31 mars redovisa åtgärder …"), a time before it or not. */
const REPORT_TASK = /^(?:(?:senast|fore|innan|till|under|i|inom|vid)\s[^,;]{0,60}?\s)?(?:(?:ater|del|slut)?rapportera|(?:ater)?redovisa|aterkomma|lamna\s+(?:en\s+)?(?:del|slut)?rapport)\b/;

/**
 * "Förvaltningen återkommer till nämnden med en redovisning i maj" after "ge förvaltningen i uppdrag att utreda …": the
 * same doer telling, in the present tense, how it reports on that work: the work's report-back, not new work.
 */
function reportsBackOn(doc: Doc, commission: Commission, group: Candidate[]): boolean {
  const task = fslice(doc, commission.task);
  const [first] = commission.roles;
  const present = commission.told === 'present' && /^\s*(?:(?:ater|del|slut)?rapporterar|(?:ater)?redovisar|aterkommer)\b/.test(task);
  // "Nämnden ska återkomma till fullmäktige med ett förslag senast i maj": told with "ska" after its doer, not commissioned.
  const modal =
    commission.told === undefined &&
    !!first &&
    /^\s*(?:ska|skall)\s+$/.test(fslice(doc, { start: first.end, end: commission.task.start })) &&
    /^\s*(?:(?:ater|del|slut)?rapportera|(?:ater)?redovisa|aterkomma)\b/.test(task);
  if (!present && !modal) return false;
  const earlier = group.flatMap((c) => (c.role ? [normalizeRole(fold(c.role))] : []));
  // The doer named again, or by its head word alone: "Nämnden" after "barn- och utbildningsnämnden", "förvaltningen" after "socialförvaltningen".
  const same = (role: string) => earlier.some((e) => e === role || (!/\s/.test(role) && BARE_HEAD.test(role) && e.endsWith(role)));
  return commission.roles.length > 0 && commission.roles.every((r) => same(normalizeRole(fslice(doc, r).trim())));
}
/** A doer named by its head word alone, as a text names it again ("nämnden", "förvaltningen"), in its directory key's form (normalizeRole). */
const BARE_HEAD = /^(?:namnd|forvaltning|styrelse|utskott|arbetsutskott|kontor|direktion)$/;

/**
 * Political bodies given one piece of work together ("ger bildningsutskottet och samhällsutvecklingsutskottet i
 * uppdrag att utreda …") share one item, the role as written. Officials named together are each responsible (each
 * is reminded), and bodies asked to report ("… i uppdrag att redovisa åtgärder") each report for themselves.
 */
function jointly(doc: Doc, c: Commission): Commission {
  if (c.roles.length < 2 || !c.roles.every((r) => bodyNamed(doc, r)) || REPORT_TASK.test(fslice(doc, c.task))) return c;
  return { ...c, roles: [{ start: c.roles[0]?.start ?? 0, end: c.roles.at(-1)?.end ?? 0 }] };
}

/** Words that may stand between two noun phrases of one role ("förvaltningschefen i socialförvaltningen"). */
const ROLE_LINK = /^(?:i|pa|for|vid|inom|hos|med|och|samt|till|av)$/;

/**
 * The verb before its subject after an adverbial ("Vidare ger utskottet stadsbyggnadsförvaltningen i uppdrag att …"):
 * a body's name directly followed by another role is the giver, the role after it the one commissioned.
 */
function withoutGiver(doc: Doc, role: Span): Span {
  const words = [...fslice(doc, role).matchAll(/\S+/g)];
  const [first, second] = words;
  if (!first || !second || !BODY_HEAD.test(first[0]) || ROLE_LINK.test(second[0]) || !words.slice(1).some((w) => ROLE_HEAD.test(w[0]))) return role;
  return { start: role.start + second.index, end: role.end };
}

/** The role written just before a verb ("Kommundirektören får i uppdrag", "tekniska förvaltningen ska"). */
function roleBefore(doc: Doc, clause: Span, at: number): Span | undefined {
  const tokens = [...fslice(doc, { start: clause.start, end: at }).matchAll(/[a-z0-9-]+/g)].map((m) => ({
    word: m[0],
    start: clause.start + m.index,
    end: clause.start + m.index + m[0].length,
  }));
  const head = tokens.at(-1);
  if (!head || !ROLE_HEAD.test(head.word)) return undefined;
  let first = tokens.length - 1;
  for (let i = tokens.length - 2; i >= 0; i--) {
    const word = tokens[i]?.word ?? '';
    const after = tokens[i + 1]?.word ?? '';
    // "barn- och utbildningsnämnden"; "bildningsutskottet och samhällsutvecklingsutskottet får i uppdrag": two bodies together.
    const joins = word === 'och' && ((tokens[i - 1]?.word.endsWith('-') ?? false) || (BODY_HEAD.test(tokens[i - 1]?.word ?? '') && BODY_HEAD.test(head.word)));
    const fits = joins || word.endsWith('-') || after === 'och' || ['vice', 'bitradande'].includes(word) ||
      (!SCAN_STOP.has(word) && word.length >= 4 && /(?:s|a)$/.test(word));
    if (!fits) break;
    first = i;
  }
  const start = tokens[first]?.start ?? head.start;
  return { start, end: head.end };
}

/**
 * "Bolaget åläggs att senast den 31 december inkomma med en plan", "nämnden förelägger fastighetsägaren att …": a
 * föreläggande lays a duty on the one supervised, which the municipality follows up by its own supervision, not as work it owes.
 */
const SUPERVISED = '(?:bolaget|foretaget|fastighetsagaren|fastighetsagarna|verksamhetsutovaren|sokanden|exploatoren|byggherren|entreprenoren)';
const ENJOINED_SUPERVISED = new RegExp(`\\b${SUPERVISED}\\s+(?:alaggs|forelaggs)\\b|\\b(?:alagga|alagger|alade|forelagga|forelagger|forelade)\\s+${SUPERVISED}\\b`);

/** `f`: the clause's folded text, or a TaskList's masked lead. */
function readCommission(doc: Doc, clause: Span, f = fslice(doc, clause)): Commission | undefined {
  if (ENJOINED_SUPERVISED.test(f)) return undefined;
  const at = (m: RegExpExecArray, group = 1): Span => {
    const g = m[group] ?? '';
    const start = clause.start + m.index + m[0].indexOf(g);
    return { start, end: start + g.length };
  };
  // `needsHead`: the role must hold a role's head word ("any"), or end in one ("last").
  const delimited = (pattern: RegExp, exhortation = false, needsHead?: 'any' | 'last'): Commission | undefined => {
    const m = pattern.exec(f);
    if (!m) return undefined;
    const role = at(m);
    const words = fslice(doc, role).split(/\s+/);
    if (needsHead === 'any' && !words.some((w) => ROLE_HEAD.test(w))) return undefined;
    if (needsHead === 'last' && !ROLE_HEAD.test(words.at(-1) ?? '')) return undefined;
    return { roles: splitRoles(doc, pattern === GIVE ? withoutGiver(doc, role) : role), task: { start: clause.start + m.index + m[0].length, end: clause.end }, exhortation };
  };
  const found =
    handedOn(doc, clause) ??
    planCommission(doc, clause) ??
    delimited(GIVE) ??
    delimited(GIVE_TO) ??
    delimited(COMMISSION_TO) ??
    delimited(APPOINT_TO_SIGN) ??
    delimited(COMMISSION_BARE, false, 'any') ??
    delimited(ASK, false, 'any') ??
    delimited(LET, false, 'any') ??
    requested(delimited(REQUESTS, false, 'last')) ??
    delimited(ENJOIN, false, 'any') ??
    delimited(REFERRAL_BACK, false, 'any') ??
    sentBack(clause, SENT_BACK.exec(f)) ??
    caseComesBack(doc, clause, f) ??
    bareSentBack(doc, clause, f) ??
    delimited(INVERTED_COMMISSION, false, 'last') ??
    setUp(delimited(SET_UP, false, 'last') ?? delimited(SET_UP_PASSIVE, false, 'last'));
  if (found && REPRESENTS.test(fslice(doc, found.task))) return undefined;
  // Signed by two or more: one act, done together.
  if (found && found.roles.length > 1 && SIGNING.test(fslice(doc, found.task))) return { ...found, roles: [{ start: found.roles[0]?.start ?? 0, end: found.roles.at(-1)?.end ?? 0 }] };
  if (found) return jointly(doc, found);
  const fronted = FRONTED_MODAL.exec(f);
  if (fronted?.[2] && ROLE_HEAD.test(fronted[2].split(/\s+/).at(-1) ?? '')) {
    const roleAt = clause.start + fronted[0].indexOf(fronted[2], fronted[1]?.length ?? 0);
    const timeEnd = clause.start + (fronted[1]?.length ?? 0);
    return { roles: splitRoles(doc, { start: roleAt, end: roleAt + fronted[2].length }), task: { start: clause.start + fronted[0].length, end: clause.end }, exhortation: false, fronted: { start: clause.start, end: timeEnd } };
  }
  const subjects: [RegExp, Commission['told']][] = [[SUBJECT_COMMISSION, undefined], [SUBJECT_MODAL, undefined], [RESPONSIBLE, 'responsibility'], [WISH_NOW, 'wish'], [PRESENT_TASK, 'present']];
  for (const [pattern, told] of subjects) {
    const m = pattern.exec(f);
    if (m && ELECTED.test(m[0]) && (!/\satt\s+$/.test(m[0]) || JUSTERING.test(f.slice(m.index + m[0].length)) || REPRESENTS.test(f.slice(m.index + m[0].length)))) continue;
    const role = m ? roleBefore(doc, clause, clause.start + m.index) : undefined;
    if (m && role) return { roles: [role], task: { start: clause.start + m.index + m[0].length, end: clause.end }, exhortation: false, told };
    // "Region Uppsala ska utreda …", "Kommunen ska ta fram …": the organisation as a whole, no one named to do it.
    if (m && pattern === SUBJECT_MODAL && ORGANISATION.test(f.slice(0, m.index))) return { roles: [], task: { start: clause.start + m.index + m[0].length, end: clause.end }, exhortation: false, organisation: true };
  }
  return delimited(EXHORTATION, true);
}

const requested = (c: Commission | undefined): Commission | undefined => (c ? { ...c, requested: true } : undefined);

/**
 * "Ärendet återremitteras och ska återkomma till fullmäktige senast …", "Ärendet ska återkomma …", and after "Beslut:
 * Ärendet återremitteras." the subjectless "Ska återkomma för beslut i fullmäktige senast februari 2014": the case comes
 * back (folded; the match ends before "återkomma").
 */
const CASE_COMES_BACK = /^(?:(?:arendet|fragan)\s+(?:aterremitteras\s+(?:och\s+)?)?)?(?:ska|skall)\s+(?=aterkomma\b)/;

function caseComesBack(doc: Doc, clause: Span, f: string): Commission | undefined {
  const m = CASE_COMES_BACK.exec(f);
  if (!m) return undefined;
  // Subjectless only as a sentence of its own: after a commission's clause ("… och ska återkomma") it is that commission's.
  if (!/^(?:arendet|fragan)\b/.test(m[0]) && !/(?:^|[.:!?]\s*|\n\s*)$/.test(doc.text.slice(Math.max(0, clause.start - 3), clause.start))) return undefined;
  // Only a case sent back comes back so: "Kommunstyrelsen beslutar att avslå förslaget. Frågan skall återkomma först när
  // lagen trätt i kraft." is no work, and "… i uppdrag att utreda. Ska återkomma …" goes on with the commission.
  if (/\baterremitteras\b/.test(m[0])) return sentBack(clause, m);
  const from = Math.max(0, clause.start - 200);
  const preceding = fold(doc.text.slice(from, clause.start));
  const sentBackAt = /\baterremitt\w*\b[^.]{0,160}[.:]?\s*$/.exec(preceding);
  if (!sentBackAt) return undefined;
  const commission = { ...sentBack(clause, m)!, caseReturns: true };
  // "… återremittera ärendet till kommunstyrelsen (för …). Ärendet ska återkomma …": the body it went back to brings it back.
  const to = new RegExp(`^aterremitt\\w*\\s+(?:arendet\\s+)?till\\s+(${BODY_PHRASE})(?=[\\s.,:;]|$)`).exec(sentBackAt[0]);
  if (!to?.[1]) return commission;
  const target = from + sentBackAt.index + to[0].length - to[1].length;
  return { ...commission, roles: [{ start: target, end: target + to[1].length }] };
}

/**
 * A case sent back with nothing more said ("Kommunstyrelsen beslutar att återremittera frågan om simhallen", "Ärendet
 * återremitteras.", "… återremittera ärendet till kommunstyrelsen."): it comes back to the body that sent it, by the one
 * it went back to if named. Group 1 the matter after the verb, group 2 the matter before it, group 3 the body.
 * Not "inte återremittera", nor "återremitterades" (history), nor a yrkande or a proposition ("… avgöras i dag eller återremitteras").
 */
const BARE_SENT_BACK = new RegExp(
  `^(?:(?:[^.;]{0,140}?\\b(?:beslutar|beslutade|beslot)\\s+(?:att\\s+)?)?(?<!\\b(?:inte|ej)\\s+)aterremittera\\s+((?:arendet|fragan)(?:\\s+om\\s+[^.;:]{2,300}?)?)|(arendet|fragan(?:\\s+om\\s+[^.;:]{2,300}?)?)\\s+(?:ska\\s+)?aterremitteras)(?:\\s+till\\s+(${BODY_PHRASE}))?\\.?\\s*$`,
  'd',
);

function bareSentBack(doc: Doc, clause: Span, f: string): Commission | undefined {
  const m = BARE_SENT_BACK.exec(f);
  const matter = m?.[1] ?? m?.[2];
  if (!m || !matter || PROPOSING.test(f)) return undefined;
  // The groups' own offsets ('d'): a matter's word may stand earlier in the clause too ("I ärendet beslutar …").
  const [matterAt = 0] = m.indices?.[1] ?? m.indices?.[2] ?? [];
  const body = m.indices?.[3];
  const to = body ? [{ start: clause.start + body[0], end: clause.start + body[1] }] : [];
  // "… ärendet om slutenvårdsplatser som bland annat innebär …": the case is named before what it holds.
  const named = matter.length - (/\ssom\s.*$/.exec(matter)?.[0].length ?? 0);
  return { roles: to, task: { start: clause.start + matterAt, end: clause.start + matterAt + named }, exhortation: false, comesBack: true, verb: 'Återkomma i' };
}

function sentBack(clause: Span, m: RegExpExecArray | null): Commission | undefined {
  return m ? { roles: [], task: { start: clause.start + m.index + m[0].length, end: clause.end }, exhortation: false, comesBack: true } : undefined;
}

/**
 * A matter handed on to a body or group to prepare or decide: "KF överlåter åt samhällsbyggnadsnämnden
 * att besluta i ärendet", "hänskjuta rapporten med förslag till åtgärder till budgetberedningen",
 * "ärendet hänskjuts till samverkansgruppen". What is sent for information ("för kännedom") is no work,
 * nor is a decision sent out (see PAPERWORK).
 */
function handedOn(doc: Doc, clause: Span): Commission | undefined {
  const f = fslice(doc, clause);
  const over = HAND_OVER.exec(f) ?? DELEGATES_MATTER.exec(f);
  if (over?.[1]) {
    const start = clause.start + over.index + over[0].indexOf(over[1]);
    return { roles: recipients(doc, { start, end: start + over[1].length }), task: { start: clause.start + over.index + over[0].length, end: clause.end }, exhortation: false, handedOn: true };
  }
  const m = REFERRAL_ACTIVE.exec(f) ?? REFERRAL_PASSIVE.exec(f);
  // Sent for information, or sent out on remiss by its author ("skickar förslagen på remiss till markägare"): no work here.
  if (!m?.[1] || !m[2] || /\bfor\s+(?:kannedom|information)\b|\bpa\s+remiss\b/.test(m[0])) return undefined;
  // Remitted for an answer ("Ärendet remitteras till miljönämnden för yttrande") is a remiss passed on: the answers read it.
  if (/\bremitt/.test(m[0]) && /\bfor\s+yttrande\b/.test(m[0])) return undefined;
  // "Hänskjuta" and "remittera" refer a matter for handling by their meaning; "överlämna" and "skicka" only onward or for a purpose
  // ("Rapporten överlämnas till kommunstyrelsen" passes a report on).
  const referred = /hansk|remitt/.test(m[0]) || /\bvidare\b|\bfor\s+(?:beredning|beslut|handlaggning|vidare handlaggning|yttrande)\b/.test(m[0]);
  if (!referred) return undefined;
  const matterAt = clause.start + m.index + m[0].indexOf(m[1]);
  const toAt = clause.start + m.index + m[0].lastIndexOf(m[2]);
  const to = trimSpan(doc.text, { start: toAt, end: toAt + m[2].length });
  const words = fslice(doc, to).split(/\s+/);
  // The recipient is a body or a group: its name holds a role's head ("budgetberedningen", "samverkansgruppen för …").
  if (!words.some((w) => ROLE_HEAD.test(w) || BODY_AT_START.test(w))) return undefined;
  // A matter sent up to the council is the normal course to its decision ("överlämna ärendet till kommunfullmäktige för beslut"),
  // and so is an utskott's matter sent up to its styrelse ("Allmänna utskottets beslut: Hänskjuta ärendet till
  // kommunstyrelsen"), unless it is sent to be prepared there ("… till kommunstyrelsen för beredning") or the council
  // sends it down ("Kommunfullmäktige hänskjuter ärendet till kommunstyrelsen").
  const code = bodyCode(fslice(doc, to)) ?? '';
  if (COUNCIL_BODIES.has(code)) return undefined;
  // "Ärendet remitteras till kommunstyrelsen för beslut": remitted down, as only the council does.
  if (BOARD_BODIES.has(code) && !/\bfor\s+(?:beredning|handlaggning|vidare handlaggning|yttrande)\b|\bremitt/.test(m[0]) && !councilSays(doc, clause.start + m.index)) return undefined;
  return { roles: recipients(doc, to), task: { start: matterAt, end: matterAt + m[1].length }, exhortation: false, verb: 'Bereda', handedOn: true };
}

/** How far back a sentence is read for the body that says it. */
const SAYER_LOOKBACK = 200;

/**
 * Whether the council says the sentence at `at` ("Kommunfullmäktige hänskjuter ärendet till kommunstyrelsen",
 * "Kommunfullmäktige beslutar att hänskjuta …"): read back to the sentence's start, at most SAYER_LOOKBACK characters.
 */
function councilSays(doc: Doc, at: number): boolean {
  const before = doc.folded.slice(Math.max(0, at - SAYER_LOOKBACK), at);
  const sentence = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1);
  return /\b(?:kommun|region|landstings)?fullmaktige\b|\b(?:kf|rf|lf)\b/.test(sentence);
}

/** "ge ett planuppdrag för en fördjupad översiktsplan", "ge samhällsbyggnadsnämnden planuppdrag för …": make the plan. */
const PLAN_COMMISSION = new RegExp(`\\b(?:ge|ger|gav|lamna|lamnar|lamnade)\\s+(?:(${NOT_ATT}{2,80}?)\\s+)??(?:ett\\s+)?(?:positivt\\s+)?planuppdrag(?:et)?\\s+(?:for|om|avseende|gallande)\\s+`);

/** A planning commission (plan- och bygglagen): to draw up the plan, for the body it names, else for no one named. */
function planCommission(doc: Doc, clause: Span): Commission | undefined {
  const f = fslice(doc, clause);
  const m = PLAN_COMMISSION.exec(f);
  if (!m) return undefined;
  const roleAt = m[1] ? clause.start + m.index + m[0].indexOf(m[1]) : undefined;
  const role = roleAt !== undefined ? { start: roleAt, end: roleAt + (m[1]?.length ?? 0) } : undefined;
  if (role && !fslice(doc, role).split(/\s+/).some((w) => ROLE_HEAD.test(w))) return undefined;
  return { roles: role ? [role] : [], task: { start: clause.start + m.index + m[0].length, end: clause.end }, exhortation: false, verb: 'Ta fram' };
}

/** The bodies a matter goes to, none when the text names no one in particular ("flera nämnder"). */
function recipients(doc: Doc, span: Span): Span[] {
  return UNNAMED.test(fslice(doc, span)) ? [] : splitRoles(doc, span);
}

// ---------------------------------------------------------------- deadlines and titles

/** A body named in a span as the one reported to ("till kommunstyrelsen", "kommunstyrelsens sammanträde", "till KS"). */
function targetBody(doc: Doc, span: Span, decider: string | undefined, organisation: Organisation): string | undefined {
  const f = fslice(doc, span);
  const named = new RegExp(`\\b(?:till|for|infor|vid|pa|i|forelaggas)\\s+(${BODY_PHRASE})\\b|\\b(${BODY_PHRASE})\\s+sammantrade`).exec(f);
  const phrase = named?.[1] ?? named?.[2];
  // As written, not folded: a nämnd's code keeps its letters ("äldre- och omsorgsnämnden" → ÄON; folding keeps offsets).
  if (named && phrase) {
    const at = named.index + named[0].indexOf(phrase);
    return bodyCode(slice(doc, span).slice(at, at + phrase.length), decider, organisation);
  }
  const short = /\b(?:till|för|inför|vid|i)\s+([A-ZÅÄÖ]{2,5}(?:-?AU)?)\b/.exec(slice(doc, span))?.[1];
  return short && /^(?:KF|KS|KSAU|[A-ZÅÄÖ]{1,4}N|[A-ZÅÄÖ]{2,4}-?AU)$/.test(short) ? bodyCode(short) : decider;
}

interface Deadline {
  due?: DraftDue;
  /** Further report-back occasions ("i april och i oktober"): one item each. */
  more: DraftDue[];
  report: boolean;
  vague?: string;
  used?: Timing;
}

/** The deadline of a task: its report-back part first, else a deadline in the task itself. */
function deadlineOf(doc: Doc, task: Span, meta: BlockMeta, reportFrom?: number): Deadline {
  const f = fslice(doc, task);
  const reportSpan = reportFrom !== undefined ? { start: reportFrom, end: task.end } : REPORT_VERB.test(f) ? task : undefined;
  const inReport = reportSpan ? timingsIn(doc, reportSpan, meta.ref) : [];
  const inTask = timingsIn(doc, task, meta.ref).filter((t) => (t.marked || t.form === 'meetingDate' || t.form === 'vague') && !nestedPeriod(doc, task, t));
  const timings = inReport.some((t) => t.form !== 'vague') ? inReport : [...inTask, ...inReport];
  const used = timings.find((t) => t.form !== 'vague');
  const vague = timings.find((t) => t.form === 'vague');
  const atMeeting = used?.form === 'meetingDate' || (used?.form === 'month' && /sammantrade/.test(f));
  const report = !!reportSpan || atMeeting;
  if (!used) return { report, vague: vague ? slice(doc, vague) : undefined, more: [] };
  if (used.form === 'date') return { due: { date: used.date }, report, used, more: [] };
  if (used.form === 'period') {
    // A report-back within a period is due at the body's last meeting by its end; other work by its end.
    const to = report ? targetBody(doc, reportSpan ?? task, meta.decider, meta.organisation) : undefined;
    // "vid årets sista sammanträde" names one meeting: no period to check.
    return { due: to ? { meeting: { body: to, by: used.by } } : { date: used.by }, report, used, vague: used.exact ? undefined : slice(doc, used), more: [] };
  }
  const body = targetBody(doc, reportSpan ?? { start: Math.max(task.start, used.start - 60), end: used.end }, meta.decider, meta.organisation);
  if (!report && used.form === 'month') return { due: { date: endOfMonth(used.month) }, report, used, more: [] };
  if (!body) return { report: true, used, more: [] };
  const meetingOf = (t: Timing): DraftDue | undefined =>
    t.form === 'month' ? { meeting: { body, month: t.month } } : t.form === 'meetingDate' ? { meeting: { body, date: t.date } } : undefined;
  const more = inReport.filter((t) => t.start > used.start).flatMap((t) => meetingOf(t) ?? []);
  return { due: meetingOf(used), report: true, used, more };
}

/**
 * A period in a clause of its own within the task ("utreda kostnaderna för att starta två avdelningar under
 * hösten") says when that is done, not when the task is due; "senast" makes it the task's deadline.
 */
function nestedPeriod(doc: Doc, task: Span, t: Timing): boolean {
  if (t.form === 'date' || t.form === 'meetingDate' || (t.form === 'period' && t.exact)) return false;
  const before = fslice(doc, { start: task.start, end: t.start });
  return /\satt\s/.test(before) && !/\b(?:senast|fore|innan|till och med)\s+(?:den\s+)?$/.test(before);
}

const LEFT_OF_TIMING =
  /(?:\s*,)?\s*(?:(?:senast|fore|innan|till och med|t\.o\.m\.?|inom)\s+)?(?:(?:till|vid|pa|infor)\s+(?:(?:[a-z-]+\s+(?:och|eller)\s+)?[a-z]+s\s+){0,2}sammantrade[a-z]*\s+(?:den\s+)?)?(?:\b(?:senast|fore|innan|under|vid|till)\s+)?(?:\bden\s+)?$/;
const RIGHT_OF_TIMING = /^\s*fran (?:och med )?(?:detta |dagens )?beslut(?:et|sdatum)?/;
const TRAILING_TARGET = new RegExp(`\\s+(?:till|for|infor)\\s+${BODY_PHRASE}\\s*$`);
/** "till kommunstyrelsen presentera …" once its timing is cut: the body reported to, before the task. */
const LEADING_TARGET = new RegExp(`^\\s*(?:till|infor)\\s+${BODY_PHRASE}\\s+(?=${TASK_VERB}\\b|presentera\\b)`);

/** The task in the clerk's words: no deadline phrase, no "to whom", no dangling conjunction. */
function titleOf(doc: Doc, span: Span, remove: Span[], meta: BlockMeta): string {
  const cuts = remove.map((r) => {
    const before = fslice(doc, { start: Math.max(span.start, r.start - 120), end: r.start });
    const left = LEFT_OF_TIMING.exec(before)?.[0].length ?? 0;
    const right = RIGHT_OF_TIMING.exec(fslice(doc, { start: r.end, end: span.end }))?.[0].length ?? 0;
    return { start: r.start - left, end: r.end + right };
  });
  let s = '';
  let f = '';
  for (let i = span.start; i < span.end; i++) {
    if (cuts.some((c) => i >= c.start && i < c.end)) continue;
    s += doc.text[i];
    f += doc.folded[i];
  }
  const cut = (pattern: RegExp) => {
    const m = pattern.exec(f);
    if (!m) return;
    s = s.slice(0, m.index) + s.slice(m.index + m[0].length);
    f = f.slice(0, m.index) + f.slice(m.index + m[0].length);
  };
  cut(/^\s*att\s+/);
  cut(LEADING_TARGET);
  cut(new RegExp(`^\\s*(?:i samverkan med|i samrad med|tillsammans med)\\s+[^,]{1,60}?\\s+(?=${TASK_VERB}\\b)`));
  // "ha tagit fram underlag" (done by a meeting) is the task "ta fram underlag".
  const perfect = new RegExp(`^\\s*ha\\s+(${TASK_SUPINE})\\b`).exec(f);
  if (perfect?.[1]) {
    const task = SUPINES[perfect[1].replace(/\s+/g, ' ')] ?? perfect[1];
    s = task + s.slice(perfect[0].length);
    f = fold(task) + f.slice(perfect[0].length);
  }
  const relative = /,\s*(?:dar|som|vilket|vilken|eftersom)\b/.exec(f);
  if (relative) {
    s = s.slice(0, relative.index);
    f = f.slice(0, relative.index);
  }
  for (let i = 0; i < 3; i++) {
    cut(/[\s,;:.–-]+$/);
    cut(TRAILING_TARGET);
    cut(/\s+(?:och|samt|att)$/);
    // "en plan som redovisas [till kommunstyrelsen]": the report-back is the item's kind, not its title.
    cut(/\s+som\s+(?:ska\s+)?(?:(?:ater)?redovisas|(?:ater)?rapporteras)$/);
  }
  let title = restoreDiacritics(s.replace(/\s+/g, ' ').trim(), doc.lexicon);
  if (title.length > 140) title = `${title.slice(0, title.lastIndexOf(' ', 140))}…`;
  title = opening(title);
  if (meta.title && /\b(?:uppdraget|remissen|avtalet|arendet|beslutet)\b/.test(fold(title)) && !fold(title).includes(fold(meta.title))) {
    // "… över remissen" and a § titled "Remiss – Regional cykelstrategi": the § title without its own "Remiss".
    const subject = /\bremissen\b/.test(fold(title)) ? meta.title.replace(REMISS_HEADING, '') : meta.title;
    title = `${title} – ${restoreDiacritics(subject, doc.lexicon)}`;
  }
  return title.slice(0, 200);
}

/** A § titled as a remiss: "Remiss – Regional cykelstrategi", "Remiss över …", "Remissen om …". */
const REMISS_HEADING = /^remiss(?:en)?\s*(?:[–:-]|över|om|av)\s*/i;

// ---------------------------------------------------------------- items from a block

function decisionOf(meta: BlockMeta): DraftDecision {
  return { body: meta.decider, date: meta.date, paragraph: meta.paragraph };
}

function taskItems(doc: Doc, meta: BlockMeta, commission: Commission, source: Span, point: Point): Candidate[] {
  const { task } = commission;
  const f = fslice(doc, task);
  const split = REPORT_SPLIT.exec(f);
  const reportFrom = split ? task.start + split.index + split[0].length : undefined;
  const inTask = deadlineOf(doc, task, meta, reportFrom);
  const deadline = commission.fronted && !inTask.due && !inTask.vague ? deadlineOf(doc, { start: commission.fronted.start, end: task.end }, meta, reportFrom) : inTask;
  const main = split && split.index > 8 ? { start: task.start, end: task.start + split.index } : task;
  const marked = timingsIn(doc, main, meta.ref).filter((t) => t.marked);
  const written = titleOf(doc, main, deadline.used ? [deadline.used, ...marked] : marked, meta);
  // A commission verb with nothing after it ("uppdra åt X att" at a page's end) is no task.
  if (!/\p{L}{2}/u.test(written)) return [];
  const told = commission.verb ? `${commission.verb} ${inSentence(written, doc.lexicon)}` : commission.told === 'present' || commission.requested ? infinitive(written) : commission.told === 'responsibility' ? activeTitle(written, doc.lexicon) : written;
  // A case sent back "för att återkomma" with nothing more: the title names the case by the agenda line just above
  // ("15. Kontantlöst arbetssätt …" → "Återkomma i ärendet kontantlöst arbetssätt …").
  const agendaLine = commission.comesBack && /^aterkomma(?:\s+(?:for\s+beslut|till|i)\b[^,]*)?$/.test(fold(told)) ? agendaLineAbove(doc, source.start) : undefined;
  const title = agendaLine ? `Återkomma i ärendet ${inSentence(agendaLine, doc.lexicon)}`.slice(0, 200) : told;
  const flags = point.flag ? [point.flag] : [];
  if (!commission.roles.length) flags.push('Ingen ansvarig anges: ange vem som ska utföra beslutet.');
  let confidence = point.confidence;
  if (deadline.vague) {
    confidence -= 0.1;
    flags.push(vagueFlag(deadline));
  } else if (deadline.report && !deadline.due) {
    flags.push('Återrapporteringen saknar tidpunkt eller organ: ange en tidsfrist.');
  }
  const dues = [deadline.due, ...deadline.more];
  // "Kommunstyrelsen ger sig själv i uppdrag att …": the deciding body is responsible.
  const roleOf = (role: Span | undefined) =>
    role && /^sig sjalva?$/.test(fslice(doc, role).trim()) && meta.decider ? (BODY_NAMES[meta.decider] ?? meta.decider) : role ? slice(doc, role) : undefined;
  const roles = commission.roles.length ? commission.roles : [undefined];
  return roles.flatMap((role) => dues.map((due) => ({
    kind: deadline.report || commission.comesBack ? 'aterrapportering' : 'uppdrag',
    title,
    role: roleOf(role),
    due,
    decision: decisionOf(meta),
    caseNumber: meta.caseNumber,
    confidence,
    flags: [...flags],
    source,
    approximate: !!deadline.vague && !!deadline.due,
    handedOn: commission.handedOn,
    setUp: commission.setUp,
  })));
}

/** An agenda item's numbered line ("15. Kontantlöst arbetssätt …", "6 PM: Tid för inlärning"): group 1 its title. */
const AGENDA_LINE = /^\s*\d{1,2}[.)]?\s+(\p{Lu}.*)$/u;

/** The whole lines above the one `at` is on, nearest first, within the 300 characters before it (an agenda item's few lines). */
function linesAbove(doc: Doc, at: number): string[] {
  return doc.text.slice(Math.max(0, at - 300), at).split('\n').slice(1, -1).reverse();
}

/**
 * The title of the agenda item `at` is in: the nearest numbered line above it ("15. Kontantlöst arbetssätt …"), not past
 * a § heading ("§ 88 Simhall i Norrby": what stands above it is another matter's).
 */
function agendaLineAbove(doc: Doc, at: number): string | undefined {
  for (const line of linesAbove(doc, at)) {
    if (/^\s*§/.test(line)) return undefined;
    const title = AGENDA_LINE.exec(line)?.[1]?.trim();
    if (title && title.length >= 3 && title.length <= 150) return title;
  }
  return undefined;
}

/** How the flag of a due set to a period's end begins: taken back when a better due, or none, replaces it. */
const PERIOD_FLAG = 'Tidpunkten är en period';

function vagueFlag(deadline: Deadline): string {
  return deadline.due
    ? `${PERIOD_FLAG} ("${deadline.vague}"): tidsfristen satt till periodens slut, kontrollera.`
    : `Tidpunkten är inte exakt ("${deadline.vague}"): ange en tidsfrist.`;
}

/**
 * "En arbetsgrupp inrättas med uppdrag att göra en översyn … Arbetsgruppen ska redovisa sitt uppdrag till
 * regionstyrelsen i april": the group told again as the subject of its report-back is one item, told by that
 * sentence, under the set-up task's title. `items` loses the set-up item.
 */
function sameGroup(groups: Map<string, Candidate>, replaced: Set<Candidate>, made: Candidate[]): void {
  const [item] = made;
  if (!item?.role || made.length !== 1) return;
  const role = fold(item.role).trim().split(/\s+/);
  // The group's head noun, as set up ("en politisk arbetsgrupp" → "arbetsgrupp") or told again ("arbetsgruppen").
  const head = role.at(-1) ?? '';
  if (item.setUp) {
    groups.set(head, item);
    return;
  }
  const earlier = role.length === 1 ? (groups.get(head.replace(/(?:en|et|n)$/, '')) ?? groups.get(head)) : undefined;
  if (!earlier || earlier === item) return;
  if (/^(?:redovisa|aterrapportera|rapportera|presentera)\s+(?:sitt|sina|det|resultatet)\b/.test(fold(item.title))) item.title = earlier.title;
  replaced.add(earlier);
}

/** A later sentence or clause that gives the previous commission its report-back or deadline. */
function attach(doc: Doc, meta: BlockMeta, group: Candidate[], span: Span): void {
  const f = fslice(doc, span);
  // "Utredningen ska vara klar senast 31 maj och redovisas för nämnden i juni": the report-back's part is after "och", as in a task.
  const split = REPORT_SPLIT.exec(f);
  const deadline = deadlineOf(doc, span, meta, split ? span.start + split.index + split[0].length : REPORT_VERB.test(f) ? span.start : undefined);
  if (!deadline.due && !deadline.vague) {
    // "Läget rapporteras till kommunstyrelsen vid varje sammanträde": a report-back with no one time, as within the
    // commission's own clause (see taskItems).
    if (deadline.report) {
      for (const item of group) {
        item.kind = 'aterrapportering';
        if (!item.due) item.flags.push('Återrapporteringen saknar tidpunkt eller organ: ange en tidsfrist.');
        item.opening ??= item.source;
        item.source = { start: Math.min(item.source.start, span.start), end: Math.max(item.source.end, span.end) };
      }
    }
    return;
  }
  for (const item of group) {
    // "ta fram en plan senast den 30 april, samt att återrapportera i juni": the report-back's meeting is the item's due, as
    // it is within one clause (see deadlineOf).
    if (deadline.report && item.kind === 'uppdrag' && deadline.due && 'meeting' in deadline.due && item.due && 'date' in item.due) item.due = deadline.due;
    if (deadline.report) item.kind = 'aterrapportering';
    // A period gives a deadline, flagged for a check; a phrase with no date ("i samband med bokslutet") lowers the confidence too.
    if (deadline.vague && !item.due) {
      if (!deadline.due) item.confidence -= 0.1;
      item.flags.push(vagueFlag(deadline));
    }
    if (item.approximate && deadline.due && !deadline.vague) {
      item.approximate = false;
      item.confidence += 0.1;
      item.flags = item.flags.filter((f) => !f.startsWith(PERIOD_FLAG));
      item.due = deadline.due;
    }
    if (!item.due && deadline.due) item.due = deadline.due;
    item.opening ??= item.source;
    item.source = { start: Math.min(item.source.start, span.start), end: Math.max(item.source.end, span.end) };
  }
}

/**
 * The items of one decision point: commissions, with report-backs and deadlines from later clauses and sentences.
 * `carried`: the commissions of the point before, when this point goes on with them (see goesOnWith).
 */
function* pointItems(doc: Doc, meta: BlockMeta, point: Point, plain: boolean, exhortations: Candidate[], carried?: Candidate[]): Steps<Candidate[]> {
  const items: Candidate[] = [];
  const duties: Candidate[] = [];
  // The passives of work told so far in the point (see passiveDuty).
  const told = new Set<string>();
  // The groups the point sets up, by head noun, and the set-up items their own report-backs stand for (see sameGroup).
  const groups = new Map<string, Candidate>();
  const replaced = new Set<Candidate>();
  let group: Candidate[] | undefined = carried;
  // A plural report-back reaches the commissions since the one before it (each read once: linear in the point).
  let pluralFrom = 0;
  const sincePluralBack = (also: Candidate[]): Candidate[] => {
    const reached = commissionsAmong([...also, ...(pluralFrom === 0 ? (carried ?? []) : []), ...items.slice(pluralFrom)]);
    pluralFrom = items.length;
    return reached;
  };
  // In a summary, a decision reported ("Socialnämnden beslutade att …") goes on in the sentences after it.
  let reported = false;
  const { list } = point;
  const sentences = list ? [...sentencesOf(doc, { start: point.start, end: list.sentence.start }), list.sentence] : sentencesOf(doc, point);
  // "6. Medborgarförslag om X. KF överlåter åt nämnden att besluta i ärendet": the matter "ärendet" means.
  const named = sentences.length > 1 && sentences[0] ? MATTER_NAMED.exec(slice(doc, sentences[0])) : null;
  const local = named ? { ...meta, title: named[0].replace(/[.\s]+$/, '') } : meta;
  for (const [n, sentence] of sentences.entries()) {
    yield;
    // A reported decision goes on to the end of its paragraph (a point of a summary may hold several, see underTitles).
    if (/\n\s*\n/.test(doc.text.slice(sentences[n - 1]?.end ?? sentence.start, sentence.start))) reported = false;
    // A motion's own words on an agenda ("Inkommen motion från … ”Uppdra till förvaltningen att …”") decide nothing.
    if (isQuestion(doc, sentence) || HABITUAL.test(fslice(doc, sentence)) || INCOMING_MOTION.test(fslice(doc, sentence))) continue;
    // "… gav kommunledningskontoret i uppdrag att utreda … . Utredningen har nu återrapporterats.": work done, its commission
    // history. Only a commission told in the past: "… ger förvaltningen i uppdrag …. Utredningen har genomförts och visar …"
    // tells of earlier work beside the commission decided now.
    if (group && WORK_DONE.test(fslice(doc, sentence)) && group.every((c) => PAST_COMMISSION.test(fslice(doc, c.source)))) {
      const done = new Set(group);
      items.splice(0, items.length, ...items.filter((c) => !done.has(c)));
      group = undefined;
      continue;
    }
    if (plain && PROPOSING.test(fslice(doc, sentence))) continue;
    // "Kommunstyrelsens arbetsutskott beslutade den 6 maj 2008, § 190, att ge …": a decision of another day, the case's history.
    if (decidedEarlier(doc, meta, sentence)) continue;
    // In text outside a decision, only a decision it reports ("Fullmäktige beslutade att …", "… . Det har
    // kommunfullmäktige beslutat.") states a duty; in a summary, so do the sentences that go on with it.
    const attribution = plain ? attributionAfter(doc, meta, sentences, n) : undefined;
    const reports = plain && (reportsThisDecision(doc, meta, sentence) || !!attribution);
    const states = !plain || reports || (meta.summary && reported);
    reported ||= meta.summary && reports;
    let sentenceGroup: Candidate[] | undefined;
    let last: Commission | undefined;
    const before = items.length + duties.length;
    const dutiesBefore = duties.length;
    // A commission passed over (refused, or of another day): its report-back words are its own, not the work before's.
    let passedOver = false;
    for (const clause of sentence === list?.sentence ? list.clauses : clausesOf(doc, sentence)) {
      doc.work.charge(CLAUSE_UNITS);
      const cf = clause === list?.lead ? list.masked : fslice(doc, clause);
      const read = readCommission(doc, clause, cf);
      if (read?.organisation && !states) continue;
      // "Region Uppsala ska ta fram … . Detta uppdrag beslutade nämnden att lägga på regiondirektören.": the doer named after.
      const doer = read?.organisation && attribution ? assignee(doc, attribution) : undefined;
      const commission = read && doer ? { ...read, roles: [doer] } : read;
      if (commission?.told && !heldHere(doc, meta, commission, plain, states, clause)) continue;
      // "Kommunstyrelsen avslår yrkandet om att ge kommundirektören i uppdrag …": a commission refused.
      // "Kommunstyrelsen gav förvaltningen i uppdrag …" outside a decision is the case's history, but in a
      // summary of a meeting it is what the meeting decided (unless another date is written).
      // "har tidigare fått i uppdrag", "noterar att kommundirektören har fått i uppdrag", "har fått i uppdrag (KSAU 24,
      // 2014-02-09)": an earlier commission told, noted or dated another day, even where the decision's words stand.
      // Tense and time are the commission's own words before its task ("Förvaltningen har fått i uppdrag att", "gav i
      // höstas regiondirektören i uppdrag att"), or a reference in brackets: "… de medel som nämnden fick i fjol" tells
      // of the task, not of when it was given.
      const given = commission ? { start: clause.start, end: Math.max(clause.start, Math.min(clause.end, commission.task.start)) } : undefined;
      const gf = given ? fslice(doc, given) : '';
      if (
        commission &&
        (REFUSED_PROPOSAL.test(cf) ||
          (plain && PAST_COMMISSION.test(gf) && !(meta.summary && !datedBefore(doc, meta, [sentence]))) ||
          (PAST_COMMISSION.test(gf) && (EARLIER.test(gf) || NOTED.test(gf) || (!!meta.date && datedBefore(doc, meta, [given!, ...bracketed(doc, sentence)])))))
      ) {
        passedOver = true;
        continue;
      }
      if (commission && group && !sentenceGroup && (reportsBackOn(doc, commission, group) || commission.caseReturns)) {
        attach(doc, meta, group, clause);
        continue;
      }
      if (commission) {
        const made = taskItems(doc, local, commission, sentence, point);
        // An uppmaning asks another body to act: shown to the clerk, never proposed as an item.
        if (commission.exhortation) exhortations.push(...made);
        else {
          sameGroup(groups, replaced, made);
          items.push(...made);
          sentenceGroup = made;
          last = commission;
        }
        continue;
      }
      // "… i uppdrag att A och att [till KS sammanträde den 6 november] ta fram B": a second commission
      // to the same, with its own deadline; "… och att återrapportera …" gives the first its report-back.
      const second = SECOND_TASK.exec(cf);
      if (sentenceGroup && last && second && !REPORT_VERB.test(second[1] ?? '')) {
        const made = taskItems(doc, meta, { ...last, task: clause }, sentence, point);
        items.push(...made);
        // "att utreda A, att ta fram B och att återrapportera …": the closing report-back is each task's.
        sentenceGroup = [...sentenceGroup, ...made];
        continue;
      }
      // "… och att återrapportera", "…, samt att åtgärdsplanen ska redovisas för nämnden i maj": the commission's report-back.
      if (sentenceGroup && (TASK_START.test(cf) || FOLLOW_UP.test(cf) || SHALL_BY.test(cf))) {
        attach(doc, meta, refersToAll(cf) ? sincePluralBack(sentenceGroup) : sentenceGroup, clause);
        continue;
      }
      if (!sentenceGroup && !plain && TASK_START.test(cf) && meta.decider) {
        const subject = BODY_AT_START.exec(fslice(doc, sentence))?.[1];
        const body = subject ? slice(doc, { start: sentence.start, end: sentence.start + subject.length }) : (BODY_NAMES[meta.decider] ?? meta.decider);
        items.push(...selfTask(doc, meta, clause, sentence, point, body));
        continue;
      }
      // "Uppdraget ska redovisas …" after a commission is its report-back, not a duty of its own.
      const refersBack = group && followsUp(fslice(doc, sentence));
      if (sentenceGroup || refersBack) continue;
      // A citizen proposal granted is told by its body's own sentence ("Tekniska nämnden biföll medborgarförslaget").
      const granted = states || meta.summary ? grantedProposal(doc, meta, clause, sentence, point, told, states) : undefined;
      if (granted) duties.push(...granted);
      else if (states) duties.push(...(letDone(doc, meta, clause, sentence, point) ?? passiveDuty(doc, meta, clause, sentence, point, told)));
    }
    if (sentenceGroup) group = sentenceGroup;
    // "Reglerna ska ses över. Översynen ska vara klar till sommaren": a duty, too, takes its deadline from what follows.
    else if (items.length + duties.length > before) group = duties.slice(dutiesBefore);
    else if (group && !passedOver && followsUp(fslice(doc, sentence))) {
      attach(doc, meta, refersToAll(fslice(doc, sentence)) ? sincePluralBack(group) : group, sentence);
    }
    else items.push(...passiveReport(doc, meta, sentence, point, plain));
  }
  // "Antalet platser ska utökas. Förvaltningen ges i uppdrag att återkomma med förslag": the direction waits for the proposals.
  const awaited = items.some((c) => /^aterkomma\b.*\b(?:forslag|underlag)/.test(fold(c.title)));
  // "Fyra frågor ska utredas vidare. En kartläggning ska göras … Det ska utredas hur …": the parts replace the count.
  const standing = duties.filter((c, i) => !(c.counted && duties.length - 1 - i >= 2));
  const kept = replaced.size ? items.filter((c) => !replaced.has(c)) : items;
  return awaited ? kept : [...kept, ...standing].sort((a, b) => a.source.start - b.source.start);
}

/**
 * A commission told without a commission's verb holds only where the decision speaks: a responsibility
 * ("ansvarar för att …", RESPONSIBLE) with a deadline, and work in the present tense (PRESENT_TASK) with a
 * report-back and its time, in a decision or one reported; an intent "vill nu" (WISH_NOW) in a decision or a
 * summary of the meeting. The same words in a description, a reglemente or the case history set no work.
 */
function heldHere(doc: Doc, meta: BlockMeta, commission: Commission, plain: boolean, states: boolean, clause: Span): boolean {
  if (commission.told === 'wish') return !plain || meta.summary;
  if (!states) return false;
  // A decision's own "att"-clause ("Tillägg: \"att resultatenheterna … återkommer med rapport om …\"") decides the report-back, time or not.
  // The clause up to its verb, with the words before it: "… att förvaltningen återkommer"; not what the body notes
  // ("konstaterar att förvaltningen återkommer …"), which tells of a report and decides none.
  const lead = fold(doc.text.slice(Math.max(0, clause.start - 30), commission.task.start));
  const attClause = /\batt\s+(?:\S+\s+){1,8}$/.test(lead) && !/\b(?:konstaterar|konstaterade|noterar|noterade|informerades\s+om|framgar|vet|visar)\s+att\s/.test(lead);
  if (commission.told === 'present' && !plain && attClause && REPORT_VERB.test(fslice(doc, commission.task))) return true;
  const times = timingsIn(doc, commission.task, meta.ref);
  if (commission.told === 'responsibility') return times.some((t) => t.marked);
  return REPORT_VERB.test(fslice(doc, commission.task)) && times.length > 0;
}

/** What may lead a decision told with the verb first: "Därför har kommunstyrelsen beslutat att", "På mötet beslutade nämnden att" (never "Tidigare …"). */
const THIS_MEETING_LEAD = '(?:darfor|darmed|nu|sedan|darefter|dessutom|ocksa|aven|vidare|slutligen|idag|i dag|(?:pa|vid|under) (?:dagens |kvallens )?(?:motet|sammantradet))';
/**
 * "Kommunstyrelsen beslutade att", "Kommunstyrelsens ledamöter beslutade utifrån det att", "Fullmäktige har beslutat att",
 * and with the verb first after a word of this meeting: "Därför har kommunstyrelsen beslutat att".
 */
const REPORTED_DECISION = new RegExp(
  `^(?:${BODY_PHRASE}(?:\\s+ledamoter)?\\s+(?:har\\s+)?(?:beslutade|beslutar|beslot|beslutat)|${THIS_MEETING_LEAD},?\\s+(?:har\\s+${BODY_PHRASE}\\s+beslutat|(?:beslutade|beslot|beslutar)\\s+${BODY_PHRASE}))\\s+(?:\\S+\\s+){0,6}?att\\b` +
    // "I beslutet ingår att en utvärdering ska genomföras …": the decision just told, one more of its parts.
    `|^i\\s+beslutet\\s+ingar\\s+(?:ocksa\\s+|aven\\s+)?att\\b`,
);
/**
 * "Det har kommunfullmäktige beslutat.", "Det beslutade kommunstyrelsen vid sitt sammanträde 6/3.", "Detta
 * beslutade regionstyrelsen vid sitt möte.", "Detta uppdrag beslutade den regionala utvecklingsnämnden att lägga
 * på …": what went before is the decision.
 */
const ATTRIBUTION = new RegExp(`^det(?:ta)?\\s+(?:uppdrag\\s+)?(?:har\\s+${BODY_PHRASE}\\s+beslutat|beslutade\\s+(?:den\\s+)?(?:[a-z]+a\\s+)?${BODY_PHRASE})\\b`);
/** A sentence that names a matter: "Medborgarförslag om bakteriemätning i Vassbotten." */
const MATTER_NAMED = /^(?:Medborgarförslag|E-förslag|Motion|Förslag|Ansökan|Skrivelse|Framställan|Begäran)\b[^.]{3,150}\.?$/u;
/** "Ibland bestämmer fullmäktige att en nämnd ska utreda …": how things are usually done, no decision. */
const HABITUAL = /^(?:ibland|ofta|oftast|normalt|vanligtvis|vanligen|i regel|i normalfallet)\b|\bbrukar\b/;
/** "avslår yrkandet om att …", "avslå Per Eks förslag att …": what follows is refused, no commission. */
const REFUSED_PROPOSAL = /\b(?:avsla|avslar|avslas|avslog|avslogs)\b[^.;]{0,80}?\b(?:yrkande|yrkandet|yrkandena|tillaggsyrkande|tillaggsyrkandet|forslag|forslaget)\s+(?:om\s+)?att\b/;
/** Commissions told in the past: "gav … i uppdrag", "uppdrog åt", "fick i uppdrag", "har fått i uppdrag". */
const PAST_COMMISSION = /\b(?:gav|gavs|uppdrog|fick|fatt|overlat|overlot|hanskot|hanskots|overlamnade|overlamnades|remitterade|remitterades|skickade|skickades)\b/;

/** "har tidigare fått i uppdrag", "sedan tidigare", "redan", "gav i höstas", "i fjol", "Under fjolåret gav": a commission of an earlier day. */
const EARLIER = /\b(?:tidigare|redan|forra (?:aret|gangen|sammantradet|hosten|varen|sommaren|vintern)|foregaende ar|fjolaret|i (?:hostas|varas|somras|vintras|fjol)|ifjol)\b/;
/** "noterar att", "konstaterar att", "tar del av att": what the body takes note of, not what it decides. */
const NOTED = /\b(?:noterar|noterade|konstaterar|konstaterade|tar del av|tog del av|informeras om|informerades om)\s+(?:informationen\s+)?(?:om\s+)?att\b/;

/**
 * Whether `spans` hold a date before the meeting's, with the meeting's day unknown any date: "har fått i uppdrag …
 * (KSAU 24, 2027-02-09)" was given that day, while a later date is the work's time ("… att återrapportera till
 * kommunstyrelsen den 12 maj 2027") and a deadline dates no day.
 */
function datedBefore(doc: Doc, meta: BlockMeta, spans: Span[]): boolean {
  const day = meta.date;
  return spans.some((span) => datesIn(doc, span, meta.ref).some((t) => !t.marked && (!day || t.date < day)));
}

/** The bracketed parts of `span`: "(KSAU 24, 2014-02-09)", a reference to where something was decided. */
function bracketed(doc: Doc, span: Span): Span[] {
  return [...fslice(doc, span).matchAll(/\([^()]{1,80}\)/g)].map((m) => ({ start: span.start + m.index, end: span.start + m.index + m[0].length }));
}

/**
 * No date in the span but this meeting's: "beslutade 2019-05-20" tells of an earlier decision. A deadline ("har
 * fått i uppdrag att ta fram en plan senast den 1 juni 2027") is no other day of the decision.
 */
function onlyThisMeeting(doc: Doc, meta: BlockMeta, span: Span): boolean {
  return datesIn(doc, span, meta.ref).every((t) => t.date === meta.date || t.marked);
}

/**
 * A sentence that reports a decision dated another day than the meeting's ("X beslutade den 6 maj 2008 att …"), or
 * one told of an earlier meeting ("Förra gången beslutade kommunfullmäktige att …", also in a summary).
 */
function decidedEarlier(doc: Doc, meta: BlockMeta, sentence: Span): boolean {
  if (DECIDED_BEFORE.test(fslice(doc, sentence))) return true;
  const m = meta.date ? DECIDED_ON.exec(fslice(doc, sentence)) : null;
  const at = m ? sentence.start + m.index + m[0].length : 0;
  const date = m ? datesIn(doc, { start: at, end: Math.min(sentence.end, at + 30) }, meta.ref)[0] : undefined;
  return !!date && date.start === at && date.date !== meta.date;
}
/** "beslutade den 6 maj 2008", "beslöt 2008-05-06": a decision told with its day (the date follows). */
const DECIDED_ON = /\b(?:beslutade|beslot|har beslutat)\s+(?:den\s+)?(?=\d)/;
/** "Förra gången beslutade …", "Vid förra sammanträdet beslutade …", "… beslutade vid ett tidigare sammanträde att …". */
const DECIDED_BEFORE =
  /^(?:forra gangen|vid (?:det )?forra (?:sammantradet|motet)|vid ett tidigare (?:sammantrade|mote))\s+(?:beslutade|beslot)\b|\b(?:beslutade|beslot)\s+(?:forra gangen|vid (?:det )?forra (?:sammantradet|motet)|vid ett tidigare (?:sammantrade|mote))\s+att\b/;

/** "Fullmäktige beslutade att …" with no date, or this meeting's: this decision; "beslutade 2019-05-20 att …" is history. */
function reportsThisDecision(doc: Doc, meta: BlockMeta, sentence: Span): boolean {
  const m = REPORTED_DECISION.exec(fslice(doc, sentence));
  return !!m && onlyThisMeeting(doc, meta, { start: sentence.start, end: sentence.start + m[0].length });
}

/** The sentence after a decision told without its subject: "Det har kommunfullmäktige beslutat." (for this meeting). */
function attributed(doc: Doc, meta: BlockMeta, next: Span | undefined): boolean {
  return !!next && ATTRIBUTION.test(fslice(doc, next)) && onlyThisMeeting(doc, meta, next);
}

/**
 * The sentence that attributes sentence `n` to this meeting's decision: the next one, or the one after the
 * follow-ups that go on with it in its paragraph ("Regionen ska utreda X. Utredningen ska återrapporteras
 * senast i maj 2026. Detta beslutade regionstyrelsen vid sitt möte."), at most three sentences on.
 */
function attributionAfter(doc: Doc, meta: BlockMeta, sentences: Span[], n: number): Span | undefined {
  for (let i = n + 1; i < sentences.length && i <= n + 3; i++) {
    const sentence = sentences[i]!;
    if (/\n\s*\n/.test(doc.text.slice(sentences[i - 1]!.end, sentence.start))) return undefined;
    if (attributed(doc, meta, sentence)) return sentence;
    if (!followsUp(fslice(doc, sentence))) return undefined;
  }
  return undefined;
}

/** "… beslutade nämnden att lägga på regiondirektören", "… att ge förvaltningen": whom an attribution gives the work. */
const ASSIGNED = /\batt\s+(?:lagga\s+pa|ge|overlata\s+at|uppdra\s+at)\s+/;
function assignee(doc: Doc, attribution: Span): Span | undefined {
  const m = ASSIGNED.exec(fslice(doc, attribution));
  if (!m) return undefined;
  // roleBefore reads words only: the closing full stop is no part of the role.
  return roleBefore(doc, { start: attribution.start + m.index + m[0].length, end: attribution.end }, attribution.end);
}
/**
 * The passives of work ("ska köpas in", "ska utredas", "ska behandlas i arbetet med"): what a rule
 * ("ska tillämpas"), a view ("ska beaktas"), money ("ska finansieras") or a formality ("ska
 * justeras") says is no task. A report-back ("ska redovisas") is read as one (see passiveReport).
 */
const WORK_PASSIVE =
  '(?:utredas|undersokas|genomforas|inrattas|upprattas|utarbetas|revideras|kartlaggas|inventeras|analyseras|sammanstallas|planeras|projekteras|' +
  'byggas|anlaggas|rustas upp|renoveras|rivas|kopas in|kopas|saljas|forvarvas|upphandlas|tillskapas|skapas|startas|paborjas|anordnas|' +
  'tas fram|ses over|foljas upp|behandlas|provas|inforas|tillsattas|verkstallas|installeras|goras)';
/** "Lichron-fastigheten ska köpas in", "frågan om en cykelväg ska behandlas i arbetet med planen": a passive "ska" of work. */
const PASSIVE_DUTY = new RegExp(`^([a-z0-9][^,;]{1,160}?)\\s+(?:ska|skall)\\s+(?:darfor\\s+|ocksa\\s+|aven\\s+|nu\\s+|omgaende\\s+)?(${WORK_PASSIVE})\\b`);
/** "möjligheten att", "behovet att": a noun of possibility or need takes the "att" as its own ("beslutet att" does not). */
const NOUN_BEFORE_ATT = /(?:\p{L}{3,}heten|behovet|formerna)$/u;
/** "och redovisas för kommunstyrelsen …" after a passive of work: its report-back. */
const REPORTED_TOO = /\s(?:och|samt)\s+(?:ska\s+|skall\s+)?(?:redovisas|aterrapporteras|rapporteras|avrapporteras|presenteras)\b/;
/** "av tekniska förvaltningen" after a passive of work, up to a time or the clause's end: who does it. */
const AGENT = /^\s*av\s+([^,;]{2,80}?)(?=\s+(?:senast|fore|innan|under|till|inom|i|med|for)\b|(?<!-)\s+(?:och|samt)\b|\s*[.;,]?\s*$)/;
/** "… kan utvecklas samt tas fram förslag till …": a further passive of work joined to the first, "ska" left out. */
const FURTHER_PASSIVE = new RegExp(`\\s(?:samt|och)\\s+(?:ska\\s+|skall\\s+)?(?:aven\\s+|ocksa\\s+)?(${WORK_PASSIVE})\\b`);
/** What "göras" is work for: an action named by its noun, new to the text ("en kartläggning ska göras", "en översyn", "en analys"). */
const ACTION_NOUN = /(?:ning|ningen|ing|ingen|oversyn|oversynen|analys|analysen|studie|studien|utvardering|utvarderingen|inventering)$/;
/** "Det ska utredas hur …", "Det ska även tas fram ett förslag": no subject, the work is what follows the verb. */
const IMPERSONAL = /^det$/;
/** "fyra frågor ska utredas": work counted, whose parts may follow. */
const COUNTED = /^(?:tva|tre|fyra|fem|sex|sju|atta|nio|tio|\d{1,2})\s+\p{L}+(?:er|or|ar|en|n)$/u;
/** "frågan ska utredas närmare" after the duty was told: the same work said again. */
const ANAPHOR = /^(?:fragan|arendet|forslaget|saken|detta|denna|dessa)$/;
/** The decision's own paperwork: "Beslutet ska skickas till …", "Ärendet ska behandlas av …". */
const PAPERWORK = /^(?:beslutet|besluten|paragrafen|protokollet|arendet|arendena)$/;
const ARTICLE = /^(?:en|ett|den|det|de|dessa|denna|detta|alla|samtliga|fragan|antalet|arbetet|[a-z]+(?:heten|ningen|andet)|behovet|forutsattningarna|tva|tre|fyra|fem|sex|sju|atta|nio|tio)\b/;

/**
 * "Lichron-fastigheten ska köpas in av kommunen", "att Ulricehamnsförslaget ska utredas vidare": a
 * decision that leaves work with no one named, an uppdrag titled in the active ("Köpa in
 * Lichron-fastigheten"), flagged for a responsible. Not a formality ("Beslutet ska skickas"), a view
 * ("ska anses"), work a body is to decide ("ska behandlas av kommunfullmäktige") or a change that
 * takes effect ("ska avvecklas från och med den 1 januari").
 */
function passiveDuty(doc: Doc, meta: BlockMeta, clause: Span, sentence: Span, point: Point, told: Set<string>): Candidate[] {
  const f = fslice(doc, clause);
  const m = PASSIVE_DUTY.exec(f);
  if (!m?.[1] || !m[2]) return [];
  // The subject is what follows the last "att" ("Motionen bifalls såtillvida att frågan om …"), unless that "att"
  // belongs to a noun ("Möjligheten att samordna skolskjutsarna ska utredas").
  const lastAtt = m[1].lastIndexOf(' att ');
  const ofNoun = lastAtt >= 0 && NOUN_BEFORE_ATT.test(m[1].slice(0, lastAtt));
  const subjectStart = lastAtt >= 0 && !ofNoun ? lastAtt + 5 : 0;
  const subject = { start: clause.start + subjectStart, end: clause.start + m[1].length };
  const subjectWords = fslice(doc, subject).trim().split(/\s+/);
  let verbEnd = clause.start + m[0].length;
  let after = fslice(doc, { start: verbEnd, end: clause.end });
  // "Frågan ska utredas av tekniska förvaltningen": the official or unit named is responsible; what a body does
  // ("ska behandlas av kommunstyrelsen") is its decision, no work.
  const agentAt = AGENT.exec(after);
  const agent = agentAt?.[1] ? trimSpan(doc.text, { start: verbEnd + agentAt[0].length - agentAt[1].length, end: verbEnd + agentAt[0].length }) : undefined;
  const agentWords = agent ? fslice(doc, agent).split(/\s+/) : [];
  const named = agent && agentWords.some((w) => ROLE_HEAD.test(w)) && !BODY_AT_START.test(fslice(doc, agent)) ? agent : undefined;
  if (named) {
    verbEnd = named.end;
    after = fslice(doc, { start: verbEnd, end: clause.end });
  }
  if (PAPERWORK.test(subjectWords[0] ?? '') || (!named && new RegExp(`^\\s*av\\s+${BODY_PHRASE}`).test(after)) || /\bfran och med\b/.test(after)) return [];
  // "En kartläggning ska göras" is new work; "Bedömningen ska göras utifrån …" a way of working.
  if (m[2] === 'goras' && !(/^(?:en|ett)$/.test(subjectWords[0] ?? '') && ACTION_NOUN.test(subjectWords.at(-1) ?? ''))) return [];
  const verbKey = m[2].replace(/\s+/g, ' ');
  // The same work told again of "frågan", "ärendet": one item.
  if (subjectWords.length === 1 && ANAPHOR.test(subjectWords[0] ?? '') && told.has(verbKey)) return [];
  told.add(verbKey);
  const impersonal = subjectWords.length === 1 && IMPERSONAL.test(subjectWords[0] ?? '');
  const further = FURTHER_PASSIVE.exec(after);
  const rest = { start: verbEnd, end: further ? verbEnd + further.index : clause.end };
  const written = impersonal ? '' : slice(doc, subject).trim();
  const verbAt = clause.start + m[0].length;
  const duty = { ...passiveItem(doc, meta, slice(doc, { start: verbAt - m[2].length, end: verbAt }), written, rest, sentence, point), counted: COUNTED.test(subjectWords.join(' ')) };
  if (named) {
    duty.role = slice(doc, named);
    duty.flags = duty.flags.filter((f) => !f.startsWith('Ingen ansvarig'));
  }
  if (!further?.[1]) return [duty];
  // "… samt tas fram förslag till en modell": the further work has no subject of its own.
  const furtherEnd = verbEnd + further.index + further[0].length;
  return [duty, passiveItem(doc, meta, slice(doc, { start: furtherEnd - further[1].length, end: furtherEnd }), '', { start: furtherEnd, end: clause.end }, sentence, point)];
}

/** An uppdrag with no one named, titled in the active: the verb ("köpas in" → "köpa in"), what it is done to, and the rest. */
/**
 * A month told right after the passive ("En utvärdering ska genomföras i januari 2015"): when the work is done, so due by
 * the month's end. In a task a month is often a qualifier ("utreda utfallet i januari"), so only this place reads it; a
 * meeting's month ("… vid sammanträdet i juni") is a report-back's, which deadlineOf reads.
 */
function whenDone(doc: Doc, rest: Span, meta: BlockMeta): Deadline | undefined {
  const [first] = timingsIn(doc, rest, meta.ref);
  if (first?.form !== 'month' || first.marked || doc.folded.slice(rest.start, first.start).trim() !== '' || /sammantrade/.test(fslice(doc, rest))) return undefined;
  return { due: { date: endOfMonth(first.month) }, report: false, used: first, more: [] };
}

function passiveItem(doc: Doc, meta: BlockMeta, passive: string, written: string, rest: Span, sentence: Span, point: Point): Candidate {
  // "köpas in" → "köpa in": the passive's s goes from the verb, a particle stays.
  const verb = passive.replace(/s(?=\s|$)/, '');
  const object = ARTICLE.test(fold(written)) ? inSentence(written, doc.lexicon) : written;
  // "… ska utredas och redovisas för kommunstyrelsen i oktober": the report-back gives the deadline, not the title.
  const report = REPORTED_TOO.exec(fslice(doc, rest));
  const told = deadlineOf(doc, rest, meta, report ? rest.start + report.index : undefined);
  const deadline = (!told.due && !told.vague && whenDone(doc, rest, meta)) || told;
  const titled = report ? { start: rest.start, end: rest.start + report.index } : rest;
  const remainder = titleOf(doc, titled, deadline.used && deadline.used.end <= titled.end ? [deadline.used] : [], { ...meta, title: undefined }).replace(/^Av (?:kommunen|regionen|staden|landstinget)\b\s*/, '');
  const words = [opening(verb), object, remainder ? inSentence(remainder, doc.lexicon) : ''].filter(Boolean);
  const flags = ['Ingen ansvarig anges: ange vem som ska utföra beslutet.'];
  if (deadline.vague) flags.push(vagueFlag(deadline));
  return {
    kind: deadline.report ? 'aterrapportering' : 'uppdrag',
    title: restoreDiacritics(words.join(' '), doc.lexicon).slice(0, 200),
    due: deadline.due,
    decision: decisionOf(meta),
    caseNumber: meta.caseNumber,
    confidence: point.confidence - 0.2,
    flags,
    source: sentence,
  };
}

/** "Tekniska nämnden biföll medborgarförslaget", "beslutade att bifalla e-förslaget": a citizen proposal granted. */
const GRANTED = /\b(?:bifoll|bifaller|bifalla|bifalls|bifolls|beviljade|beviljar|bevilja)\s+((?:medborgar|e-|invanar|[a-z]{1,30}s)forslag(?:et|en)?)\b/;
/** The councils and the executive boards: a proposal they grant is carried out by whoever they name. */
const DIRECTING = new Set(['KF', 'KS', 'RF', 'RS', 'LF', 'LS']);

/**
 * A citizen proposal (medborgarförslag, e-förslag) granted: what it proposes becomes work, as with an
 * approved motion. "… med att förvaringsboxar ska installeras" says the work; else the proposal names it
 * ("bifalla medborgarförslaget om underhåll av offerstenen"). A committee that grants it in its own field
 * carries it out; a council or executive board leaves the one who does it to be named. Only the body's own
 * sentence, or a decision the text reports, grants (`states`).
 */
function grantedProposal(doc: Doc, meta: BlockMeta, clause: Span, sentence: Span, point: Point, told: Set<string>, states: boolean): Candidate[] | undefined {
  const f = fslice(doc, clause);
  const m = GRANTED.exec(f);
  if (!m?.[1]) return undefined;
  const subject = BODY_AT_START.exec(fslice(doc, sentence))?.[1];
  if (!subject && !states) return undefined;
  const code = subject ? bodyCode(subject, meta.decider, meta.organisation) : meta.decider;
  const role = subject && code && !DIRECTING.has(code) ? slice(doc, { start: sentence.start, end: sentence.start + subject.length }) : undefined;
  const at = clause.start + m.index + m[0].length;
  const how = /\bmed att\s+/.exec(fslice(doc, { start: at, end: clause.end }));
  const said = how ? passiveDuty(doc, meta, { start: at + how.index + how[0].length, end: clause.end }, sentence, point, told) : [];
  const about = /^\s+(?:om|angaende|avseende)\s+[^.;]+/.exec(fslice(doc, { start: at, end: clause.end }));
  const items = said.length
    ? said
    : [
        {
          kind: 'uppdrag' as const,
          title: restoreDiacritics(`Genomföra ${slice(doc, { start: at - m[1].length, end: about ? at + about[0].length : at }).replace(/\s+/g, ' ')}`, doc.lexicon).slice(0, 200),
          decision: decisionOf(meta),
          caseNumber: meta.caseNumber,
          confidence: point.confidence - 0.2,
          flags: [] as string[],
          source: sentence,
        },
      ];
  for (const item of items) {
    item.role = role;
    item.flags = [role ? 'Medborgarförslaget bifölls: nämnden som biföll det verkställer. Kontrollera.' : 'Medborgarförslaget bifölls: ange vem som ska verkställa det.'];
  }
  return items;
}

/** "att låta planförslaget granskas av samrådskretsen": a step the decision has taken, with no one named. */
const LET_DONE = /^(?:att\s+)?lata\s+\p{L}/u;

function letDone(doc: Doc, meta: BlockMeta, clause: Span, sentence: Span, point: Point): Candidate[] | undefined {
  const f = fslice(doc, clause);
  if (!LET_DONE.test(f)) return undefined;
  const start = clause.start + (/^att\s+/.exec(f)?.[0].length ?? 0);
  const written = slice(doc, { start, end: clause.end }).replace(/[\s.;,]+$/, '').replace(/\s+/g, ' ');
  return [
    {
      kind: 'uppdrag',
      title: restoreDiacritics(opening(written), doc.lexicon).slice(0, 200),
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: point.confidence - 0.2,
      flags: ['Ingen ansvarig anges: ange vem som ska utföra beslutet.'],
      source: sentence,
    },
  ];
}

/**
 * "vill få en återrapportering av arbetet vid sammanträdet i oktober", "vill ha en redovisning av kostnaderna senast i
 * juni": a report asked for; what is reported follows "av"/"om". Only with a time it is a report-back, else a wish.
 */
const WANTS_REPORT = String.raw`((?:fa|ha)\s+(?:en\s+)?(?:ater)?(?:rapport|rapportering|redovisning)\s+(?:av|om|kring|over)\s+)`;
/**
 * "… så vill fullmäktige veta hur arbetet fortskridit senast i juni 2028", "Nämnden vill ha veta senast …": a
 * body asks to be told by a time, a report-back to it with no one named. Without "senast" it is a wish.
 */
const WANTS_TO_KNOW = new RegExp(`(?:\\bvill\\s+(${BODY_PHRASE})|^(${BODY_PHRASE})\\s+vill)\\s+(?:(?:ha\\s+)?veta\\s+(?=[^.]{0,200}?\\bsenast\\b)|${WANTS_REPORT})`);

/** What a body wants to know by a time (see WANTS_TO_KNOW), reported to it. */
function wantsToKnow(doc: Doc, meta: BlockMeta, sentence: Span, point: Point): Candidate[] {
  const m = WANTS_TO_KNOW.exec(fslice(doc, sentence));
  const to = m ? bodyCode(m[1] ?? m[2] ?? '', meta.decider, meta.organisation) : undefined;
  if (!m || !to) return [];
  const what = { start: sentence.start + m.index + m[0].length, end: sentence.end };
  const deadline = deadlineOf(doc, what, meta, what.start);
  // A report asked for with no time to it is a wish.
  if (m[3] && !deadline.due) return [];
  const due = deadline.due && 'meeting' in deadline.due ? { meeting: { ...deadline.due.meeting, body: to } } : deadline.due;
  const title = titleOf(doc, what, deadline.used ? [deadline.used] : [], meta);
  const flags = ['Ingen ansvarig anges: ange vem som återrapporterar.'];
  if (deadline.vague) flags.push(vagueFlag(deadline));
  return [
    {
      kind: 'aterrapportering',
      title: `Redovisning av ${inSentence(title, doc.lexicon)}`.slice(0, 200),
      due,
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: point.confidence - (deadline.vague ? 0.1 : 0),
      flags,
      source: sentence,
    },
  ];
}

/** A report-back's title in the verb of work prepared for a meeting (see PASSIVE_REPORT); any other says "Återrapportera". */
const PREPARED_VERB: Record<string, string> = { 'tas fram': 'Ta fram', presenteras: 'Presentera' };

/** "Åtgärderna återrapporteras till socialnämnden under hösten 2027": a report-back with no one named. */
function passiveReport(doc: Doc, meta: BlockMeta, sentence: Span, point: Point, plain: boolean): Candidate[] {
  const f = fslice(doc, sentence);
  const wanted = wantsToKnow(doc, meta, sentence, point);
  if (wanted.length) return wanted;
  const m = PASSIVE_REPORT.exec(f) ?? (plain ? null : RECURRING_REPORT.exec(f));
  const noun = m ? undefined : NOUN_REPORT.exec(f);
  if (!m && !noun) return [];
  // "Återrapportering av åtgärderna ska ske till socialnämnden …": what is reported is what follows "av".
  const of = noun?.[1] ? { start: sentence.start + noun[0].indexOf(noun[1]), end: sentence.start + noun[0].indexOf(noun[1]) + noun[1].length } : undefined;
  const verbAt = m ? sentence.start + (m[1]?.length ?? 0) : sentence.start;
  const deadline = deadlineOf(doc, sentence, meta, verbAt);
  // A page about a meeting tells what is reported at it ("Uppdraget redovisas för kommunstyrelsen."): present tense, no
  // "ska", no time, is the report given, not one owed.
  if (m && meta.summary && !/\bska\s/.test(m[0]) && !deadline.due && !deadline.vague) return [];
  // A point of a decision list keeps its "att" ("3. att budgeten ska redovisas …"): the subject is what follows it.
  // "Nämnden beslutar att ett förslag tas fram till …": what is prepared follows the decision's lead-in.
  const lead = m ? (LEAD_IN.exec(f)?.[0].length ?? 0) : 0;
  const subjectStart = sentence.start + (lead < (m?.[1]?.length ?? 0) ? lead : 0);
  const written = m ? slice(doc, { start: subjectStart, end: verbAt }).trim().replace(/^att\s+/i, '') : of ? slice(doc, of) : (meta.title ?? 'uppdraget');
  const subject = restoreDiacritics(written, doc.lexicon);
  const flags = ['Ingen ansvarig anges: ange vem som återrapporterar.'];
  if (deadline.vague) flags.push(vagueFlag(deadline));
  else if (!deadline.due) flags.push('Återrapporteringen saknar tidpunkt: ange en tidsfrist.');
  return [
    {
      kind: 'aterrapportering',
      title: `${PREPARED_VERB[m?.[2]?.replace(/\s+/g, ' ') ?? ''] ?? 'Återrapportera'} ${inSentence(subject, doc.lexicon)}`.slice(0, 200),
      due: deadline.due,
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: point.confidence - (deadline.vague ? 0.1 : 0),
      flags,
      source: sentence,
    },
  ];
}

/** "Kommunstyrelsen beslutar att ta fram ...": nobody named, the body itself stands as responsible. */
function selfTask(doc: Doc, meta: BlockMeta, clause: Span, sentence: Span, point: Point, body: string): Candidate[] {
  const [item] = taskItems(doc, meta, { roles: [clause], task: clause, exhortation: false }, sentence, point);
  if (!item) return [];
  item.role = body;
  item.confidence = Math.min(item.confidence, 0.45);
  item.flags.push('Ingen ansvarig anges: beslutet riktar sig till organet självt.');
  return [item];
}

// ---------------------------------------------------------------- motions

type MotionAnswer = 'approved' | 'refused' | 'answered' | 'remitted' | undefined;

// The motion may be named in full before its answer: "Motion (2016:5) av Per Ek (M) om renovering av obelisken anses besvarad".
const MOTION_REFUSED = /motionen\s+(?:ska\s+)?avslas|avsla\s+motionen|avslar\s+motionen|\bmotion\b[^.]{0,160}?\savslas\b/;
const MOTION_ANSWERED =
  /motionen\s+(?:ska\s+)?(?:anses|forklaras)\s+(?:vara\s+)?besvarad|anse\s+motionen\s+(?:vara\s+)?besvarad|motionen\s+besvaras|\bmotion\b[^.]{0,160}?\s(?:ska\s+)?(?:anses|forklaras)\s+(?:vara\s+)?besvarad/;

/** "föreslår att kommunfullmäktige bifaller motionen", "föreslå fullmäktige att avslå motionen": an answer the council is yet to give. */
const PROPOSED_TO_COUNCIL = /\bforesla\w*\s+(?:[a-z]+\s+){0,2}?(?:att\s+)?(?:kommun|region|landstings)?fullmaktige\s+(?:att\s+)?(?:besluta\s+(?:att\s+)?)?(?:bifalla|bifaller|avsla|avslar|anse|anser)\b/;

/**
 * How the motion is answered in `text` (folded). Outside the council (`council` false) a body that
 * proposes the council's answer ("föreslår att kommunfullmäktige bifaller motionen") has answered the
 * motion it prepared; what the motion asks is work only once the council adopts it.
 */
function motionAnswer(text: string, council: boolean): MotionAnswer {
  if (!council && PROPOSED_TO_COUNCIL.test(text)) return 'answered';
  // "Motionen bifalls såtillvida att frågan ska behandlas …": what is approved is the att-clause, read as the decision.
  if (/motionen\s+(?:ska\s+)?bifall(?:s|es)\s+(?:sa\s*tillvida|i den del|pa sa satt)\s+att\b/.test(text)) return 'answered';
  if (/motionen\s+(?:ska\s+)?bifall(?:s|es)|bifalla\s+motionen|bifaller\s+motionen/.test(text)) return 'approved';
  if (MOTION_REFUSED.test(text)) return 'refused';
  if (MOTION_ANSWERED.test(text)) return 'answered';
  // "återremittera ärendet" sends an answer back for more work: no referral (hence no letter before "remittera").
  if (REFERRED.test(text)) return 'remitted';
  return undefined;
}

/** What a motion may be said to be before it is referred: "anmäls och", "anses väckt och", "får ställas och", "tas upp till behandling och". */
const REFERRAL_LEAD = '(?:anmals|anses\\s+vackt|ar\\s+vackt|far\\s+stallas|tas\\s+upp(?:\\s+till\\s+behandling)?|har\\s+inkommit|lamnas\\s+in)\\s+och\\s+';

/**
 * A motion named in full before it is referred: "Motion från Per Ek (L) om gårdsförsäljning (RS/2605/2017) ska fördelas
 * till regionala utvecklingsnämnden", as a region's presidium writes it. The name is bounded, and the verbs are those
 * that only refer ("lämnas till" alone may hand on anything).
 */
const REFERRED_NAMED =
  '\\bmotion(?:en)?\\s[^.;:\\n]{1,200}?\\s(?:ska\\s+|skall\\s+|har\\s+)?(?:remitteras|remitterades|remitterats|overlamnas|overlamnades|overlamnats|hanvisas|hanvisades|hanvisats|fordelas|fordelades|fordelats)\\s+till\\b';

// "remitteras", "har överlämnats", "hänskjuts", "anmäls och remitteras" (REFERRAL_LEAD), "ställs på remiss till", "ska beredas av",
// "Motion från … ska fördelas till" (REFERRED_NAMED): a motion sent for preparation.
const REFERRED = new RegExp(
  `(?<![a-z])(?:remittera|remitterar|overlamna|overlamnar|hanvisa|hanvisar|hanskjuta|hanskjuter)\\s+(?:motionen|motionerna|arendet)|(?:motionen|motionerna|arendet)\\s+(?:ska\\s+|skulle\\s+|har\\s+)?(?:${REFERRAL_LEAD})?(?:remitteras|remitterades|remitterats|overlamnas|overlamnades|overlamnats|lamnas|lamnats|hanvisas|hanvisades|hanvisats|skickas|skickats|hanskjuts|hanskots)\\s+till\\b|(?:motionen|motionerna)\\s+(?:(?:gar|skickas|sands|lamnas|stalls)\\s+)?pa\\s+remiss\\s+till\\b|\\banmals\\s+och\\s+(?:remitteras|overlamnas|hanvisas)\\s+till\\b|(?:motionen|motionerna)\\s+(?:ska|skall)\\s+beredas\\s+av\\b|${REFERRED_NAMED}`,
);

/** Who prepares the answer: "remittera motionen till kommunstyrelsen", "har remitterats till tekniska nämnden", "skulle lämnas till kommunstyrelsen". */
function remitTarget(doc: Doc, span: Span): string | undefined {
  const m = REMIT_TARGET.exec(fslice(doc, span));
  if (!m?.[1]) return undefined;
  const start = span.start + m.index + m[0].length - m[1].length;
  // "remitterades till kommunstyrelsens för beredning": a genitive with nothing after it is a slip for the body.
  return doc.text.slice(start, start + m[1].length).replace(/(?<=en)s$/, '');
}

// The one who prepares is a body, or a unit named up to "för (stöd i) beredning(en)" ("Hälso- och sjukvårdens ärende- och utredningsenhet");
// a region's presidium "fördelar" a motion to the nämnd that prepares it ("… ska fördelas till regionala utvecklingsnämnden").
const REMIT_TARGET = new RegExp(
  `(?:(?:(?:remitter|overlamn|hanvis|hanskj|hansko|fordela)\\w*\\s+(?:motionen\\s+|motionerna\\s+|arendet\\s+)?|(?:motionen|motionerna|arendet)\\s+(?:ska\\s+|skulle\\s+|har\\s+)?(?:${REFERRAL_LEAD})?(?:lamnas|lamnats|skickas|skickats)\\s+|(?:motionen|motionerna)\\s+(?:(?:gar|skickas|sands|lamnas|stalls)\\s+)?pa\\s+remiss\\s+)till|(?:motionen|motionerna|en\\s+motion\\s+(?:om|av|fran)\\s+[^.;]{1,120}?)\\s+(?:ska|skall)\\s+beredas\\s+av)\\s+(${BODY_PHRASE}|[a-z][^.;:\\n]{2,80}?(?=\\s+for\\s+(?:stod\\s+i\\s+)?beredning(?:en)?\\b))`,
);
/**
 * Where a motion's name ends in a list's line: a register's ", inlämnad …", a full stop, a column gap, a case number
 * ("… (RS/2605/2017)"), its referral to a body ("ska fördelas till regionala utvecklingsnämnden"; "Motion om att
 * överskottet fördelas till skolorna" names its subject), or where it is to be answered ("ska besvaras …").
 */
const LIST_NAME_ENDS = new RegExp(
  `, |\\.\\s|\\s{2,}|\\s(?:dnr|beslut)\\b|\\s\\([a-z]{1,6}[ /-]?\\d{1,4}[/.-]\\d|\\s(?:ska\\s+|har\\s+)?(?:remitter|overlamn|hanvis|fordela)\\w*\\s+till\\s+${BODY_PHRASE}|\\sska\\s+besvaras\\b`,
);
/** A council named as where a motion goes ("till kommunfullmäktige"): it decides, it never prepares. */
const COUNCIL_NAME = /^(?:kommun|region|landstings)?fullmaktige$/;
/** A line of a list of motions: "- Motion om vårdköer". */
// A register's line may open with the case number and the date ("KS 2027/14   2027-01-24   Motion om …").
// A damaged page may keep a § block's number without its sign ("45 Motion om …").
// A table may put the writer and party first ("Per Ek (M)   Motion om …").
/** A list's marker before a motion's line: a bullet, "1.", "2)" or a letter ("a)", "b."). */
const MOTION_LIST_MARKER = String.raw`(?:[-–—•·▪*]|\d{1,2}[.)]|[a-h][.)])`;
const MOTION_MARKER = new RegExp(String.raw`^\s*${MOTION_LIST_MARKER}\s*`);
/** A line opened by a list's marker and a space: an item of an announced list. */
const LIST_ITEM = new RegExp(String.raw`^\s*${MOTION_LIST_MARKER}\s`);
const MOTION_LINE = new RegExp(
  String.raw`^\s*(?:${MOTION_LIST_MARKER}\s*|\d{1,3}\s+)?(?:(?:dnr\.?:?\s*)?(?:[a-z]{1,6}[ -]?)?\d{4}[/.-]\d{1,5}\s+)?(?:\d{4}-\d{2}-\d{2}\s+)?(?:[a-z][a-z .-]{1,40}\s\([a-z]{1,4}\)\s*[:,–-]?\s+)?` +
    String.raw`motion(?:\s+(?:om|angaende|avseende|gallande|rorande|for|mot)\b|\s+[^\n]{1,80}?\s+(?:om|angaende|avseende|gallande|rorande)\b|\s*[:–]\s*\S)`,
);
/** A report on motions still being prepared (a balanslista): each was registered when raised. */
const MOTIONS_PENDING = /\b(?:obesvarade|ej besvarade|(?:inte|ej) (?:har )?besvarats|pagaende motioner|under beredning|(?:inte|ej) (?:har )?beretts|fardigberedda|balanslista)\b/;
/** A sentence that brings in a new motion (indefinite: "väcker en motion", "väcker motion om …"); "Motionen väcktes …" refers back to one. */
const HANDS_IN =
  /\b(?:(?:lamnat|lamnar|lamnade)(?:\s+in)?|(?:lamnat|lamnade)\s+(?:vid|pa|under)\s[^.]{0,60}?\sin|inlamnat|vacker|vackte|vackt|inkommit med|lagt fram|anmaler|anmalde|anmalt|overlamnar|overlamnade|overlamnat)\s+(?:(?:en|sin|ytterligare en)\s+)?(motion)\b|\ben\s+(motion)\b[^.]{0,120}?\bhar\s+(?:lamnats in|inkommit|kommit in|vackts)\b/;
/** The title of a block that answers a motion raised before ("Svar på motion om …"). */
const ANSWERS_MOTION = /^(?:svar pa|besvarande av|besvarad) motion|^motionssvar\b/;
/** "14. Anmälan av inkomna motioner (dag 2)": the day of a meeting over several days. */
const MEETING_DAY = /\(dag ([2-4])\)/g;

interface Raised {
  date: CalendarDate;
  paragraph?: string;
  source: Span;
  /** The date is written in the text; otherwise the motion was raised at this meeting. */
  explicit: boolean;
  /** The motion's own date, taken for the day it was raised (see motionDocument). */
  dated?: boolean;
}

/**
 * The motion itself ("MOTION till kommunfullmäktige … Jag föreslår att …", dated, with no stamp of
 * when it was raised): raised on its own date, the day it is handed in, flagged for a check. Minutes
 * or a report about a motion tell of it in the third person ("X har i en motion föreslagit").
 */
function* motionDocument(doc: Doc, block: Block, meta: BlockMeta): Steps<Raised | undefined> {
  const opening = fslice(doc, { start: block.start, end: Math.min(block.end, block.start + 300) }).trimStart();
  // The motion speaks for its writers ("Jag föreslår", "yrkar vi"); minutes or a report tell of it in the third person.
  const proposes = /\b(?:jag|vi|undertecknad|undertecknade)\s+(?:foreslar|yrkar)\b|\b(?:foreslar|yrkar)\s+(?:jag|vi)\b/.exec(fslice(doc, block));
  if (!/^motion\b/.test(opening) || !/fullmaktige\b/.test(opening) || !proposes) return undefined;
  const date = yield* firstDateWithYear(doc, block, meta.ref);
  // From its heading through the line where it proposes: what the motion is and asks.
  const source = trimSpan(doc.text, { start: block.start, end: lineEnd(doc, block.start + proposes.index, block.end) });
  return date ? { date, source, explicit: true, dated: true } : undefined;
}

function* motionItems(doc: Doc, block: Block, meta: BlockMeta, points: Point[], taken: Candidate[], plain: boolean): Steps<Candidate[]> {
  const head = [fold(meta.title ?? ''), ...block.lines.map((l) => fslice(doc, l)), ...meta.head].join('\n');
  // A motion named and referred, or motions announced, in a point of an agenda's item further down ("2. Motion från … ska
  // fördelas till …", "4. Följande motion inkommit …").
  const inPoint = () =>
    points.some((p) => {
      const f = fslice(doc, p);
      return /\bmotion/.test(f) && (REFERRED.test(f) || RAISED_HERE.test(f) || HANDS_IN.test(f) || MOTION_NAMED_REFERRED.test(f) || INCOMING_MOTION.test(f));
    });
  // An interpellation's text is questions; a page that only mentions interpellations may still list motions.
  if (!(/\bmotion(?:en|er|erna)?\b/.test(head) || inPoint()) || (!meta.summary && /(?:^|\n)\s*(?:svar pa\s+)?interpellation/.test(head))) return [];
  const answer = motionAnswer(points.map((p) => fslice(doc, p)).join('\n'), COUNCIL_BODIES.has(meta.decider ?? '') || !meta.decider);
  const marks = marksOf(doc, block);
  const target = marks.referrals[0]?.target;
  if (answer === 'approved' && !taken.some((c) => c.source.start >= block.start && c.source.end <= block.end)) {
    const executor = executorOf(doc, points);
    const proposals = yield* approvedProposals(doc, block, meta, executor?.role ?? target);
    return proposals.length || !executor ? proposals : [executionItem(doc, meta, executor)];
  }
  // A register of motions (a web page's entries, each with the day it came in): the ones not yet answered.
  const registered = registeredMotions(doc, block, meta);
  if (registered.length) return registered;
  // An answer, or a motion raised before and now answered or sent back ("Svar på motion …", återremiss), or a
  // report on those being prepared, or a list of those decided ("Motioner som besvarats 2026", its dates the answers'): nothing new.
  const title = fold(meta.title ?? '');
  if ((answer && answer !== 'remitted') || ANSWERS_MOTION.test(title) || MOTIONS_PENDING.test(`${title}\n${fslice(doc, block)}`) || (/\bmotioner\b/.test(title) && MOTIONS_DECIDED.test(title))) return [];
  // KS handing the motion (or its answer) up to the council: registered when the council sent it for preparation.
  if (marks.referrals.length && marks.referrals.every((r) => COUNCIL_NAME.test(fold(r.target)))) return [];
  const remitSentence = points.find((p) => /remitter|overlamn|hanvis|hanskj|hansko|(?:lamnas|skickas) till|pa remiss till|beredas av/.test(fslice(doc, p)));
  const referredHere = !!remitSentence && !!meta.date && COUNCIL_BODIES.has(meta.decider ?? '');
  // `received`: taken "för beredning" with no body named to prepare it, so none is assumed.
  const motion = (title: string, source: Span, raised: Raised | undefined, referredTo = target, received = false): Candidate | undefined => {
    if (!raised && answer !== 'remitted') return undefined;
    const flags: string[] = raised?.dated ? ['Motionens eget datum är taget som dagen den väcktes: kontrollera.'] : [];
    if (!referredTo) flags.push(received ? 'Beredande organ framgår inte: ange vem som bereder motionen.' : 'Beredande organ framgår inte: kommunstyrelsen bereder ärenden till fullmäktige.');
    if (!raised) flags.push('Datum då motionen väcktes framgår inte.');
    return {
      kind: 'motion',
      title: restoreDiacritics(title, doc.lexicon).slice(0, 200),
      role: referredTo ?? (received ? undefined : BODY_NAMES[boardOf(meta.organisation)]),
      due: raised ? { raised: raised.date } : undefined,
      // Referred at this council meeting: the decision is the meeting's § ("Motionen remitteras …" at KF 2026-11-02 § 118),
      // though the motion was handed in earlier; otherwise the motion's raising is all the text records.
      decision: raised && !(referredHere && raised.date !== meta.date) ? { body: COUNCIL_BODIES.has(meta.decider ?? '') ? meta.decider : bodyCode('fullmäktige', undefined, meta.organisation), date: raised.date, paragraph: raised.paragraph } : decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: referredTo && raised ? 0.85 : 0.65,
      flags,
      source,
    };
  };
  // Several motions handed in ("X har lämnat in en motion om …" each), or listed before "remittera motionerna": one item each.
  const handedIn = yield* handedInSentences(doc, block);
  if (handedIn.length >= 2) {
    // Each referred where the text refers it: a register page lists motions sent to different bodies.
    return handedIn.flatMap(({ sentence, motionAt }) => {
      const referredTo = firstFrom(marks.referrals, sentence.end)?.target ?? target;
      return motion(`Besvara ${titleFrom(doc, motionAt, sentence.end)}`, sentence, raisedIn(doc, meta, marks, sentence, motionAt), referredTo) ?? [];
    });
  }
  // A summary tells each motion in its own paragraph with its own referral ("Motionen remitterades till kommunstyrelsen").
  if (meta.summary && handedIn.length === 0) {
    const told = yield* summaryMotions(doc, block, meta, marks);
    if (told.length) return told.flatMap((m) => motion(m.title, m.source, m.raised, m.target) ?? []);
  }
  // A list of motions: referred together ("remittera motionerna"), a register whose every line has its own date, or
  // the list a line announces ("Motionerna som lämnades in var:").
  const lines = linesOf(doc, block).filter((l) => MOTION_LINE.test(fslice(doc, l)));
  const dated = lines.every((l) => datesIn(doc, l, meta.ref).length > 0);
  const incoming = incomingOnAgenda(doc, block, meta);
  const announced = incoming ?? announcedMotions(doc, block);
  // A block that lost its § signs may hold several motions, each with its own referral ("Motionen remitteras till …").
  const eachReferred = lines.length >= 2 && marks.referrals.length >= lines.length;
  // A single motion on a line that refers it ("Per Ek (M)   Motion om laddstolpar   remitteras till kommunstyrelsen") is read as such a list's line.
  const selfReferred = lines.length === 1 && !!lines[0] && !!remitTarget(doc, lines[0]);
  const listed = announced.lines.length >= 2 || incoming ? announced.lines : (remitSentence && /\bmotionerna\b/.test(fslice(doc, remitSentence))) || dated || eachReferred || selfReferred ? lines : [];
  if (listed.length >= 2 || selfReferred || incoming) {
    // Received ("för beredning", "motionerna har tagits emot", or announced and referred nowhere in their § or item) with no body
    // named to prepare them: none is assumed.
    const unreferred = listed === announced.lines && (announced.unreferred || MOTIONS_RECEIVED.test(fslice(doc, block)) || marks.referrals.length === 0);
    return listed.flatMap((line) => {
      const written = trimSpan(doc.text, line);
      const marker = MOTION_MARKER.exec(fslice(doc, written))?.[0].length ?? 0;
      const source = { start: written.start + marker, end: written.end };
      // The line's own date, not a deadline it sets ("… ska besvaras senast vid regionfullmäktiges sammanträde 19-20 juni 2018").
      const own = datesIn(doc, source, meta.ref).find((t) => !t.marked);
      const raised = own ? { date: own.date, source, explicit: true } : raisedAtMeeting(meta, marks, source);
      // The motion's name from the word "motion" (a case number, a date or the writer may come first), up to where a
      // register's line goes on: ", inlämnad 2027-01-12, remitterad till …". A line that names only its writer and
      // subject ("Eva Lind (V) om fler allmänläkare") is named from "om".
      const named = fslice(doc, source).search(/\bmotion\b/);
      const about = named < 0 ? fslice(doc, source).search(/\bom\b/) : -1;
      const from = Math.max(0, named, about);
      const stop = fslice(doc, { start: source.start + from, end: source.end }).search(LIST_NAME_ENDS);
      const name = titleFrom(doc, source.start + from, stop > 0 ? source.start + from + stop : source.end);
      // "Motion" opens the name as a list writes it; in the title it is a common noun.
      // An agenda's line quotes the motion's own title right after its writer ("Inkommen motion från X (M) ”Mät …”").
      const quoted = /\)\s*[”"“]([^”"“]{3,200})[”"“]?\s*$/.exec(slice(doc, source))?.[1];
      const title = quoted ? (/^motion\b/i.test(quoted) ? `Besvara ${inSentence(quoted, doc.lexicon)}` : `Besvara motion: ${quoted}`) : /^motion\b/.test(fold(name)) ? `Besvara ${name.replace(/^Motion\b/, 'motion')}` : about >= 0 ? `Besvara motion ${name}` : `Besvara motion: ${name}`;
      return motion(title, source, raised, remitTarget(doc, source) ?? target, unreferred) ?? [];
    });
  }
  const [one] = handedIn;
  // Referred by the council with no earlier date written: raised at this meeting.
  const raised =
    (yield* raisedDate(doc, block, meta, marks)) ??
    (one ? raisedIn(doc, meta, marks, one.sentence, one.motionAt) : undefined) ??
    (answer === 'remitted' && remitSentence ? raisedAtMeeting(meta, marks, remitSentence) : undefined) ??
    (plain ? yield* motionDocument(doc, block, meta) : undefined);
  // On a page of several matters, the motion's own line names it ("10. Motion från V om uppföljning. Motionen på remiss till KS.").
  const first = remitSentence ? sentencesOf(doc, remitSentence)[0] : undefined;
  const own = first && !REFERRED.test(fslice(doc, first)) ? MATTER_NAMED.exec(slice(doc, first)) : null;
  // A block titled for something else ("Anmälningar") is named by the sentence that hands the motion in.
  const told = one && !/^motion\b/.test(fold(meta.title ?? '')) ? titleFrom(doc, one.motionAt, one.sentence.end) : undefined;
  // "Anmälan av motion om …" is the agenda's word for a motion handed in: the motion is the subject.
  const subject = own && /^motion\b/i.test(own[0]) ? own[0].replace(/[.\s]+$/, '') : (told ?? meta.title?.replace(/^anm[äa]lan\s+av\s+(?=motion)/i, '') ?? 'motionen');
  const itemTitle = /^motion\b/i.test(subject) ? `Besvara ${inSentence(subject, doc.lexicon)}` : `Besvara motionen: ${subject}`;
  // Where the motion is raised through where it is referred: a clerk reads both.
  const raising = raised?.explicit ? raised.source : (one?.sentence ?? raised?.source);
  const source = raising && remitSentence ? { start: Math.min(raising.start, remitSentence.start), end: Math.max(raising.end, remitSentence.end) } : (raising ?? remitSentence ?? block.lines[0] ?? block);
  const item = motion(itemTitle, source, raised);
  return item ? [item] : [];
}

/** A summary's sentence that refers one motion: "Motionen remitterades till kommunstyrelsens för beredning." */
const MOTION_REFERRED = /^motionen\s+(?:(?:ska\s+|skulle\s+)?(?:remitteras|remitterades|overlamnas|overlamnades|hanvisas|hanvisades|lamnas|lamnades|skickas|skickades)\s+till|(?:gar|gick)\s+pa\s+remiss\s+till)\b/;
/** "Nu bifölls motionen", "Motionen anses besvarad" (folded): the motion's answer, not its raising. */
const MOTION_ANSWERED_NOW = /\bmotionen\s+(?:bifolls|bifalls|avslogs|avslas|besvarades|anses\s+besvarad|ansags\s+besvarad)\b/;
/** "I mars beslutade fullmäktige …", "Tidigare har …": a sentence told of another time (folded). */
const EARLIER_MONTH = /^(?:(?:i|under)\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b|tidigare\b|forra\s+(?:aret|manaden|gangen)\b)/;
/** "… en motion om cykelled ska beredas av kommunstyrelsen", "… en motion om X remitteras till …" (folded): group 1 what it is about. */
const MOTION_NAMED_REFERRED = /\b(?:en|ny)\s+motion\s+om\s+([^.;]{3,150}?)(?=\s+(?:ska\s+|skall\s+)?(?:beredas\s+av|remitteras\s+till|remitterades\s+till|overlamnas\s+till|overlamnades\s+till)\s)/;
/** "X hade motionerat om …": the motion was raised before this meeting, on a date the summary does not give. */
const RAISED_BEFORE = /\bhade\s+(?:motionerat|lamnat in|vackt)\b/;
/** How many lines above its referral a motion's title line may stand (the motion told in a paragraph between). */
const TITLE_LOOKBACK = 4;
/** At most this many words in a title line: a paragraph that tells the motion is longer. */
const TITLE_WORDS = 10;

/** The title of a motion's paragraph: the line above its referral if short, else the line above the paragraph. */
function titleAbove(doc: Doc, above: Span[]): Span | undefined {
  const short = (l: Span) => {
    const t = slice(doc, l).trim().replace(/\.$/, '');
    return !t.includes('. ') && t.split(/\s+/).length <= TITLE_WORDS;
  };
  const [first, second] = above.filter((l) => slice(doc, l).trim()).reverse();
  if (!first) return undefined;
  return short(first) ? first : second && short(second) ? second : undefined;
}

/**
 * The motions a summary tells one by one, each referred in a sentence of its own: named by the sentence before
 * the referral on its line ("Per Ek hade motionerat om … . Motionen remitterades till kommunstyrelsen."), else by
 * the nearest short line above it (the paragraph's title, "Motion gällande koldioxidbudget"). Raised at this
 * meeting, unless the summary says it had been raised before ("hade motionerat"): then the date is not given.
 */
function* summaryMotions(doc: Doc, block: Block, meta: BlockMeta, marks: Marks): Steps<{ title: string; source: Span; raised?: Raised; target?: string }[]> {
  const found: { title: string; source: Span; raised?: Raised; target?: string }[] = [];
  const lines = linesOf(doc, block);
  for (const [i, line] of lines.entries()) {
    if (i % SENTENCES_PER_STEP === 0) yield;
    const sentences = sentencesOf(doc, line);
    const at = sentences.findIndex((s) => MOTION_REFERRED.test(fslice(doc, s)));
    const referral = sentences[at];
    if (!referral) {
      // "… beslutade att … en motion om cykelled ska beredas av kommunstyrelsen": named and referred in one sentence.
      // Not one referred before and answered now ("I mars beslutade fullmäktige att … . Nu bifölls motionen.").
      if (MOTION_ANSWERED_NOW.test(fslice(doc, line))) continue;
      for (const sentence of sentences) {
        const m = MOTION_NAMED_REFERRED.exec(fslice(doc, sentence));
        if (!m?.[1] || EARLIER_MONTH.test(fslice(doc, sentence)) || decidedEarlier(doc, meta, sentence)) continue;
        const nameAt = sentence.start + m.index + m[0].length - m[1].length;
        const target = remitTarget(doc, sentence);
        found.push({ title: `Besvara motion om ${titleFrom(doc, nameAt, nameAt + m[1].length)}`, source: sentence, raised: raisedAtMeeting(meta, marks, sentence), ...(target ? { target } : {}) });
      }
      continue;
    }
    const before = at > 0 ? sentences[0] : titleAbove(doc, lines.slice(Math.max(0, i - TITLE_LOOKBACK), i));
    if (!before) continue;
    const named = fslice(doc, before);
    // A sentence that tells the motion ("hade motionerat om …") names it from "om"; a title line as written.
    const about = at > 0 ? /\bmotion\w*\s+om\s+/.exec(named) : null;
    const name = about ? `motionen om ${titleFrom(doc, before.start + about.index + about[0].length, before.end)}` : titleFrom(doc, trimSpan(doc.text, before).start, before.end);
    const source = { start: Math.min(before.start, referral.start), end: referral.end };
    found.push({
      title: /^motion/.test(fold(name)) ? `Besvara ${name}` : `Besvara motion: ${name}`,
      source: at > 0 ? source : referral,
      raised: RAISED_BEFORE.test(fslice(doc, line)) ? undefined : raisedAtMeeting(meta, marks, referral),
      target: remitTarget(doc, referral),
    });
  }
  return found;
}

/**
 * "Motionerna som lämnades in var:", "Följande motioner har lämnats in:" (or "… lämnats in."), "Följande motion inkommit vilket
 * bifogas föredragningslistan": new motions listed, one a line.
 */
const MOTIONS_ANNOUNCED = /\bmotion(?:er|erna)\b[^:\n]{0,80}:\s*$|\bfoljande\s+motion(?:er)?\b[^.:\n]{0,60}\.?\s*$/;
/** A line that names a motion: "Motion om …", "Motion från X om …". */
const NAMES_MOTION = /\bmotion\s+(?:om|angaende|avseende|gallande|rorande|fran|av)\b/;
/**
 * A line of an announced list that names its writers and subject without the word "motion" (folded): "Anna Berg (S) om
 * fler vårdplatser", "Per Lund (M) med flera om …", "Eva Holm (V) och Lisa Ek (V) om …", "Anna Berg (S): Fler vårdplatser".
 */
const WRITER_LINE = /^\s*[a-z][a-z .-]{1,60}?\([a-z]{1,4}\)(?:[^:\n]{0,60}?\s(?:om|angaende)\s|\s*:\s*\S)/;
/**
 * Where a list of motions is announced inside a line that runs the list on, as a PDF or a web page run together puts
 * it: "Följande motioner har kommit in: Motion av …", "… ta emot följande för beredning Motion av …", "Hittills har
 * följande motioner lämnats in. • Kerstin Åberg (V) om …". A colon is the announcement's only where a space follows it
 * ("Diarienr: 2018/KS 0212", "2008:182" are no announcements).
 */
const ANNOUNCES_IN_LINE =
  /\bfoljande\s+motion(?:er)?\b[^.:(\n]{0,80}?(?:[:.](?=\s)|(?=\s(?:motion\s|[•·▪]\s)))|\bmotion(?:er|erna)\b[^.:(\n]{0,80}?:(?=\s)|\b(?:ta|tar|tog|tas)\s+emot\s+(?:foljande|nedanstaende|dessa)\b[^.:(\n]{0,60}?\bfor\s+beredning\b:?/;
/** How far before a run-on list's announcement its verb is read ("Fullmäktige behandlade två motioner:"). */
const DECIDED_LOOKBACK = 40;
/** Where each entry of a list run on starts: "Motion av|från|om" or a bullet, after a space. */
const RUN_IN_ENTRY = /(?<=^|\s)(?=motion\s+(?:av|fran|om)\b|[•·▪]\s)/g;
/** A list of motions answered or decided ("Följande motioner besvarades:", "Motioner beslutade/avgjorda/behandlade under året") raises none. */
const MOTIONS_DECIDED = /besvar|bifall|bifoll|avsla|avslog|aterremitt|behandlade|beslutade|avgjor/;
/** Raised at this very meeting: "X väcker en motion", "Följande motioner har inkommit" (not a list of those decided). */
const RAISED_HERE = new RegExp(
  `\\bvack(?:er|s)\\b|\\bmotion(?:er|erna)?\\b[^.]{0,120}?\\bhar\\s+(?:inkommit|kommit in|lamnats in|vackts)\\b|\\bfoljande motion(?:er)?\\b(?![^.:\\n]{0,40}(?:${MOTIONS_DECIDED.source}))`,
);

/** "Fullmäktige beslutar … att motionerna tagits emot": received, sent to no one yet. */
const MOTIONS_RECEIVED = /\bmotionerna\s+(?:har\s+)?(?:tagits|tas|togs)\s+emot\b/;

/**
 * "Fullmäktige beslutade att ta emot följande för beredning:" (a web page may drop the colon): what follows is received for preparation by no body
 * the text names; only its lines that name a motion ("Motion av X (S) om …") or a councillor and party with a subject
 * ("Tapio Lehtonen (SD) om …") are motions.
 */
const RECEIVED_FOR_PREPARATION = /\b(?:ta|tar|tog|tas)\s+emot\s+(?:foljande|nedanstaende|dessa)\b[^:\n]{0,60}?\bfor\s+beredning\s*:?\s*$/;

/**
 * The lines of the list a line announces as new motions ("Motionerna som lämnades in var:" then "• motion om …"), each
 * a motion; `unreferred` when the list was received "för beredning" with no body named to prepare it.
 */
function announcedMotions(doc: Doc, block: Block): { lines: Span[]; unreferred: boolean } {
  const listed: Span[] = [];
  let open: 'motions' | 'received' | undefined;
  let unreferred = false;
  for (const line of linesOf(doc, block)) {
    const f = fslice(doc, line);
    if (!f.trim()) continue;
    if (RECEIVED_FOR_PREPARATION.test(f)) {
      open = 'received';
      continue;
    }
    const announced = ANNOUNCES_IN_LINE.exec(f);
    const from = announced ? announced.index + announced[0].length : 0;
    // "Fullmäktige behandlade två motioner: Motion om cykelbanor avslogs. …": motions decided, raised before; the words just
    // before the announcement say so ("ta emot följande för beredning" is a decision to receive new ones).
    const decided = !!announced && !/\bemot\b/.test(announced[0]) && MOTIONS_DECIDED.test(f.slice(Math.max(0, announced.index - DECIDED_LOOKBACK), from));
    const runOn = announced && !decided ? runInEntries(f, from).filter(([start, end]) => !MOTIONS_DECIDED.test(f.slice(start, end))) : [];
    if (runOn.length >= 2) {
      listed.push(...runOn.map(([start, end]) => trimSpan(doc.text, { start: line.start + start, end: line.start + end })));
      continue;
    }
    if (MOTIONS_ANNOUNCED.test(f) && !MOTIONS_DECIDED.test(f)) {
      open = 'motions';
      continue;
    }
    // A bullet, or a line that names a motion ("Anna Berg (S): Motion om fler cykelbanor") or its writers ("Anna Berg (S) om …").
    const names = NAMES_MOTION.test(f);
    // A councillor and party with a subject ("• Tapio Lehtonen (SD) om …") writes a motion, in a list received for preparation too.
    const writers = WRITER_LINE.test(f.replace(LIST_ITEM, ''));
    const item = open === 'received' ? names || writers : LIST_ITEM.test(f) || names || writers;
    if (open && item) {
      listed.push(line);
      unreferred ||= open === 'received';
    } else open = undefined;
  }
  return { lines: listed, unreferred };
}

/** A council agenda's line for a motion handed in: "10. Inkommen motion från Anna Berg (M) ”Mät …”", "12 Anmälan av motion från …". */
const INCOMING_MOTION = /^\s*(?:\d{1,3}[.)]?\s+)?(?:inkommen|inkommet|anmalan\s+av|anmald|ny)\s+motion\s+(?:fran|av)\s+[a-z][a-z .-]{1,60}?\([a-z]{1,4}\)/;

/**
 * The motions a council's agenda lists as handed in, one line each (INCOMING_MOTION): raised at the meeting the agenda is
 * for, received with no body named to prepare them. Undefined when the block is no council's dated agenda with such a line.
 */
function incomingOnAgenda(doc: Doc, block: Block, meta: BlockMeta): { lines: Span[]; unreferred: boolean } | undefined {
  if (!meta.date || !COUNCIL_BODIES.has(meta.decider ?? '')) return undefined;
  const lines = linesOf(doc, block).filter((l) => INCOMING_MOTION.test(fslice(doc, l)));
  return lines.length ? { lines, unreferred: true } : undefined;
}

/**
 * The entries [start, end) of a list run on from `from` (where its announcement ends) in a folded line, each opening
 * "Motion av|från|om" or a bullet, up to the next entry or its own sentence's end.
 */
function runInEntries(f: string, from: number): [number, number][] {
  const starts = [...f.slice(from).matchAll(RUN_IN_ENTRY)].map((m) => from + m.index);
  return starts.map((start, i) => {
    const next = starts[i + 1] ?? f.length;
    const stop = f.slice(start, next).search(/\.(?:\s|$)/);
    return [start, stop >= 0 ? start + stop + 1 : next];
  });
}

/** A register entry's day in (folded, the whole line): "Inkommen datum: 2017-11-21", "Registreringsdatum: 2014-08-08". */
const ENTRY_DAY = /^\s*(?:registreringsdatum|inkommen datum|datum inkommen|inkommen|inlamnad|vackt)\s*:\s*(\d{4}-\d{2}-\d{2})\s*$/;
/** A register entry's other fields, none of them its title: "Lämnad av: …", "Initierad av: …", "Dokumentnummer: …". */
const ENTRY_FIELD = /^\s*[a-z][a-z ]{2,30}:\s/;
/** Who prepares the answer: "Beredningsväg: Nämnden för Blekingesjukhuset". */
const ENTRY_PREPARED_BY = /^\s*(?:beredningsvag|bereds av|remitterad till)\s*:\s*\S/;
/** An entry already answered or withdrawn: "Status: Besvarad. Läs svaret …". */
const ENTRY_DONE = /^\s*status\s*:\s*(?:besvarad|avslagen|bifallen|avgjord|avslutad|aterkallad|aterdragen)/;

/**
 * The motions of a register ("Motioner under beredning", "Inlämnade motioner 2014": a web page's entries, each a title
 * line and then its fields, one of them the day it came in, ENTRY_DAY): one motion per entry not answered (ENTRY_DONE),
 * raised that day, its answer prepared by the body its "Beredningsväg" names. Only a register of two entries or more,
 * so a motion's own stamp ("Inkom: 2027-02-04") is no entry.
 */
function registeredMotions(doc: Doc, block: Block, meta: BlockMeta): Candidate[] {
  const lines = linesOf(doc, block).filter((l) => fslice(doc, l).trim());
  const days = lines.flatMap((l, i) => (ENTRY_DAY.test(fslice(doc, l)) ? [i] : []));
  if (days.length < 2) return [];
  const field = (i: number) => ENTRY_FIELD.test(fslice(doc, lines[i]!)) && !/^\s*motion\s*:/.test(fslice(doc, lines[i]!));
  // Each entry's title: the nearest line above its day, after the entry before, that is no field of its own.
  const heads = days.map((at, k) => {
    const after = days[k - 1] ?? -1;
    let head = at - 1;
    while (head > after && field(head)) head--;
    return head > after ? head : undefined;
  });
  const motions: Candidate[] = [];
  for (const [k, at] of days.entries()) {
    const titleLine = lines[heads[k] ?? -1];
    if (!titleLine) continue;
    // Its fields run from its day to the next entry's title.
    const fields = lines.slice(at, heads[k + 1] ?? days[k + 1] ?? lines.length).filter((l) => ENTRY_FIELD.test(fslice(doc, l)));
    if (fields.some((l) => ENTRY_DONE.test(fslice(doc, l)))) continue;
    const preparedBy = fields.find((l) => ENTRY_PREPARED_BY.test(fslice(doc, l)));
    const role = preparedBy ? slice(doc, preparedBy).replace(/^[^:]*:\s*/, '').trim() || undefined : undefined;
    const written = slice(doc, titleLine).replace(/^\s*motion\s*:\s*/i, '').trim();
    const raised = ENTRY_DAY.exec(fslice(doc, lines[at]!))?.[1] as CalendarDate;
    motions.push({
      kind: 'motion',
      title: restoreDiacritics(/^motion\b/.test(fold(written)) ? `Besvara ${inSentence(written, doc.lexicon)}` : `Besvara motionen: ${written}`, doc.lexicon).slice(0, 200),
      ...(role ? { role } : {}),
      due: { raised },
      decision: { body: COUNCIL_BODIES.has(meta.decider ?? '') ? meta.decider : bodyCode('fullmäktige', undefined, meta.organisation), date: raised },
      caseNumber: meta.caseNumber,
      confidence: 0.75,
      flags: role ? [] : ['Ingen beredande nämnd anges: ange vem som bereder svaret.'],
      source: { start: titleLine.start, end: lines[at]!.end },
    });
  }
  return motions;
}

/** "Besvara" + the motion as the text names it from `at` ("motion om gröna investeringsmedel"), without the full stop. */
function titleFrom(doc: Doc, at: number, end: number): string {
  const written = slice(doc, { start: at, end }).replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '').trim();
  return inSentence(written, doc.lexicon);
}

/** The sentences of a block that each bring in a new motion, and where "motion" stands in each. */
function* handedInSentences(doc: Doc, block: Block): Steps<{ sentence: Span; motionAt: number }[]> {
  const found: { sentence: Span; motionAt: number }[] = [];
  let i = 0;
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const f = fslice(doc, sentence);
    const m = HANDS_IN.exec(f);
    // "motion" stands where its group matched: at the end ("lämnat in en motion") or after "en" ("En motion … har lämnats in").
    if (m) found.push({ sentence, motionAt: sentence.start + m.index + (m[1] ? m[0].length - m[1].length : m[0].indexOf('motion')) });
  }
  return found;
}

/** A motion handed in: on the date its sentence writes before "motion" ("har 13 februari 2023 lämnat in"), else at this meeting. */
function raisedIn(doc: Doc, meta: BlockMeta, marks: Marks, sentence: Span, motionAt: number): Raised | undefined {
  const written = datesIn(doc, { start: sentence.start, end: motionAt }, meta.ref)[0];
  return written ? { date: written.date, source: sentence, explicit: true } : raisedAtMeeting(meta, marks, sentence);
}

/**
 * A date that closes its sentence after `from` ("Anmäls att en motion har inkommit från … till Region Örebro län
 * 2024-03-27."): a register writes the day the motion came in last.
 */
function closingDate(doc: Doc, meta: BlockMeta, sentence: Span, from: number): ReturnType<typeof datesIn>[number] | undefined {
  const last = datesIn(doc, { start: from, end: sentence.end }, meta.ref).at(-1);
  // A date after the meeting ("… och ska besvaras senast 2028-03-22.") is a deadline, not the day it came in.
  return last && /^[\s.]*$/.test(doc.text.slice(last.end, sentence.end)) && last.date <= (meta.date ?? meta.ref) ? last : undefined;
}

/** Raised at the council's meeting this block records; on its second day after an agenda item marked "(dag 2)". */
function raisedAtMeeting(meta: BlockMeta, marks: Marks, source: Span): Raised | undefined {
  if (!COUNCIL_BODIES.has(meta.decider ?? '') || !meta.date) return undefined;
  const day = lastBefore(marks.days, source.start)?.day ?? 1;
  return { date: addDays(meta.date, day - 1), paragraph: meta.paragraph, source, explicit: false };
}

/** Where a block refers its motions, and where a later day of the meeting begins: read once per block. */
interface Marks {
  referrals: { at: number; target: string }[];
  days: { at: number; day: number }[];
}

function marksOf(doc: Doc, block: Block): Marks {
  const f = fslice(doc, block);
  const referrals = [...f.matchAll(new RegExp(REMIT_TARGET.source, 'g'))].map((m) => {
    const start = block.start + m.index + m[0].length - (m[1]?.length ?? 0);
    return { at: block.start + m.index, target: doc.text.slice(start, start + (m[1]?.length ?? 0)) };
  });
  const days = [...f.matchAll(MEETING_DAY)].map((m) => ({ at: block.start + m.index, day: Number(m[1]) }));
  return { referrals, days };
}

/** The index of the first mark at or after `at`, by binary search (marks are in text order). */
function indexFrom(marks: { at: number }[], at: number): number {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((marks[mid]?.at ?? 0) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

const firstFrom = <T extends { at: number }>(marks: T[], at: number): T | undefined => marks[indexFrom(marks, at)];
const lastBefore = <T extends { at: number }>(marks: T[], at: number): T | undefined => marks[indexFrom(marks, at) - 1];

/** What follows "väckt" when it is said of a motion not named: "i kommunfullmäktige", "i KF", "den 3 mars", "vid sammanträdet", "på …", a date. */
const RAISED_WHERE = /^\s+(?:i\s+(?:\S*fullmaktige|kf|rf|lf)\b|den\b|vid\b|pa\b|\d)/;

/** "väckt i kommunfullmäktige 2025-11-24 § 203"; "Motionen väcktes på dagens sammanträde" in a council's minutes means that meeting. */
function* raisedDate(doc: Doc, block: Block, meta: BlockMeta, marks: Marks): Steps<Raised | undefined> {
  let i = 0;
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const f = fslice(doc, sentence);
    const m = /\bvackt(?:es|e)?\b/.exec(f);
    // "Andra frågor som väckte debatt": raised is said of a motion, or of something raised in the council or on a day.
    if (!m || !(/\bmotion/.test(f) || RAISED_WHERE.test(f.slice(m.index + m[0].length)))) continue;
    const date = datesIn(doc, { start: sentence.start + m.index, end: Math.min(sentence.end, sentence.start + m.index + 80) }, meta.ref)[0];
    if (!date) {
      const atMeeting = raisedAtMeeting(meta, marks, sentence);
      if (atMeeting) return atMeeting;
      continue;
    }
    const n = /§\s*(\d+)/.exec(f.slice(m.index))?.[1];
    return { date: date.date, paragraph: n ? `§ ${n}` : undefined, source: sentence, explicit: true };
  }
  // Handed in on a date the text writes: "Motionen inkom 2027-01-15", "inlämnad den 3 mars", "en motion inkommen 2027-02-10".
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const f = fslice(doc, sentence);
    const m = /\bmotion(?:en)?\b[^.]{0,40}?\b(?:inkom|inkommit|inkommen|inlamnad|inlamnades|lamnades in)\b/.exec(f);
    const date = m ? (datesIn(doc, { start: sentence.start + m.index, end: Math.min(sentence.end, sentence.start + m.index + m[0].length + 40) }, meta.ref)[0] ?? closingDate(doc, meta, sentence, sentence.start + m.index)) : undefined;
    if (date) return { date: date.date, source: sentence, explicit: true };
  }
  // Raised at this very meeting: "X väcker en motion", "Följande motioner har inkommit".
  const speaks = RAISED_HERE.exec(fslice(doc, block));
  if (!speaks) return undefined;
  const source = sentencesOf(doc, block).find((s) => s.start <= block.start + speaks.index && s.end > block.start + speaks.index) ?? block;
  return raisedAtMeeting(meta, marks, source);
}

/** What a motion proposes: the "att ..." after föreslår/yrkar, or the att-list items that follow it. */
function* motionProposals(doc: Doc, block: Block): Steps<{ source: Span; content: Span }[]> {
  const proposals: { source: Span; content: Span }[] = [];
  for (const section of block.sections) {
    const points = pointsOf(doc, section);
    for (const [i, point] of points.entries()) {
      if (i % SENTENCES_PER_STEP === 0) yield;
      // The att-list after a point is read once, however many of its sentences propose.
      let listRead = false;
      for (const sentence of sentencesOf(doc, point)) {
        const f = fslice(doc, sentence);
        const verb = PROPOSING.exec(f);
        if (!verb || /\b(?:bifall\w*|avsla\w*|besvarad)\b/.test(f.slice(verb.index))) continue;
        const att = f.indexOf(' att ', verb.index);
        if (att >= 0) {
          proposals.push({ source: sentence, content: trimSpan(doc.text, { start: sentence.start + att + 5, end: sentence.end }) });
          continue;
        }
        if (listRead) continue;
        listRead = true;
        for (let k = i + 1; k < points.length; k++) {
          const next = points[k] ?? point;
          const m = /^att\s+/.exec(fslice(doc, next));
          if (!m) break;
          proposals.push({ source: next, content: { start: next.start + m[0].length, end: next.end } });
        }
      }
    }
  }
  return proposals;
}

/** The board that carries out the council's decisions (kommunallagen 6 kap. 13 §): kommunstyrelsen, in a region regionstyrelsen. */
function executiveOf(meta: BlockMeta): string {
  return `${(COUNCIL_BODIES.has(meta.decider ?? '') ? organisationOf(meta.decider) : undefined) ?? meta.organisation}styrelsen`;
}

/** An approved motion: what it proposed becomes work for whoever it names, else whoever prepared it. */
function* approvedProposals(doc: Doc, block: Block, meta: BlockMeta, target: string | undefined): Steps<Candidate[]> {
  const items: Candidate[] = [];
  for (const { source, content: written } of yield* motionProposals(doc, block)) {
    yield;
    let content = written;
    const council = /^kommunfullmaktige\s+(?:beslutar\s+|besluta\s+)?(?:att\s+)?/.exec(fslice(doc, content));
    if (council && !/^kommunfullmaktige\s+(?:ger|uppdrar)\b/.test(fslice(doc, content))) content = { ...content, start: content.start + council[0].length };
    const commission = readCommission(doc, content);
    const point: Point = { ...source, confidence: 0.7, flag: 'Motionen bifölls: motionens förslag blir ett uppdrag. Kontrollera ansvarig och tidpunkt.' };
    // "att kommunen ska inventera …" names no one: the work is whoever prepared the motion's (below).
    if (commission && !commission.exhortation && !commission.organisation) {
      items.push(...taskItems(doc, meta, commission, source, point));
      continue;
    }
    const first = /\s+och\s+att\s+|,\s*(?:och\s+)?att\s+/.exec(fslice(doc, content));
    const clause = first ? { start: content.start, end: content.start + first.index } : content;
    const task = subjectlessTask(doc, clause);
    const [item] = taskItems(doc, meta, { roles: [task], task, exhortation: false }, source, { ...point, confidence: target ? 0.6 : 0.55 });
    if (!item) continue;
    const executive = executiveOf(meta);
    item.role = target ?? executive;
    item.title = infinitive(item.title);
    if (!target) item.flags.push(`Ansvarig framgår inte: ${executive} verkställer fullmäktiges beslut.`);
    items.push(item);
  }
  return items;
}

/** "Motionen bifalls och överlämnas till tekniska nämnden för verkställighet": who carries out a motion granted. */
const EXECUTED_BY = new RegExp(`\\b(?:overlamn|lamna|skick|hanskj|uppdra)\\w*\\s+(?:(?:motionen|den|arendet)\\s+)?(?:till|at)\\s+(${BODY_PHRASE}|[a-z][^.;:\\n]{2,60}?)\\s+(?:for|att\\s+svara\\s+for)\\s+(?:verkstallighet(?:en)?|genomforande(?:t)?|verkstallande(?:t)?)\\b`);

/** The body or official a granted motion is handed to for execution, as written, and the sentence that says so. */
function executorOf(doc: Doc, points: Point[]): { role: string; source: Span } | undefined {
  for (const point of points) {
    const m = EXECUTED_BY.exec(fslice(doc, point));
    if (!m?.[1]) continue;
    const start = point.start + m.index + m[0].indexOf(m[1], m[0].search(/\s(?:till|at)\s/));
    return { role: doc.text.slice(start, start + m[1].length), source: point };
  }
  return undefined;
}

/**
 * A motion granted and handed on for execution, with nothing in the text of what it proposed: the
 * work is carrying out the motion, titled by it ("Verkställa motionen om fler laddstolpar"), flagged
 * so the clerk writes what is to be done.
 */
function executionItem(doc: Doc, meta: BlockMeta, executor: { role: string; source: Span }): Candidate {
  const subject = /^motion(?:en)?\s+(om|angående|gällande|kring)\s+(.+)$/i.exec(meta.title ?? '');
  const title = subject ? `Verkställa motionen ${subject[1]} ${subject[2]}` : meta.title ? `Verkställa motionen: ${meta.title}` : 'Verkställa motionen';
  return {
    kind: 'uppdrag',
    title: restoreDiacritics(title, doc.lexicon).slice(0, 200),
    role: executor.role,
    decision: decisionOf(meta),
    caseNumber: meta.caseNumber,
    confidence: 0.6,
    flags: ['Motionen bifölls och lämnades för verkställighet: ange vad som ska göras och när.'],
    source: executor.source,
  };
}

/** "kommunen ska inventera ..." → "inventera ...": the subject of a motion's proposal goes. */
function subjectlessTask(doc: Doc, clause: Span): Span {
  const m = /^(?:kommunen|vi|man|staden)\s+(?:ska\s+|skall\s+|bor\s+)?/.exec(fslice(doc, clause));
  return m ? { start: clause.start + m[0].length, end: clause.end } : clause;
}

const IRREGULAR: Record<string, string> = { tar: 'ta', ser: 'se', gör: 'göra', får: 'få', går: 'gå', har: 'ha', blir: 'bli', ger: 'ge' };

/** "En plan tas fram senast …" → "Ta fram en plan senast …": work told in the passive after "ansvarar för att", in the active. */
function activeTitle(title: string, lexicon: Lexicon): string {
  const m = new RegExp(`^(.{1,120}?)\\s+(?:ska\\s+|skall\\s+)?(${WORK_PASSIVE})\\b`).exec(fold(title));
  if (!m?.[1] || !m[2]) return title;
  const object = title.slice(0, m[1].length);
  const verb = title.slice(m[0].length - m[2].length, m[0].length).replace(/s(?=\s|$)/, '');
  return `${opening(verb)} ${ARTICLE.test(fold(object)) ? inSentence(object, lexicon) : object}${title.slice(m[0].length)}`;
}

/** "Tar fram en plan" → "Ta fram en plan": a proposal in the present tense as a task. */
function infinitive(title: string): string {
  return title.replace(/^(\p{L}+)/u, (verb) => {
    const lower = verb.toLowerCase();
    const base = IRREGULAR[lower] ?? (/ar$/.test(lower) ? lower.slice(0, -1) : /er$/.test(lower) ? `${lower.slice(0, -2)}a` : /ör$/.test(lower) ? `${lower}a` : lower);
    return opening(base);
  });
}

// ---------------------------------------------------------------- remiss letters

/** An outside authority's name, folded ("lansstyrelsen", "trafikverket", "region skane"); a court asks for a yttrande in an appeal ("lansratten"). */
const AUTHORITY_NAME =
  '(?:lansstyrelsen|(?:lans|kammar|forvaltnings|tings|hov)ratten|mark- och miljodomstolen|regeringskansliet|[a-z]+departementet|[a-z]+(?:verket|myndigheten|inspektionen|kollegiet|kassan)|(?:social|skogs|transport)styrelsen|lantmateriet|riksantikvarieambetet|myndigheten for samhallsskydd och beredskap|region [a-z]+|[a-z]+s kommun|[a-z]+s stad|vastra gotalandsregionen|sveriges kommuner och regioner)';
const AUTHORITY = new RegExp(`\\b${AUTHORITY_NAME}\\b`, 'g');

/** An outside authority named at [at...] on one line, with its county or region when written. */
function authorityAt(doc: Doc, at: number, end: number): string | undefined {
  const f = doc.folded.slice(at, end);
  const m = new RegExp(AUTHORITY.source).exec(f);
  // "trafikverket@trafikverket.se" is an address, not the authority's name.
  if (!m || m.index !== 0 || /^[@.]\w/.test(f.slice(m[0].length))) return undefined;
  let length = m[0].length;
  // A court's seat: "Förvaltningsrätten i Göteborg", "Mark- och miljödomstolen vid Vänersborgs tingsrätt".
  const seat = /ratten$|domstolen$/.test(m[0]) ? /^ (?:i|vid) \p{Lu}\p{Ll}+(?: tingsr[äa]tt)?/u.exec(doc.text.slice(at + length, end)) : null;
  if (seat) length += seat[0].length;
  if (m[0] === 'lansstyrelsen') {
    const rest = doc.text.slice(at + length, end);
    // "i Västra Götalands län", "i Skåne län", "i Kalmar län"; or the county alone ("Länsstyrelsen Skåne").
    // Folding keeps every offset: the folded match's length is the written one's.
    const county = /^ i (?:\p{L}+ ){0,2}?\p{L}+ lan\b/u.exec(fold(rest)) ?? /^ \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?(?=\s*$|\s*\n)/u.exec(rest);
    length += county?.[0].length ?? 0;
  }
  if (m[0].startsWith('region ') && !/^Region \p{Lu}/u.test(doc.text.slice(at, at + length))) return undefined;
  const name = doc.text.slice(at, at + length);
  const cased = name === name.toUpperCase() ? name.charAt(0) + name.slice(1).toLowerCase() : name;
  return restoreDiacritics(cased, doc.lexicon);
}

interface Remiss {
  deadline: CalendarDate;
  recipient?: string;
  source: Span;
  subject?: string;
  /** An entry of an authority's list (LISTED_REMISS): its subject opens with a name (the applicant, the place) and is kept as written. */
  listed?: boolean;
  /** An item of a body's agenda sent to it for its answer (AGENDA_REMISS): the body is the one asked. */
  agendaItem?: boolean;
}

/** A sentence that names the answer: "synpunkter", "yttrande", "remissvar", "remisstid", "remissperiod", "svar", "svarsdatum", "besvaras", "tycka till". */
const ANSWER_NAMED = /synpunkt|yttrande|remissvar|remisstid|remissperiod|\bsvar|\bbesvara|\btycka till\b/;

/** The words that make a date a remiss deadline: "senast", "före den", "sista dag", "svarstid", "remisstiden går ut", "fram till den … går det att tycka till" (the sentence names the answer: ANSWER_NAMED). */
const DEADLINE_CUE = /\b(?:senast|senaste dag|sista dag|sista svarsdag|svarsdatum|svarstid|remisstid(?:en)?|remissperiod(?:en)?|fore|innan|till och med|t\.o\.m|fram till)\b/;

/**
 * The remisses of a block: each sentence that asks for the answer by a date, one per date. A page
 * of an authority may list several remisses, each with its own deadline, recipient and subject:
 * each is read within its part of the block (from the previous deadline to the next).
 */
function* remissesOf(doc: Doc, block: Block, meta: BlockMeta): Steps<Remiss[]> {
  const folded = fslice(doc, block);
  // "har remitterat motionen till socialnämnden för yttrande" sends a remiss as well as "remiss" does.
  if (!/remiss|remitter|samrad|synpunkt|yttra/.test(folded) || REMISS_CLOSED.test(folded)) return [];
  // A body's own proposal it is to send out ("Planförslaget ska remitteras till bland annat kommuner …"): it asks for answers, it owes none.
  if (meta.decider && SENDS_OUT.test(folded)) return [];
  // `period`: told as the remiss period ("Remisstiden är 10 april till 1 juli"), not as the answer asked for.
  // `listed`: an entry of an authority's list (LISTED_REMISS), its deadline at its end.
  // `agendaItem`: an agenda's item sent to the body "för yttrande senast …" (AGENDA_REMISS), its sender and subject in the item.
  // `inLines`: an agenda's item told in lines ("Remiss från X" then "Remisstid …"), read as one even when it is the only one.
  const found: { sentence: Span; deadline: CalendarDate; period: boolean; brief: boolean; listed?: RegExpExecArray; agendaItem: boolean; inLines: boolean }[] = [];
  const byDeadline = new Map<CalendarDate, (typeof found)[number]>();
  let i = 0;
  for (const whole of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    // The deadline of a remiss passed on is the committee's answer's (see passedOn); the municipality's may follow it.
    const sentence = passedOn(doc, whole).rest;
    if (!sentence) continue;
    const f = fslice(doc, sentence);
    const cue = DEADLINE_CUE.exec(f);
    // A remiss's deadline names the answer ("Synpunkter ska ha kommit in senast …"); "Ansökan ska ha inkommit senast …"
    // or "Anmälan lämnas senast …" to a meeting is no remiss, though the page speaks of one.
    if (isQuestion(doc, sentence) || !cue || !ANSWER_NAMED.test(f)) continue;
    const dates = timingsIn(doc, sentence, meta.ref).flatMap((t) => (t.form === 'date' ? [t] : []));
    // "Sista dag för svar: 2027-03-15" marks the date that follows the cue; "Remisstid: 1 februari – 15 mars" ends on the last.
    const after = dates.filter((t) => t.start >= sentence.start + cue.index && t.start - (sentence.start + cue.index + cue[0].length) <= 40);
    const date = /^remiss(?:tid|period)/.test(cue[0]) ? after.at(-1) : (dates.find((t) => t.marked) ?? after[0]);
    if (!date) continue;
    const period = /^remiss(?:tid|period)/.test(cue[0]) || /\bremissperiod/.test(f);
    // A heading ("Svara senast 15 november"), a date without its year or an offer ("nu finns det möjlighet att lämna
    // synpunkter senast …") restates the deadline a sentence asking for the answer then tells in full.
    const brief = !date.yearWritten || isHeading(doc, sentence) || OFFER.test(f);
    // The same deadline again: the sentence that asks for the answer ("Svar önskas senast …") tells the remiss, not the
    // period, and a full sentence with the year written tells it rather than a heading.
    // An entry of an authority's list names its own remiss ("Ansökan om tillstånd …, Högsby kommun [yttrande senast 5 mars 2018]"), whatever the date.
    const listed = LISTED_REMISS.exec(f) ?? undefined;
    const inLines = AGENDA_REMISSTID.test(f) && SENDER_LINE.test(lastLineBefore(doc, sentence.start));
    const agendaItem = inLines || AGENDA_REMISS.test(f);
    const earlier = listed ? undefined : byDeadline.get(date.date);
    // Two items of an agenda, each sent to the body "för yttrande senast" the same day, are two remisses.
    const same = earlier?.agendaItem && agendaItem && AGENDA_ITEM.test(doc.text.slice(earlier.sentence.end, sentence.start)) ? undefined : earlier;
    if (same) {
      if ((same.period && !period) || (same.brief && !brief && !period)) Object.assign(same, { sentence, period, brief, listed });
      continue;
    }
    const remiss = { sentence, deadline: date.date, period, brief, listed, agendaItem, inLines };
    byDeadline.set(date.date, remiss);
    found.push(remiss);
  }
  const remisses: Remiss[] = [];
  const agendaItems = found.filter((r) => r.agendaItem).length;
  for (const [i, { sentence, deadline, listed, agendaItem, inLines }] of found.entries()) {
    if (i % SENTENCES_PER_STEP === 0) yield;
    const part = { start: found[i - 1]?.sentence.end ?? block.start, end: found[i + 1]?.sentence.start ?? block.end };
    const item = agendaItem && (agendaItems > 1 || inLines) ? itemOfAgenda(doc, part, sentence) : undefined;
    const subject = listed
      ? entrySubject(slice(doc, sentence).slice(0, listed.index))
      : item
        ? item.subject
        : found.length > 1
          ? (titleLineBefore(doc, { start: part.start, end: sentence.start }) ?? remissSubject(doc, part))
          : remissSubject(doc, block);
    // An entry's recipient is in the entry, not in the entries or prose around it.
    const recipient = item?.sender ?? recipientOf(doc, sentence, listed ? sentence : part);
    // "Remiss från Huddinge kommun\nRemisstid 16 oktober 2011": the sender's line is the item's remiss too.
    const source = item?.senderAt !== undefined ? { start: item.senderAt, end: sentence.end } : sentence;
    remisses.push({ deadline, recipient, source, subject, ...(listed ? { listed: true } : {}), ...(item ? { agendaItem: true } : {}) });
  }
  return remisses;
}

/** An agenda's item sent to the body for its answer: "Stadsrevisionen, för yttrande senast den 24 maj 2013", "Remiss från kommunstyrelsen, dnr …, för yttrande senast 2013-05-24". */
const AGENDA_REMISS = /,\s*for\s+yttrande\s+senast\b/;
/** The same told in two lines: "Remiss från Utbildningsdepartementet" (SENDER_LINE), then "Remisstid 22 september 2011". */
const AGENDA_REMISSTID = /^remisstid\s+\d/;
// At the end of its line: a title line above may run into it ("6 PM: Tid för inlärning (SOU 2027:19) Remiss från …").
const SENDER_LINE = /(?:^|\s)(remiss\s+fr[åa]n\s+(\S[^,.;\n]{2,59}?))\s*$/i;

/** The line before the one `at` is on, past blank lines. */
const lastLineBefore = (doc: Doc, at: number): string => linesAbove(doc, at).find((line) => line.trim()) ?? '';
/** A line that opens an agenda's item: its number, then its title ("10 Motion 2013:26 av …", "9. Revisionsrapport …"). */
const AGENDA_ITEM = /\n[ \t]*\d{1,2}[.)]?[ \t]+\p{Lu}/u;

/**
 * What an agenda's item sent "för yttrande senast …" is about, and who sent it: the item's numbered title line (the
 * sentence's own when it is one: "9 Revisionsrapport 2013:5 … Stadsrevisionen, för yttrande …", else the last one
 * before it within `part`), and the sender named before the comma ("Remiss från kommunstyrelsen, …", "Stadsrevisionen, …").
 */
function itemOfAgenda(doc: Doc, part: Span, sentence: Span): { subject?: string; sender?: string; senderAt?: number } {
  const own = slice(doc, sentence);
  // "fran", "for": a PDF that lost its å/ä/ö still tells the sender.
  const from = /\bremiss\s+fr[åa]n\s+([^,.;\n]{3,60}?)\s*,/i.exec(own);
  const named = from ? undefined : /(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,3})\s*,\s*f[öo]r\s+yttrande\s+senast\b/u.exec(own);
  const numbered = (line: string) => AGENDA_LINE.exec(line)?.[1];
  let subject = numbered(own);
  if (subject && named) subject = subject.slice(0, subject.length - (own.length - named.index));
  // Else the item's title line above, and the sender's own line ("Remiss från Huddinge kommun") nearest above.
  let above: string | undefined;
  let senderLine: { sender: string; at: number } | undefined;
  for (const line of linesOf(doc, { start: part.start, end: sentence.start })) {
    const text = slice(doc, line);
    const alone = SENDER_LINE.exec(text);
    const at = alone?.[1] ? alone.index + alone[0].indexOf(alone[1]) : undefined;
    above = numbered(at === undefined ? text : text.slice(0, at)) ?? above;
    if (alone?.[2] && at !== undefined) senderLine = { sender: alone[2], at: line.start + at };
  }
  subject ??= above;
  const sender = from?.[1] ?? named?.[1] ?? senderLine?.sender;
  const senderAt = from || named ? undefined : senderLine?.at;
  return { subject: subject?.replace(/\s+/g, ' ').trim() || undefined, sender, ...(senderAt !== undefined ? { senderAt } : {}) };
}

/**
 * "ska remitteras till bland annat kommuner", "beslutar att skicka ut förslaget på remiss": a remiss the body itself is
 * to send out to others. Not one it passes on within ("Ärendet ska remitteras till miljönämnden": see PASSED_ON).
 */
const SENDS_OUT =
  /\b(?:ska|skall|kommer\s+att)\s+(?:\S+\s+){0,8}?(?:remitteras|skickas\s+ut\s+pa\s+remiss|sandas\s+ut\s+pa\s+remiss|ga\s+ut\s+pa\s+remiss)\s+till\s+(?:bland\s+annat\s+)?(?:\S+\s+){0,2}?(?:kommuner(?:na)?|myndigheter(?:na)?|remissinstanser(?:na)?|berorda|organisationer(?:na)?|instanser(?:na)?|aktorer(?:na)?)\b|\bbeslutar\s+(?:\S+\s+){0,3}?att\s+(?:skicka|sanda)\s+ut\s+(?:\S+\s+){0,6}?pa\s+remiss\b/;

/** "Nu är remisstiden avslutad", "Remissperioden avslutad för …", "remisstiden har gått ut": the remiss is over, and no answer is owed. */
const REMISS_CLOSED = /\bremiss(?:tiden|perioden)\s+(?:ar\s+|har\s+)?(?:nu\s+)?(?:avslutad|stangd|over|slut|gatt\s+ut)\b/;

/** The end of an entry in an authority's list of kungörelser, its own deadline in brackets: "… [yttrande senast 12 mars 2018]". */
const LISTED_REMISS = /\[\s*(?:yttrande|synpunkter|svar)[^\]\n]{0,20}?\bsenast\b[^\]\n]{0,30}\]\s*$/;

/** What an entry of a list is about: its text before the bracket, without what a missing space ran into it ("… webbplats.Försvarsmakten, …"). */
function entrySubject(entry: string): string {
  // The last full stop before a capital ends what came before; one before a small letter is an abbreviation ("t.ex. en").
  let start = 0;
  for (const m of entry.matchAll(/\.\s*(?=\p{Lu})/gu)) start = m.index + m[0].length;
  return entry.slice(start).replace(/\s+/g, ' ').trim();
}

/** "Kommunstyrelsen remitterar ärendet till miljönämnden för yttrande": a remiss received, passed on for an answer within the municipality. */
const PASSED_ON = new RegExp(`\\b(?:remitterar|remittera|remitteras)\\s+(?:arendet|remissen)\\s+(?:vidare\\s+)?till\\s+(${BODY_PHRASE})(?=\\s+for\\s+yttrande\\b)`);

/**
 * A sentence read for a remiss passed on: `clause`, up to a semicolon, passes it on ("Kommunstyrelsen remitterar
 * ärendet till miljönämnden för yttrande senast den 1 mars"), with the committee as written; `rest` is what follows
 * ("kommunens svar ska vara Trafikverket tillhanda senast den 15 mars 2027"), none when nothing does. A sentence
 * that passes nothing on is all `rest`.
 */
function passedOn(doc: Doc, sentence: Span): { clause?: Span; committee?: string; rest?: Span } {
  const f = fslice(doc, sentence);
  const m = PASSED_ON.exec(f);
  if (!m?.[1]) return { rest: sentence };
  const semicolon = f.indexOf(';', m.index);
  const end = semicolon < 0 ? sentence.end : sentence.start + semicolon;
  const at = sentence.start + m.index + m[0].length - m[1].length;
  return {
    clause: { start: sentence.start, end },
    committee: restoreDiacritics(doc.text.slice(at, at + m[1].length), doc.lexicon),
    rest: semicolon < 0 ? undefined : trimSpan(doc.text, { start: end + 1, end: sentence.end }),
  };
}

/**
 * The answer a committee owes for a remiss the deciding body passes on ("remitterar ärendet till miljönämnden för
 * yttrande senast den 1 mars"): a yttrande for the committee, to the body, decided by the committee, as a remiss
 * within the municipality is (README, "Remisses and answers").
 */
function* passedOnAnswers(doc: Doc, block: Block, meta: BlockMeta, subject: string | undefined): Steps<Candidate[]> {
  const answers: Candidate[] = [];
  let i = 0;
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const { clause, committee } = passedOn(doc, sentence);
    if (!clause || !committee) continue;
    const cue = DEADLINE_CUE.exec(fslice(doc, clause));
    const date = cue ? timingsIn(doc, clause, meta.ref).flatMap((t) => (t.form === 'date' && t.start >= clause.start + cue.index ? [t] : []))[0] : undefined;
    const to = BODY_NAMES[meta.decider ?? ''];
    const decidedBy = bodyCode(fold(committee), meta.decider, meta.organisation);
    answers.push({
      kind: 'yttrande',
      title: restoreDiacritics(yttrandeTitle(subject, doc.lexicon), doc.lexicon).slice(0, 200),
      role: committee,
      due: date ? { externalDeadline: date.date, ...(to ? { recipient: opening(to) } : {}), ...(decidedBy ? { decidedBy } : {}) } : undefined,
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: 0.85,
      flags: date ? [] : ['Ingen sista dag för nämndens yttrande anges: ange en tidsfrist.'],
      source: clause,
    });
  }
  return answers;
}

/** The answer offered, not asked for: "möjlighet att lämna synpunkter", "välkommen att lämna synpunkter". */
const OFFER = /\b(?:mojlighet(?:en)?|tillfalle|valkommen|valkomna)\s+att\b/;

/** A line of its own with no full stop: a heading ("Svara senast 15 november", "Sista dag för yttrande 1 mars"). */
function isHeading(doc: Doc, sentence: Span): boolean {
  const text = slice(doc, sentence).trim();
  const lineStart = doc.text.lastIndexOf('\n', sentence.start - 1) + 1;
  return text.length <= 60 && !/[.!?]$/.test(text) && doc.text.slice(lineStart, sentence.start).trim() === '' && !/[^\n]/.test(doc.text.slice(sentence.end, lineEnd(doc, sentence.end, doc.text.length)).trim());
}

/** "till Länsstyrelsen", "hos Trafikverket": where an answer is sent, in a span. */
function sentTo(doc: Doc, span: Span, pattern: RegExp): string | undefined {
  for (const m of fslice(doc, span).matchAll(pattern)) {
    const recipient = authorityAt(doc, span.start + m.index + m[0].length, lineEnd(doc, span.start + m.index + m[0].length, span.end));
    if (recipient) return recipient;
  }
  return undefined;
}

const lineEnd = (doc: Doc, at: number, end: number) => {
  const next = doc.text.indexOf('\n', at);
  return next < 0 ? end : Math.min(next, end);
};

/** "Skicka ditt svar till Länsstyrelsen", "Remissvar till Trafikverket", "överlämnar det till Länsstyrelsen". */
const SEND_TO = /\b(?:skicka\w*|sand\w*|lamna\w*|overlamna\w*|remissvar\w*|svar(?:et|en)?|yttrande(?:t|n)?|synpunkter(?:na)?)\b[^.\n]{0,60}?\btill\s+(?=[a-z])/g;

/**
 * Whom a remiss is answered to: the authority its deadline sentence names ("till Länsstyrelsen",
 * "vara Naturvårdsverket tillhanda", "Naturvårdsverket behöver synpunkter", an address on the
 * next line after a closing "till"), else the one its part of the text tells the answer to be sent
 * to, else the sender heading the letter. An authority only mentioned (a contact block, the
 * authority's own later work) is none: the clerk is asked. The name is as the sentence writes it: a
 * bare "Länsstyrelsen" stays bare (the gold of the real corpus, docs/domain.md).
 */
function recipientOf(doc: Doc, sentence: Span, part: Span): string | undefined {
  const f = fslice(doc, sentence);
  const held = /\bvara\s+(?=[a-z][^.]{0,60}?\stillhanda\b)/.exec(f);
  const internal = new RegExp(`\\btill\\s+(${BODY_PHRASE})\\b`).exec(f);
  const address = postalAddress(doc, part);
  const named = sentTo(doc, sentence, /\b(?:till|hos)\s+(?=[a-z])/g);
  // "till Länsstyrelsen … Skicka yttrandet till: Länsstyrelsen i Stockholms län": the address writes the same authority in full.
  if (named && address && fold(address).startsWith(`${fold(named)} `)) return address;
  return (
    named ??
    // A remiss within the municipality: "Svar ska ha inkommit till kommunstyrelsen senast …".
    (internal?.[1] && !/^(?:namnd|styrelse|arbetsutskott|utskott)/.test(internal[1]) ? capitalized(doc, sentence.start + internal.index + internal[0].length - internal[1].length, internal[1].length) : undefined) ??
    (held ? authorityAt(doc, sentence.start + held.index + held[0].length, sentence.end) : undefined) ??
    authorityAt(doc, sentence.start, sentence.end) ??
    (/\btill$/.test(f) ? authorityAt(doc, nextLineStart(doc, sentence.end, part.end), lineEnd(doc, nextLineStart(doc, sentence.end, part.end), part.end)) : undefined) ??
    mailedTo(doc, sentence) ??
    sentTo(doc, part, SEND_TO) ??
    address ??
    letterhead(doc) ??
    mailedTo(doc, part) ??
    authorOf(doc, part)
  );
}

/** "Remissvaret skickar ni med e-post eller brev till:", "Skicka det skriftliga yttrandet till:": an address follows. */
// "Remissen har skickats till:" heads the letter's distribution list (sändlista), not the answer's address.
const ADDRESS_FOLLOWS = /(?<!\bremiss\w*\s+(?:har\s+)?)\b(?:skicka\w*|sand\w*|lamna\w*|mejla\w*|remissvar\w*|svar(?:et|en)?|yttrande(?:t|n)?|synpunkter(?:na)?)\b[^.\n]{0,60}?\btill\s*:?[ \t]*\n/g;
/** A label before the authority on an address line ("Postadress: Myndigheten för …"). */
const ADDRESS_LABEL = /^(?:post|brev|besoks)?adress\s*:\s*/;
/** The lines of an address read after its "till:" (the name is on one of the first). */
const ADDRESS_LINES = 4;

/**
 * The authority on the address an answer is sent to: the first of the few lines after "… skicka svaret
 * till:" that names one, an e-mail line passed over ("E-post: registrator@msb.se") and a label dropped
 * ("Postadress: Myndigheten för samhällsskydd och beredskap").
 */
function postalAddress(doc: Doc, part: Span): string | undefined {
  for (const m of fslice(doc, part).matchAll(ADDRESS_FOLLOWS)) {
    let at = part.start + m.index + m[0].length;
    for (let n = 0; n < ADDRESS_LINES && at < part.end; n++) {
      const end = lineEnd(doc, at, part.end);
      const line = fold(doc.text.slice(at, end));
      const label = ADDRESS_LABEL.exec(line.trimStart());
      const start = at + (line.length - line.trimStart().length) + (label?.[0].length ?? 0);
      const name = /@|e-post|epost|mejl/.test(line) ? undefined : authorityAt(doc, start, end);
      if (name) return name;
      at = end + 1;
    }
  }
  return undefined;
}

/** An e-mail address in a span ("till skogsstyrelsen@skogsstyrelsen.se"): its domain without the country. */
const MAIL_DOMAIN = /\b[a-z0-9._-]{1,64}@([a-z0-9-]{2,63})\.(?:se|nu|com|org)\b/g;

/**
 * The authority an answer is mailed to, when the address's domain is the name of an authority the text
 * names ("skogsstyrelsen.se" and "Skogsstyrelsen", "regionvasterbotten.se" and "Region Västerbotten"). An
 * address whose domain names no one the text names is no recipient (the draft asks for one).
 */
function mailedTo(doc: Doc, span: Span): string | undefined {
  for (const m of fslice(doc, span).matchAll(MAIL_DOMAIN)) {
    const at = authoritiesNamed(doc).get(m[1] ?? '');
    const name = at === undefined ? undefined : authorityAt(doc, at, lineEnd(doc, at, doc.text.length));
    if (name) return name;
  }
  return undefined;
}

const NAMED_AUTHORITIES = new WeakMap<Doc, Map<string, number>>();

/** Where the text first names each authority, by its name without spaces or hyphens ("regionvasterbotten"): read once per text. */
function authoritiesNamed(doc: Doc): Map<string, number> {
  let named = NAMED_AUTHORITIES.get(doc);
  if (!named) {
    named = new Map();
    for (const a of doc.folded.matchAll(AUTHORITY)) {
      const key = a[0].replace(/[\s-]/g, '');
      if (!named.has(key)) named.set(key, a.index);
    }
    NAMED_AUTHORITIES.set(doc, named);
  }
  return named;
}

/**
 * "Region Blekinges förslag", "Trafikverket har tagit fram ett förslag", "Naturvårdsverket har skickat förslaget på
 * remiss": the author of what is sent on remiss, one of the outside authorities AUTHORITY knows.
 */
const AUTHOR = new RegExp(
  // The county may stand between the name and the verb ("Länsstyrelsen i Skåne län har skickat …").
  `\\b(${AUTHORITY_NAME})(\\s+i\\s+(?:[a-z]+\\s+){0,2}?[a-z]+\\s+lan)?` +
    '(?:s\\s+(?:forslag|remiss|utkast|remissversion)\\b|\\s+(?:har\\s+)?(?:upprattat|tagit fram|utarbetat|tar fram|upprattar|remitterat|skickar ut|skickat ut|uppdaterar|uppdaterat|reviderar|reviderat|remitterar)\\b|' +
    '\\s+(?:har\\s+)?(?:skickat|skickar|sant|sander)\\s+(?:\\S+\\s+){0,5}?(?:ut\\s+)?pa\\s+remiss\\b)',
);

/**
 * The authority whose proposal is on remiss, when the text names no one to answer to (the answer goes to
 * an e-mail address): the one who sent the remiss out is the one the answer goes back to.
 */
function authorOf(doc: Doc, part: Span): string | undefined {
  const m = AUTHOR.exec(fslice(doc, part));
  if (!m?.[1]) return senderOf(doc, part);
  // With its county when written ("Länsstyrelsen i Skåne län har skickat …").
  const at = part.start + m.index;
  return authorityAt(doc, at, at + m[1].length + (m[2]?.length ?? 0)) ?? capitalized(doc, at, m[1].length);
}

/** "… från Region Skåne" closing a remiss's subject. */
const FROM_AUTHORITY = new RegExp(`\\s+fran\\s+${AUTHORITY_NAME}\\b`);

/** "besvara remissen från Trafikverket": group 1 the sender. */
const REMISS_FROM = new RegExp(`\\bremiss(?:en|erna)?\\s+(?:(?:av|om|gallande|angaende)\\s+[^.\\n]{4,150}?\\s+)?fran\\s+(${AUTHORITY_NAME})\\b`, 'd');

/** The authority a remiss was received from ("har fått remissen … från Region Skåne", "remissen från Trafikverket"), with its county when written. */
function senderOf(doc: Doc, part: Span): string | undefined {
  const f = fslice(doc, part);
  const sender = RECEIVED_REMISS.exec(f)?.indices?.[2] ?? REMISS_FROM.exec(f)?.indices?.[1];
  if (!sender) return undefined;
  const at = part.start + sender[0];
  const lineEnd = doc.text.indexOf('\n', at);
  return authorityAt(doc, at, lineEnd < 0 || lineEnd > part.end ? part.end : lineEnd) ?? capitalized(doc, at, sender[1] - sender[0]);
}

/** The written words at [at, at + length), with a capital first letter ("Kommunstyrelsen"). */
function capitalized(doc: Doc, at: number, length: number): string {
  return opening(doc.text.slice(at, at + length));
}

/** The first non-blank character after the line break at or after `at`, within `end`. */
function nextLineStart(doc: Doc, at: number, end: number): number {
  let i = at;
  while (i < end && /\s/.test(doc.text[i] ?? '')) i++;
  return i;
}

/** "Yttrande över <what the remiss is about>"; a subject that is itself titled "Yttrande över …" is not said twice. */
function yttrandeTitle(written: string | undefined, lexicon: Lexicon): string {
  // A page's link to its answer form ("Ge synpunkter på Utvecklingsstrategi för Östergötland") names the remiss after its verb.
  const asked = written && /^(?:ge|lamna|skicka in)\s+(?:dina\s+|era\s+)?synpunkter\s+pa\s+(?=\S)/.exec(fold(written));
  const subject = asked ? written.slice(asked[0].length) : written;
  if (!subject) return 'Yttrande över remiss';
  return /^yttrande over\b/.test(fold(subject)) ? opening(subject) : `Yttrande över ${inSentence(subject, lexicon)}`;
}

/** The sender of a letter: an authority alone on the document's first line ("Trafikverket", "LÄNSSTYRELSEN"). */
function letterhead(doc: Doc): string | undefined {
  const first = trimSpan(doc.text, lineSpans(doc.text, 0, Math.min(doc.text.length, 200))[0] ?? { start: 0, end: 0 });
  const name = authorityAt(doc, first.start, first.end);
  return name && fold(name).length >= first.end - first.start - 1 ? name : undefined;
}

/**
 * What a remiss is about: a labelled line ("Remiss: Översyn av kollektivtrafiken"), a line naming the
 * proposal ("Remiss av …", "Betänkandet …"), or the remiss received ("har fått remissen X från Region
 * Skåne"). Ends at the line's first sentence: a label run together with the text keeps to its label.
 */
function remissSubject(doc: Doc, span: Span): string | undefined {
  for (const line of linesOf(doc, span)) {
    const text = slice(doc, line).trim();
    const f = fold(text);
    const labelled = /^(?:remiss(?:svar)?|samrad)\s*[:–-]\s*(.+)$/.exec(f);
    if (labelled?.[1]) return firstSentence(text.slice(text.length - labelled[1].length));
    // "Remiss av förslag till regional cykelplan från Region Skåne" is about "förslag till regional cykelplan" ("Samråd om …" is kept: the answer is to a samråd).
    // "Förslag till beslut" is a section's label, not a proposal the remiss is about.
    if (/^(?:samrad om|remiss av|remiss om|betankandet?|promemorian?|forslag till|utkast till)\b/.test(f) && !/^forslag till beslut\b/.test(f) && text.length < 200) {
      const about = firstSentence(text.slice(/^remiss\s+(?:av|om)\s+/.exec(f)?.[0].length ?? 0));
      return about.slice(0, FROM_AUTHORITY.exec(fold(about))?.index ?? about.length);
    }
    const subject = RECEIVED_REMISS.exec(f)?.indices?.[1];
    if (subject) return text.slice(subject[0], subject[1]);
  }
  return undefined;
}

/**
 * A remiss received from an outside authority ("har fått remissen Översyn av kollektivtrafiken från
 * Region Skåne", "har fått en remiss om … från Länsstyrelsen"): group 1 its subject, group 2 its sender.
 */
const RECEIVED_REMISS = new RegExp(
  `\\b(?:fatt|erhallit|mottagit|tagit emot)\\s+(?:en\\s+)?remiss(?:en)?\\s+(?:om\\s+|av\\s+|gallande\\s+|angaende\\s+)?([^.\\n]{4,150}?)\\s+fran\\s+(${AUTHORITY_NAME})\\b`,
  'd',
);

/**
 * Text up to its first sentence end, without the full stop: ". " before a capital letter or a digit after a
 * word of four letters or more that is no abbreviation, so "Remiss ang. Inrättande av …", "m.fl. 2027" and
 * "Övling./. Västerviks kommun" read on.
 */
function firstSentence(text: string): string {
  const end = /(?<=(?<![\p{L}.])\p{L}{4,})(?<!\b(?:inkl|exkl|resp|bilaga|bil))[.!?]\s+(?=[\p{Lu}\d])/iu.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/** The last line of a span that reads as a title: short, no full stop, no label or address ("Boa, Falkenbergs kommun", "Remiss Vattnets miljömål 2023-2027"). */
function titleLineBefore(doc: Doc, span: Span): string | undefined {
  let title: string | undefined;
  for (const line of linesOf(doc, span)) {
    const text = slice(doc, line).trim();
    if (text.length >= 4 && text.length <= 100 && /\p{L}{3}/u.test(text) && !/[.:;,!?]$|[:@]/.test(text) && !LISTED_REMISS.test(fold(text))) title = text;
  }
  return title;
}

/** The answer given on delegation; not an agenda's report of other matters so decided ("Anmälan av delegationsbeslut"). */
const ON_DELEGATION = /(?<!(?:anmalan|redovisning|rapportering|anmalningar) av )delegation/;

/**
 * Who adopts the answer: "Förslaget till yttrande ska behandlas av kommunstyrelsen", else the body
 * the clerk named, else the body that commissioned it or the committee a letter is addressed to.
 * Delegation means no body decides.
 */
function yttrandeDecider(doc: Doc, block: Block, meta: BlockMeta, known: KnownFacts, fallback?: string): string | undefined {
  const f = fslice(doc, block);
  if (ON_DELEGATION.test(f)) return undefined;
  const m = new RegExp(`\\b(?:behandlas|beslutas|antas|faststalls|godkanns)\\s+av\\s+(${BODY_PHRASE})`).exec(f);
  if (m?.[1]) return bodyCode(m[1], meta.decider, meta.organisation);
  return known.body ?? fallback;
}

const BODY_LINE = new RegExp(`^(${BODY_PHRASE})$`);

/** Who a letter is for: "Handläggs på delegation av X", "Till: X", or a body alone on an address line. */
function addresseeOf(doc: Doc, block: Block): string | undefined {
  const f = fslice(doc, block);
  // "Frågor (om remissen) besvaras av Anna Berg": a contact line names who answers questions, not who answers the letter.
  const handler = /(?<!\bfragor\b[^.\n]{0,60})\b(?:handlaggs|besvaras|bereds)\s+(?:pa delegation\s+)?av\s+([a-z- ]{3,60}?)\s*(?:[.,\n]|$)/.exec(f);
  const to = /(?:^|\n)\s*till\s*:\s*([^,\n]{3,80})/.exec(f);
  const pick = handler ?? to;
  if (pick?.[1]) {
    const start = block.start + pick.index + pick[0].indexOf(pick[1]);
    return doc.text.slice(start, start + pick[1].length).trim();
  }
  // The document's first line is its sender ("Kommunstyrelsen" heading a remiss to a committee), not its addressee.
  const sender = trimSpan(doc.text, lineSpans(doc.text, 0, Math.min(doc.text.length, 200))[0] ?? { start: 0, end: 0 });
  for (const line of linesOf(doc, block)) {
    const text = slice(doc, line).trim();
    const m = BODY_LINE.exec(fold(text));
    if (m?.[1] && !/^(?:namnd|styrelse|arbetsutskott|utskott)/.test(m[1]) && line.start > sender.start) return text;
  }
  return undefined;
}

/** A commission to sign or send the answer ("uppdrar åt ordföranden att underteckna detsamma"): the answer's last steps. */
const SIGNS_ANSWER = /^(?:underteckna|skriva under|signera|skicka|oversanda|expediera)\b/;
/** A title that only refers back to what it acts on ("Underteckna detsamma"). */
const BACK_REFERENCE = /\s(?:detsamma|densamma|desamma|dessa|det|den|detta|denna)$/;

/**
 * "Kommunstyrelsen skickar förslaget på remiss till föreningarna": in a meeting's minutes or summary, a remiss the
 * body itself sends out. Its deadline is for others' answers, not one the body owes.
 */
const OWN_REMISS = new RegExp(`(?:^|[.\\n]\\s*)(?:${BODY_PHRASE}|vi)\\s+(?:beslutar\\s+|beslutade\\s+)?(?:att\\s+)?(?:skickar|skicka|sander|skickade)\\s+(?:ut\\s+)?[^.]{0,80}?\\bpa\\s+remiss\\b`);

function* yttrandeItems(doc: Doc, block: Block, meta: BlockMeta, known: KnownFacts, items: Candidate[], plain: boolean): Steps<Candidate[]> {
  const own = (meta.summary || !!meta.date) && OWN_REMISS.test(fslice(doc, block));
  const remisses = own ? [] : yield* remissesOf(doc, block, meta);
  const [remiss] = remisses;
  yield;
  // Who answers and who decides, read only for a block with a remiss deadline.
  const addressee = plain && remiss ? addresseeOf(doc, block) : undefined;
  // An agenda's items are for the body whose agenda it is to decide.
  const letterDecider = addressee ? bodyCode(fold(addressee)) : remiss?.agendaItem ? meta.decider : undefined;
  const decidedBy = remiss ? yttrandeDecider(doc, block, meta, known, plain ? letterDecider : meta.decider) : undefined;
  yield;
  const dueOf = (r: Remiss, decider: string | undefined): DraftDue => ({ externalDeadline: r.deadline, ...(r.recipient ? { recipient: r.recipient } : {}), ...(decider ? { decidedBy: decider } : {}) });
  const recipientFlag = (r: Remiss) => (r.recipient ? [] : [NO_RECIPIENT_FLAG]);
  // Work on the answer, or, in a decision, the remiss itself handed on ("Ärendet överlämnas till tekniska förvaltningen för beredning",
  // "delegerar till arbetsutskottet att besluta om yttrande": then the body it goes to decides the answer).
  const answering = remiss
    ? items.filter((c) => /yttrande|remissvar|remissen|svar pa/.test(fold(c.title)) || SIGNS_ANSWER.test(fold(c.title)) || (!plain && c.handedOn && c.kind !== 'motion'))
    : [];
  // The body gave the answer in this decision ("godkänna föreliggande förslag till yttrande"): only signing and sending remain.
  let answerGiven: boolean | undefined;
  if (remiss) for (const item of answering) {
    let decider = decidedBy;
    const signs = SIGNS_ANSWER.exec(fold(item.title));
    if (signs) {
      answerGiven ??= GIVES_ANSWER.test(fslice(doc, block));
      if (answerGiven) decider = undefined;
      // "att underteckna detsamma": the answer it refers back to, named.
      if (BACK_REFERENCE.test(fold(item.title))) {
        const over = remiss.subject ? ` över ${inSentence(remiss.subject, doc.lexicon)}` : '';
        item.title = restoreDiacritics(`${item.title.slice(0, signs[0].length)} yttrandet${over}`, doc.lexicon).slice(0, 200);
      }
    }
    if (item.handedOn) {
      const decides = /^(?:besluta|avgora)\b/.test(fold(item.title));
      if (decides) decider = bodyCode(fold(item.role ?? ''), meta.decider, meta.organisation) ?? decidedBy;
      const subject = inSentence(remiss.subject ?? meta.title ?? 'remissen', doc.lexicon);
      item.title = restoreDiacritics(`${decides ? 'Besluta om' : 'Ta fram förslag till'} yttrande över ${subject}`, doc.lexicon).slice(0, 200);
    }
    item.kind = 'yttrande';
    item.due = dueOf(remiss, decider);
    // The sentence with the deadline goes with the work, so the clerk sees both (and a year-less deadline is read as such).
    item.source = { start: Math.min(item.source.start, remiss.source.start), end: Math.max(item.source.end, remiss.source.end) };
    item.flags.push(...recipientFlag(remiss));
  }
  if (answering.length) return items;
  // "uppdra åt förvaltningen att ta fram förslag till yttrande" with no remiss deadline in view: still the answer's work.
  if (!remiss) for (const item of items) if (item.kind === 'uppdrag' && !item.due && DRAFTS_ANSWER.test(fold(item.title))) item.kind = 'yttrande';
  const undecided = !!remiss && !decidedBy && !ON_DELEGATION.test(fslice(doc, block));
  const owed = (r: Remiss): Candidate => {
    const flags = recipientFlag(r);
    if (undecided) flags.push('Inget beslutande organ angivet: yttrandet räknas som delegationsbeslut.');
    const subject = r.subject ?? meta.title;
    const title = r.listed ? `Yttrande över ${subject}` : yttrandeTitle(subject, doc.lexicon);
    return {
      kind: 'yttrande',
      title: restoreDiacritics(title, doc.lexicon).slice(0, 200),
      // An item of a nämnd's agenda is addressed to the nämnd, as the header names it.
      role: addressee ?? (r.agendaItem && decidedBy ? headerBody(doc, decidedBy, meta.organisation) : undefined),
      due: dueOf(r, decidedBy),
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: 0.85,
      flags,
      source: r.source,
    };
  };
  // A remiss received and passed on for a committee's answer: the municipality's answer is still owed, beside the committee's.
  const internal = remiss && !plain && !items.some((c) => c.kind === 'motion') ? yield* passedOnAnswers(doc, block, meta, remiss.subject ?? meta.title) : [];
  if (internal.length) return [...items, ...internal, ...remisses.map(owed)];
  // A summary of a meeting may hold a given answer beside other decisions; a remiss letter holds only the remiss.
  const given = yield* givenAnswers(doc, block, meta, remiss, plain);
  // A remiss letter's account of its sender's own course ("… skickar förslaget till regionstyrelsen för beslut") is no work of the reader's.
  const read = remiss && plain && !meta.summary ? items.filter((c) => !c.handedOn) : items;
  if (given.length || !plain || read.some((c) => c.confidence >= PROPOSED_CONFIDENCE)) return [...read, ...given];
  // A notice (no meeting's record) may send a proposal out with no deadline; a body's agenda lists the remisses it answers.
  if (!remiss) {
    const received = yield* receivedRemisses(doc, block, meta);
    const listed = received.length ? [] : yield* agendaRemisses(doc, block, meta);
    return [...items, ...(received.length || listed.length || meta.date ? [...received, ...listed] : yield* unscheduledRemiss(doc, block, meta))];
  }
  return [...read, ...remisses.map(owed)];
}

/** The body `code` stands for ("ÄN"), as the document's header writes it ("Äldrenämnden"); none when the header does not. */
function headerBody(doc: Doc, code: string, organisation: Organisation): string | undefined {
  for (const line of doc.header) {
    for (const m of fold(line).matchAll(HEADER_BODY)) {
      if (fold(bodyCode(m[0], undefined, organisation) ?? '') !== fold(code)) continue;
      // As written; the draft's role is then put in lower case as every role is (asWritten).
      return line.slice(m.index, m.index + m[0].length);
    }
  }
  return undefined;
}
const HEADER_BODY = new RegExp(`\\b${BODY_PHRASE}`, 'g');

/** What is asked for: an answer ("yttra sig", "lämna synpunkter", "inkomma med yttrande"). */
const ASKED_TO_ANSWER = '(?:(?:mojlighet(?:en)?|tillfalle)\\s+)?att\\s+(?:yttra\\s+sig|lamna\\s+(?:synpunkter|yttrande|remissvar)|inkomma\\s+med\\s+(?:synpunkter|yttrande))';

/**
 * A remiss told as received (group 1: what it is about, when the words before "på remiss" say it):
 * "Malmö stad har fått möjlighet att yttra sig över …", "Kommunen har beretts tillfälle att lämna
 * synpunkter på …", "Nämnden har mottagit remiss avseende …", "Samhällsbyggnadsnämnden har fått
 * betänkandet … på remiss", "Infrastrukturdepartementet har gett Malmö stad möjlighet att lämna synpunkter på …".
 */
const INVITED_TO_ANSWER = new RegExp(
  `\\b(?:har|hade)\\s+(?:(?:fatt|mottagit|erhallit|tagit\\s+emot)\\s+(?:(?:en\\s+)?remiss(?:en)?\\b|${ASKED_TO_ANSWER}|([^.;]{3,160}?)\\s+pa\\s+remiss\\b)|(?:beretts|getts|givits|erbjudits|inbjudits)\\s+${ASKED_TO_ANSWER}|(?:gett|givit|berett|erbjudit|bjudit\\s+in)\\s+[^.;]{1,60}?\\s${ASKED_TO_ANSWER})`,
  'd',
);
/** The body that received the remiss, when the sentence opens with it ("Samhällsbyggnadsnämnden har fått …"). */
const RECEIVER = new RegExp(`^\\s*(?:${MOTION_LIST_MARKER}\\s*)?(${BODY_PHRASE})\\s+(?:har|hade)\\s`, 'd');
/** What the answer is about, after the invitation: "över …", "på …", "avseende …", "om …". */
const RECEIVED_SUBJECT = /^\s*(?:over|pa|avseende|angaende|gallande|om)\s+(\S.*?)(?:,?\s+och\s+(?:lamnar|avger|antar|beslutar|overlamnar|godkanner)\b.*)?$/d;
/**
 * The body decides to give no answer ("avstår från att yttra sig"), or the answer has gone ("yttrandet har
 * skickats"). Narrower than ANSWER_SENT: on an agenda "socialnämnden har lämnat yttrande" is a nämnd's answer
 * within the municipality, and the municipality's own is still owed.
 */
const NO_ANSWER_OWED = /\b(?:avstar|avsta)\s+fran\s+(?:att\s+(?:yttra|lamna|svara)|yttrande|remissvar)|\b(?:yttrande(?:t)?|remissvar(?:et)?)\s+(?:har\s+)?(?:skickats|skickades|sants|lamnats\s+in)\b/;

/**
 * Remisses a page tells as received, with no deadline in view (a meeting's agenda, a page of the
 * body's cases): the answer is still owed, so a yttrande with no due, flagged for the date, one per
 * remiss told. None when the block says the body gives no answer or has sent it.
 */
function* receivedRemisses(doc: Doc, block: Block, meta: BlockMeta): Steps<Candidate[]> {
  const f = fslice(doc, block);
  if (!/remiss|yttra|synpunkt/.test(f) || NO_ANSWER_OWED.test(f)) return [];
  const received: Candidate[] = [];
  let i = 0;
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const folded = fslice(doc, sentence);
    const m = INVITED_TO_ANSWER.exec(folded);
    if (!m || isQuestion(doc, sentence)) continue;
    // What it is about: the words before "på remiss", else those after "över", "på", "avseende" (folding keeps every offset).
    const before = m.indices?.[1];
    const after = sentence.start + m.index + m[0].length;
    const rest = before ? undefined : RECEIVED_SUBJECT.exec(doc.folded.slice(after, sentence.end))?.indices?.[1];
    const subject = before ? slice(doc, { start: sentence.start + before[0], end: sentence.start + before[1] }) : rest ? slice(doc, { start: after + rest[0], end: after + rest[1] }) : undefined;
    // "Samhällsbyggnadsnämnden har fått …": a body told as the receiver answers; "Malmö stad har fått …" names no one to.
    const receiver = RECEIVER.exec(folded)?.indices?.[1];
    const role = receiver ? restoreDiacritics(slice(doc, sentence).slice(receiver[0], receiver[1]), doc.lexicon) : undefined;
    received.push({
      kind: 'yttrande',
      ...(role ? { role } : {}),
      title: restoreDiacritics(yttrandeTitle(subject?.replace(/[\s.]+$/, '').replace(/\s+/g, ' '), doc.lexicon), doc.lexicon).slice(0, 200),
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: 0.7,
      flags: [NO_DEADLINE_FLAG],
      source: sentence,
    });
  }
  return received;
}

/**
 * A body's agenda's item that is a remiss it answers, with no deadline written: a numbered title line, then the sender's
 * line ("6 Förslag till färdplan för ett fossilbränslefritt Stockholm 2050" / "Remiss från kommunstyrelsen"), or the
 * recipient's ("12 Bygglov för kv Gladan 2&8" / "Yttrande till stadsbyggnadskontoret"); or a title that is the answer
 * itself ("5 Svar på remiss från kommunstyrelsen om förslag till folkhälsoprogram", "8 Yttrande över remiss om sågverket
 * i Lidhult. - Bertil Ekman", its presenter after the full stop and a dash), or the remiss itself ("16 Remiss gällande
 * ansökan om …", "15 Svar på remiss om …"). Group 1 the sender or recipient, group 2, 3 or 4 the subject.
 */
const AGENDA_ANSWER_LINE = /^\s*(?:remiss\s+fran|yttrande\s+till)\s+(\S[^,.;\n]{2,59}?)\s*$/d;
const AGENDA_ANSWER_TITLE = /^\s*\d{1,2}[.)]?\s+(?:svar\s+pa\s+remiss\s+fran\s+(\S[^.;\n]{2,40}?)\s+(?:om|av|pa|avseende|angaende|gallande|rorande)\s+(.+?)|yttrande\s+over\s+(remiss\s+.+?)|(?:svar\s+pa\s+)?(remiss\s+(?:om|av|pa|avseende|angaende|gallande|rorande)\s+.+?))(?:\.(?:\s+[-–]\s+\p{L}[^.\n]{0,60})?)?\s*$/du;
/** The title and its sender on one line: "19 Snöhantering i Stockholm. Remiss från trafiknämnden" (group 1 the subject, 2 the sender). */
const AGENDA_TITLE_AND_SENDER = /^\s*\d{1,2}[.)]?\s+(\p{L}.{2,200}?)(?:\.\s+|\s+[-–]\s+)remiss\s+fran\s+(\S[^,.;\n]{2,59}?)\.?\s*$/du;

/**
 * The remisses a body's agenda (no decision yet, no deadline written) lists for it to answer (AGENDA_ANSWER_LINE,
 * AGENDA_ANSWER_TITLE): one yttrande each, the body's, with no due, flagged for the date and naming its recipient. Only for a block whose own
 * facts name the body, so a letter's "Remiss från Trafikverket" line owes nothing here.
 */
function* agendaRemisses(doc: Doc, block: Block, meta: BlockMeta): Steps<Candidate[]> {
  if (!meta.decider || !/remiss|yttrande/.test(fslice(doc, block))) return [];
  const found: Candidate[] = [];
  const lines = linesOf(doc, block);
  let title: { line: Span; subject: string } | undefined;
  for (const [i, line] of lines.entries()) {
    if (i % SENTENCES_PER_STEP === 0) yield;
    const f = fslice(doc, line);
    if (!f.trim()) continue;
    const sent = AGENDA_TITLE_AND_SENDER.exec(f);
    const titled = sent ?? AGENDA_ANSWER_TITLE.exec(f);
    const answer = titled ? undefined : AGENDA_ANSWER_LINE.exec(f);
    if (titled || (answer && title)) {
      // The groups as written (folding keeps offsets).
      const text = slice(doc, line);
      const written = (at: [number, number] | undefined) => (at ? text.slice(at[0], at[1]) : undefined);
      const recipient = written(sent ? sent.indices?.[2] : titled ? titled.indices?.[1] : answer?.indices?.[1]);
      // A case number the line carries after the title ("… Dnr 1.2.3-456/2013") is no part of it.
      const subject = (sent ? (written(sent.indices?.[1]) ?? '') : titled ? (written(titled.indices?.[2] ?? titled.indices?.[3] ?? titled.indices?.[4]) ?? '') : (title?.subject ?? '')).replace(/[.\s]+dnr\b.*$/i, '');
      found.push({
        kind: 'yttrande',
        role: headerBody(doc, meta.decider, meta.organisation) ?? meta.decider,
        title: restoreDiacritics(yttrandeTitle(subject, doc.lexicon), doc.lexicon).slice(0, 200),
        decision: decisionOf(meta),
        caseNumber: meta.caseNumber,
        confidence: 0.7,
        // A due needs the deadline; the recipient the agenda names is told to the clerk instead.
        flags: [NO_DEADLINE_FLAG, ...(recipient ? [`Svaret ska till ${recipient}.`] : [])],
        source: titled || !title ? line : { start: title.line.start, end: line.end },
      });
      title = undefined;
      continue;
    }
    const numbered = AGENDA_LINE.exec(slice(doc, line));
    title = numbered?.[1] ? { line, subject: numbered[1].trim() } : undefined;
  }
  return found;
}

/** A task's title that drafts or gives an answer to a remiss: "Upprätta förslag till yttrande …", "Ta fram ett remissvar". */
const DRAFTS_ANSWER = /^(?:uppratta|ta fram|utarbeta|skriva|lamna|avge|besvara|bereda)\b(?:\s+\S+){0,3}?\s+(?:yttrande(?:t)?|remissvar(?:et)?|remissen)\b/;

/** "Länsstyrelsen har upprättat ett förslag till beslut om utvidgade strandskyddsområden …". */
const AUTHORITY_PROPOSES = /\b(?:har\s+)?(?:upprattat|tagit fram|utarbetat|tar fram|upprattar)\s+(?:ett\s+)?(?:forslag|utkast)\b/;

/**
 * A notice of an outside authority that sends a proposal out on remiss but gives no deadline:
 * the answer is still owed, so one yttrande with no due, flagged for the date.
 */
function* unscheduledRemiss(doc: Doc, block: Block, meta: BlockMeta): Steps<Candidate[]> {
  if (!/\bremiss/.test(fslice(doc, block))) return [];
  let i = 0;
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const f = fslice(doc, sentence);
    const m = AUTHORITY_PROPOSES.exec(f);
    if (!m || !authorityAt(doc, sentence.start, sentence.end)) continue;
    const proposal = slice(doc, { start: sentence.start + m.index + m[0].length - (/(?:forslag|utkast)$/.exec(m[0])?.[0].length ?? 0), end: sentence.end });
    const what = proposal.replace(/[.\s]+$/, '').replace(/\s+/g, ' ');
    return [
      {
        kind: 'yttrande',
        title: restoreDiacritics(`Yttrande över ${what}`, doc.lexicon).slice(0, 200),
        decision: decisionOf(meta),
        caseNumber: meta.caseNumber,
        confidence: 0.6,
        flags: [NO_DEADLINE_FLAG],
        source: sentence,
      },
    ];
  }
  return [];
}

/** A body gives or adopts its answer: "lämnar yttrande", "beslutar att avge yttrande", "antar redovisat yttrande", "godkänna förslaget till yttrande". */
const GIVES_ANSWER =
  /\b(?:avge|avger|avges|avgav|lamna|lamnar|lamnas|lamnade|anta|antar|antog|godkanna|godkanner|godkande|overlamna|overlamnar|overlamnade|stalla sig bakom|staller sig bakom)\s+(?:[a-z]+s\s+)?(?:(?:foreliggande|upprattat|upprattade)\s+)?(?:forslag(?:et)?\s+till\s+)?(?:(?:ett|sitt|foljande|upprattat|upprattade|redovisat|redovisade|framtaget|framtagna|gemensamt)\s+)?(?:(?:remiss)?yttrande(?:t)?|remissvar(?:et)?|synpunkter(?:na)?)\b/;
/** An answer given in the past tense ("KF antog yttrande …"): outside a decision, only a summary of this meeting tells it. */
const GAVE_ANSWER = /^(?:avgav|lamnade|antog|godkande|overlamnade)\b/;
/**
 * "Att inte ha något att erinra mot det av Länsstyrelsen upprättade förslaget", "Kommunstyrelsen tillstyrker
 * förslaget": an answer of no objection, or of support or opposition, is still an answer to give.
 */
const NO_OBJECTION =
  /\b(?:inte\s+ha|inte\s+har|har\s+inte|ej\s+ha|ha\s+inget|har\s+inget|ha\s+inga|har\s+inga)\s+(?:nagot\s+|nagra\s+)?(?:att\s+erinra|att\s+invanda|erinringar|invandningar)\s+mot\s+|\b(?:tillstyrker|tillstyrka|avstyrker|avstyrka)\s+(?=(?:[a-z]+s\s+)?(?:forslag(?:et)?|remissen|ansokan|betankandet|promemorian)\b)/;
/** "anta tjänsteskrivelsen som sitt yttrande", "överlämna förvaltningens svar som kommunens remissvar", "yttra sig i enlighet med förslaget"; not "avstår från att yttra sig". */
const GIVES_ANSWER_AS = /\b(?:anta|antar|antas|overlamna|overlamnar|overlamnas|oversanda|oversander|oversands|godkanna|godkanner|godkanns|avge|avger|avges)\b[^.;]{1,80}?\bsom\s+(?:(?:sitt|sina|kommunens|regionens|namndens|styrelsens|[a-z]+\s+kommuns|region\s+[a-z]+s)\s+)?(?:eget\s+|egna\s+)?(?:yttrande|remissvar|svar\b(?!\s+pa\s+(?:[a-z]+s\s+)?(?:motion|interpellation|fraga|medborgarforslag|e-?forslag|revision|granskning|uppdrag|skrivelse)))\b|(?<!\b(?:avsta|avstar|avstod)\s+fran\s+att\s+|\binte\s+(?:att\s+)?)\b(?:yttra sig|yttrar sig|besvara remissen|besvarar remissen)\b/;
/** "Ett gemensamt remissvar som tagits fram inom … godkändes": an answer adopted, told in the passive. */
const ANSWER_ADOPTED = /^(?:[a-z]+\s+){0,3}(?:yttrande(?:t)?|remissvar(?:et)?|forslag(?:et)? till (?:yttrande|remissvar))\b[^.;]{0,240}?\s(?:godkandes|godkanns|antogs|antas)\b/;
/** "Yttrandet har skickats", "yttrande har lämnats på delegation", "har avgett yttrande": the answer is out. */
const ANSWER_SENT =
  /\b(?:yttrande(?:t)?|remissvar(?:et)?|svaret|synpunkterna)\s+(?:har\s+)?(?:skickats|sants|lamnats|oversants|expedierats|avgetts)\b|\bhar\s+(?:avgett|lamnat|skickat)\s+(?:ett\s+|sitt\s+)?(?:yttrande|remissvar)\b/;
/** A motion or citizen proposal answered by the yttrande adopted ("motionen därmed ska anses besvarad", "medborgarförslaget anses besvarat"). */
const PROPOSAL_ANSWERED = /\b(?:motionen|medborgarforslaget|e-forslaget)\s+(?:darmed\s+|harmed\s+)?(?:ska\s+)?(?:anses|forklaras)\s+(?:darmed\s+|harmed\s+)?(?:vara\s+)?besvara(?:d|t)\b/;
/** A following sentence about the same answer ("Yttrandet överlämnas till Länsstyrelsen i Kalmar län"). */
const ANSWER_FOLLOWS = /^(?:yttrandet|remissvaret|svaret|synpunkterna)\b/;
/** "Beslut: Enligt förslag, men med en ändring under rubriken …", "Enligt förslag samt ett tilläggsyrkande …": adopted as proposed, amended. */
/** An amendment that takes the answer back: "… med ändringen att yttrandet inte ska skickas utan ärendet återremitteras". */
const AMENDED_AWAY = /\b(?:aterremitt\w*|bordl\w*|avsla\w*|inte\s+(?:ska\s+)?(?:skickas|lamnas|avges|sandas))\b/;
const AMENDED_AS_PROPOSED = /^(?:beslut\s*:\s*)?(?:enligt|i enlighet med)\s+(?:\S+\s+)?forslag(?:et)?\s*,?\s+(?:men\s+)?(?:med|samt)\s/;

/** The line naming the answer in an agenda ("12. Yttrande – Regionalt trafikförsörjningsprogram"), or in the sentence ("yttrande över X"). */
const ANSWER_SUBJECT = /^(?:\d{1,2}[.)]?\s+)?(?:yttrande|remissvar|remiss(?:\s+fran\s+[^–-]{1,60}?)?|forslag\s+till\s+yttrande)\s*(?:[–-]\s*|:\s*|over\s+|angaende\s+|om\s+)(\S.*)$/;

/**
 * The answers a body gives or adopts in its decision ("Kommunstyrelsen beslutar att avge yttrande
 * enligt förvaltningens förslag", "Regionstyrelsen antar redovisat yttrande", "Remissvaret
 * godkändes"): sending it remains, by the outside deadline when the text states one (no
 * decidedBy: the body has decided), else with no due. Decided in minutes, the body that gives it
 * is responsible; in a proposal it has not decided yet, so no one is. Nothing when the text says
 * the answer has been sent, or only reports a decision taken before ("har beslutat att avge").
 * In text outside a decision, only a body's own sentence ("Arbetsutskottet lämnar yttrande") or a
 * passive adoption counts: "Vi vill ge er möjlighet att lämna synpunkter" is the sender's invitation.
 */
function* givenAnswers(doc: Doc, block: Block, meta: BlockMeta, remiss: Remiss | undefined, plain: boolean): Steps<Candidate[]> {
  if (ANSWER_SENT.test(fslice(doc, block))) return [];
  // "Kommunfullmäktige antar yttrandet och medborgarförslaget anses därmed besvarat": the answer to a proposal, sent nowhere.
  if (!remiss && PROPOSAL_ANSWERED.test(fslice(doc, block))) return [];
  const items: Candidate[] = [];
  // The agenda lines naming answers ("12. Yttrande – Regionalt trafikförsörjningsprogram"), read once at the first answer.
  let named: { at: number; subject: string }[] | undefined;
  const sentences = sectionSentences(doc, block);
  let current = sentences.next();
  for (let i = 0; !current.done; i++) {
    if (i % SENTENCES_PER_STEP === 0) yield;
    const { sentence, section } = current.value;
    current = sentences.next();
    // The next sentence of the same section, read for "Yttrandet överlämnas till …".
    const next = !current.done && current.value.section === section ? current.value.sentence : undefined;
    const outside = plain || section.kind === 'other';
    const f = fslice(doc, sentence);
    const noObjection = NO_OBJECTION.exec(f);
    const gives = GIVES_ANSWER.exec(f) ?? GIVES_ANSWER_AS.exec(f) ?? noObjection;
    // "Skrivelsen överlämnas till departementet som kommunens yttrande": a decision's formula in the passive, naming no one.
    const passive = !!gives && /^(?:antas|overlamnas|oversands|godkanns|avges)\b/.test(gives[0]);
    const adopted = !gives && ANSWER_ADOPTED.test(f);
    // "15. Yttrande över delbetänkandet X\nBeslut: Enligt förslag": the agenda's answer, adopted as proposed.
    // A decision list writes the deciding level first ("KS Enligt förvaltningens förslag"): another body's ("KF …") is a proposal to it.
    const level = DECISION_LIST_LEVEL.exec(f)?.[1];
    const ownLevel = !level || level.toUpperCase() === meta.decider;
    const agreed = !gives && !adopted && ownLevel && (f.trim().length <= BARE_DECISION ? REFERS_TO_PROPOSAL.test(f) : AMENDED_AS_PROPOSED.test(f) && !AMENDED_AWAY.test(f)) ? answerAbove(doc, (named ??= agendaAnswers(doc, block)), sentence) : undefined;
    if ((!gives && !adopted && !agreed) || decidedEarlier(doc, meta, sentence)) continue;
    if (gives && outside && GAVE_ANSWER.test(gives[0]) && !(meta.summary && onlyThisMeeting(doc, meta, sentence))) continue;
    // A decision reported ("har beslutat att avge"), or the remiss's invitation ("bereder nämnden tillfälle att yttra sig").
    if (gives && /\b(?:beslutat|tillfalle|mojlighet|mojligheten)\s+att\s+$/.test(f.slice(0, gives.index))) continue;
    // "Ordföranden har på delegation beslutat att skrivelsen överlämnas … som nämndens yttrande": a decision reported, the answer given.
    if (passive && /\bbeslutat\s+att\s/.test(f.slice(0, gives.index))) continue;
    const subject = BODY_AT_START.exec(f)?.[1];
    // "Enheten föreslår att arbetsutskottet lämnar yttrande" proposes; only a proposal section's own sentence may.
    if (section.kind !== 'proposal' && PROPOSING.test(f)) continue;
    if (outside && !subject && !adopted && !agreed && !passive) continue;
    // Nothing to object ("inget att erinra") is said outside a decision too, of the case's history ("Stadskontoret har inget att erinra").
    if (noObjection && gives === noObjection && section.kind !== 'decision' && section.kind !== 'proposal' && !(meta.summary && subject)) continue;
    named ??= agendaAnswers(doc, block);
    const told = agreed ? { start: agreed.at, end: sentence.end } : next && ANSWER_FOLLOWS.test(fslice(doc, next)) ? { start: sentence.start, end: next.end } : sentence;
    const source = remiss ? { start: Math.min(told.start, remiss.source.start), end: Math.max(told.end, remiss.source.end) } : told;
    // A passive adoption ("Remissvaret godkändes", "Beslut: Enligt förslag") names no one; nor does a summary,
    // which tells what the body decided, not who sends the answer.
    const decided = !adopted && !agreed && !passive && !meta.summary && (section.kind === 'decision' || (outside && !!subject));
    const body = subject ? slice(doc, { start: sentence.start, end: sentence.start + subject.length }) : meta.decider ? (BODY_NAMES[meta.decider] ?? meta.decider) : undefined;
    const flags = remiss ? (remiss.recipient ? [] : [NO_RECIPIENT_FLAG]) : [NO_DEADLINE_FLAG];
    const objected = noObjection && gives === noObjection ? { start: sentence.start + noObjection.index + noObjection[0].length, end: sentence.end } : undefined;
    const what = agreed?.subject.replace(/[\s.]+$/, '') ?? answerSubject(doc, told, adopted) ?? (objected ? titleFrom(doc, objected.start, objected.end) : undefined) ?? lastBefore(named, told.start)?.subject ?? remiss?.subject ?? meta.title;
    // The nämnder's answers on the organisation's own budget are its budget process, not a remiss from outside.
    if (!remiss && ownBudget(fold(`${slice(doc, told)} ${what ?? ''}`), meta.organisation)) continue;
    items.push({
      kind: 'yttrande',
      // A letter's own title asks for the answer ("Begäran om yttrande över ansökan om …"): the answer is over what it asks about.
      title: restoreDiacritics(what ? `Skicka yttrandet över ${inSentence(what.slice(ASKS_FOR_ANSWER.exec(fold(what))?.[0].length ?? 0), doc.lexicon)}` : 'Skicka yttrandet', doc.lexicon).slice(0, 200),
      role: decided ? body : undefined,
      due: remiss ? { externalDeadline: remiss.deadline, ...(remiss.recipient ? { recipient: remiss.recipient } : {}) } : undefined,
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: remiss ? 0.8 : 0.7,
      flags,
      source,
    });
  }
  return items;
}

/**
 * "yttrandet över strategisk plan och budget 2021–2023", "yttra sig över kommunstyrelsens förslag till budgetramar" (folded
 * `text`): the organisation's own budget process, whose styrelse is `organisation`'s. Not another's budget ("Samordningsförbundets
 * mål och budget", a region's budget in a municipality's text), nor an answer sent on to someone ("… översänds till Region Skåne").
 */
function ownBudget(text: string, organisation: Organisation): boolean {
  if (/\b(?:oversand|skicka|sand|overlamn)\w*\s+(?:\S+\s+){0,3}?till\s+\p{L}/u.test(text)) return false;
  return /\b(?:strategisk\s+plan\s+och\s+budget|budgetramar(?:na)?)\b/.test(text) || new RegExp(`\\b${organisation}styrelsens\\s+(?:forslag\\s+till\\s+)?budget`).test(text);
}

/** "Begäran om yttrande över", "Remiss avseende" (folded): a letter's title asking for an answer, before what it is about. */
const ASKS_FOR_ANSWER = /^(?:begaran om (?:yttrande|remissvar|synpunkter)|remiss)\s+(?:over|om|avseende|angaende|gallande)\s+/;

/** The sentences of a block's sections but its history, with their section, read as they are needed. */
function* sectionSentences(doc: Doc, block: Block): Generator<{ sentence: Span; section: Section }> {
  for (const section of block.sections) {
    if (section.kind === 'history') continue;
    for (const point of pointsOf(doc, section)) for (const sentence of sentencesIn(doc, point)) yield { sentence, section };
  }
}

/** What an agenda line's answer may be to without being a remiss's: the council's own matters and the auditors'. */
const NOT_REMISS_ANSWER = /^(?:motion|medborgarforslag|e-?forslag|interpellation|fraga|revision|granskning)/;

/**
 * The agenda line naming an answer on the line just above `sentence` (a "Beslut:" label may open the
 * sentence's line), when that answer is to a remiss, not to a motion, a citizen's proposal or the auditors.
 */
function answerAbove(doc: Doc, named: { at: number; subject: string }[], sentence: Span): { at: number; subject: string } | undefined {
  const above = lastBefore(named, sentence.start);
  // An agenda line is at most 200 characters: one further up is not just above (and is not read again for every sentence).
  if (!above || sentence.start - above.at > 300 || NOT_REMISS_ANSWER.test(fold(above.subject).replace(/^["”“«]/, ''))) return undefined;
  // Just above: the lines between are blank (at most two) or a "Beslut:" label.
  const between = doc.text.slice(above.at, sentence.start).split('\n').slice(1);
  return between.length >= 1 && between.length <= 3 && between.every((line) => /^\s*(?:beslut\s*:?\s*)?$/i.test(line)) ? above : undefined;
}

/** "KS Enligt förvaltningens förslag" (folded): the deciding level a decision list writes first (group 1). */
const DECISION_LIST_LEVEL = new RegExp(`^(${LIST_LEVEL}|ksau|rsau)\\s+(?=enligt\\b|i\\s+enlighet\\b|tillagg\\b)`);

/** The agenda lines naming answers ("12. Yttrande – Regionalt trafikförsörjningsprogram"), in text order. */
function agendaAnswers(doc: Doc, block: Block): { at: number; subject: string }[] {
  return linesOf(doc, block).flatMap((line) => {
    const text = slice(doc, line).trim();
    const m = text.length <= 200 ? ANSWER_SUBJECT.exec(fold(text)) : null;
    return m?.[1] ? [{ at: line.start, subject: text.slice(text.length - m[1].length) }] : [];
  });
}

/** Where what an answer is "över" ends (folded): "… och översända det …", "… som sitt eget", "… godkänns". */
const ANSWER_OVER_ENDS = /\s+(?:(?:och|samt)\s+(?:att\s+)?(?:oversand|skick|sand|overlamn|expedier)\w*\b|som\s+(?:sitt|sina|kommunens|regionens|namndens|styrelsens)\s+(?:eget|egna)\b|(?:godkanns|godkandes|antas|antogs|oversands|skickas)\b)/;

/** What the answer is about: "yttrande över X" in its sentence, else (an adopted one) the sentence itself. */
function answerSubject(doc: Doc, told: Span, adopted: boolean): string | undefined {
  const own = slice(doc, told);
  // "över remissen ”Cykla i Gröna Kronoberg”": the name in quotes is what it is about.
  const inSentence = /\b(?:yttrande(?:t)?|remissvar(?:et)?)\s+over\s+(?:(?:remissen|promemorian|betankandet|rapporten|forslaget)\s+(?=["”“«])|(?!remissen\b|forslaget\b))(\S[^.]*)/.exec(fold(own));
  // Folding keeps every offset: the folded match marks the written words.
  if (inSentence?.[1]) {
    const at = inSentence.index + inSentence[0].length - inSentence[1].length;
    // What it is over ends where the sentence goes on to send or adopt it ("… och översända det till Region Stockholm").
    const end = ANSWER_OVER_ENDS.exec(inSentence[1])?.index ?? inSentence[1].length;
    const written = own.slice(at, at + end);
    const quoted = /^["”“«][^"”“»]{2,120}["”“»]/.exec(written);
    return (quoted?.[0] ?? written).replace(/[\s.]+$/, '').replace(/\s+/g, ' ');
  }
  return adopted ? own.replace(/\s+(?:godkändes|godkänns|antogs|antas)\b[\s\S]*$/i, '').trim() : undefined;
}

/**
 * "Lena Ek (M) yrkar att …", "… yrkar, med instämmande av Per Ek (C), att …", "… yrkar tillägg att …",
 * "… yrkar som tillägg att …": who proposes (group 1) and whether it is an addition (group 2).
 */
const YRKAR = /^(\p{L}[^.;:,]{1,60}?)\s+yrkar(?:,\s[^.;:,]{1,80},)?\s+(?:(som\s+tillagg|tillagg)\s+(?:om\s+)?)?att\s+/u;

/**
 * "Lena Ek (M) yrkar att förvaltningen får i uppdrag att …" when the chair finds the body adopts
 * it ("finner att kommunstyrelsen bifaller Lena Eks yrkande", "Lena Eks yrkande bifalls", "ställer
 * proposition på Lena Eks yrkande och finner att kommunstyrelsen bifaller detta", "… på
 * tilläggsyrkandet och finner att det bifalls"): what she proposed is decided. A yrkande that falls
 * (avslås, another proposal wins) is not.
 */
function* adoptedYrkanden(doc: Doc, block: Block): Steps<Point[]> {
  const f = fslice(doc, block);
  if (!/\byrkar\b/.test(f) || !/yrkande/.test(f)) return [];
  const winners = winningNames(f);
  const yrkanden: { sentence: Span; m: RegExpExecArray }[] = [];
  let i = 0;
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const m = YRKAR.exec(fslice(doc, sentence));
    if (m) yrkanden.push({ sentence, m });
  }
  const adopted: Point[] = [];
  for (const { sentence, m } of yrkanden) {
    // The name without the party: "lena ek (m)" → "lena ek".
    const name = m[1]?.replace(/\s*\([^)]*\)\s*$/, '').trim().replace(/\s+/g, ' ');
    const wins = (name && winners.names.has(name)) || (winners.addition && m[2]) || (winners.sole && yrkanden.length === 1);
    if (wins) adopted.push({ start: sentence.start + m[0].length, end: sentence.end, confidence: 0.85 });
  }
  return adopted;
}

/** "finner att kommunstyrelsen bifaller detta", "… att det bifalls": the yrkande the proposition was put on is adopted. */
const PUT_ONE_ADOPTED =
  /\bproposition\s+pa\s+(?:((?:(?!yrkande)[^.;]){1,60}?)s\s+)?(tillaggs)?yrkande(?:t)?\b(?:\s+mot\s+avslag)?\s+och\s+finner\s+(?:att\s+)?(?:(?:\S+\s+){0,3}?(?:bifaller|bifalla|antar|anta)\s+(?:detta|det|densamma|yrkandet|tillaggsyrkandet)\b|(?:det|detta|yrkandet|tillaggsyrkandet)\s+(?:bifalls|antas|ar\s+bifallet|vara\s+bifallet)\b)/g;

/**
 * Whose yrkande the body adopts: the name after "bifaller (till)" or "beslutar enligt", or before
 * "yrkande bifalls" ("Lena Eks yrkande bifalls"), without the genitive s, as the last (or first) one
 * to four words; or the one a proposition was put on and found adopted ("proposition på Lena Eks
 * yrkande och finner att kommunstyrelsen bifaller detta"): by name, every addition ("på
 * tilläggsyrkandet"), or the block's only yrkande ("på yrkandet"). Read once per block, so each
 * yrkande is looked up, not searched for.
 */
function winningNames(folded: string): { names: Set<string>; addition: boolean; sole: boolean } {
  const names = new Set<string>();
  let addition = false;
  let sole = false;
  const add = (words: string[]) => {
    const name = words.join(' ');
    names.add(name.replace(/s$/, ''));
    names.add(name);
  };
  // A name ends the words before "yrkande": the last one to four of them.
  const addEnding = (words: string[]) => {
    for (let n = 1; n <= 4 && n <= words.length; n++) add(words.slice(-n));
  };
  for (const m of folded.matchAll(/\s+yrkande\s+(?:bifalls|antas|vinner)\b/g)) addEnding(folded.slice(Math.max(0, m.index - 80), m.index).split(/\s+/).filter(Boolean));
  for (const m of folded.matchAll(/\b(?:bifall(?:er|a|s|it)?\s+(?:till\s+)?|beslut(?:ar|a)?\s+(?:i\s+enlighet\s+med|enligt)\s+)(?=[^.]{0,80}?\syrkande\b)/g)) {
    const words = folded.slice(m.index + m[0].length, m.index + m[0].length + 80).split(/\s+/);
    const end = words.findIndex((w) => /^yrkande\b/.test(w));
    for (let n = 1; n <= 4 && n <= end; n++) add(words.slice(0, n));
  }
  for (const m of folded.matchAll(PUT_ONE_ADOPTED)) {
    if (m[1]) addEnding(m[1].split(/\s+/));
    else if (m[2]) addition = true;
    else sole = true;
  }
  return { names, addition, sole };
}

// ---------------------------------------------------------------- block

/** A point's opening words that refer back to the work of the point before: "Uppdraget …", "Resultatet …", "Redovisning sker …". */
// "- En första rapport lämnas till kommunstyrelsen i februari": a report with no other subject is the work's just told.
const REFERS_BACK = /^(?:att\s+)?(?:uppdraget|uppdragen|uppdragets|resultatet|resultaten|arbetet|detta|redovisning(?:en)?|aterrapportering(?:en)?|aterrapportera|redovisa|(?:en|ett)\s+(?:forsta\s+)?(?:del|slut|ater)?(?:rapport|redovisning)\s+(?:ska\s+)?(?:lamnas|ges|sker|ska\s+ske))\b/;
/** "Utredningen har nu återrapporterats", "Uppdraget har slutredovisats": the work told before is done (folded). */
const WORK_DONE = /^(?:utredningen|uppdraget|uppdragen|arbetet|kartlaggningen|oversynen)\s+har\s+(?:nu\s+)?(?:(?:ater|slut)?(?:rapporterats|redovisats)|slutforts|genomforts|avslutats)\b/;
/** A point's own number, opening its line before it (" 1. ", "2) "): read in the few characters before the point. */
function pointNumber(doc: Doc, point: Span): number | undefined {
  const from = Math.max(0, point.start - 12);
  const before = `${from === 0 ? '\n' : ''}${doc.text.slice(from, point.start)}`;
  const m = /\n[ \t]*(\d{1,2})[.)][ \t]*$/.exec(before);
  return m ? Number(m[1]) : undefined;
}
/**
 * "Punkt 1 återrapporteras till kommunstyrelsen …", "Uppdragen i punkt 2 och 3 redovisas …", "Punkterna 1–3 ska
 * redovisas …": the points of this decision named by number (group 1, folded), the report-back's verb right after them
 * ("ovan" allowed). "Punkt 2 i kommunstyrelsens beslut 2026-03-11 …" or "Punkt 1 i handlingsplanen …" names another's.
 */
const POINTS_NAMED =
  /^(?:att\s+)?(?:(?:uppdrag(?:et|en)?|arbetet)\s+(?:i|enligt)\s+)?punkt(?:erna)?\s+(\d{1,2}(?:\s*(?:,|och|–|-|till)\s*\d{1,2})*)\s+(?:ovan\s+)?(?:ska\s+|skall\s+)?(?:(?:ater|del|slut)?(?:rapporteras|redovisas)|aterkomma|presenteras)\b/;

/** "1, 3 och 4" → [1, 3, 4]; "1–3", "1 till 3" → [1, 2, 3] (at most 20 points). */
function pointNumbers(written: string): number[] {
  const numbers: number[] = [];
  for (const part of written.split(/\s*(?:,|och)\s*/)) {
    const range = /^(\d{1,2})\s*(?:–|-|till)\s*(\d{1,2})$/.exec(part);
    if (!range) numbers.push(Number(part));
    else for (let n = Number(range[1]); n <= Math.min(Number(range[2]), Number(range[1]) + 20); n++) numbers.push(n);
  }
  return numbers;
}

/**
 * "1. Kommundirektören får i uppdrag att åtgärda bristerna. 2. Uppdraget återrapporteras till kommunstyrelsen i
 * november": a point that only gives the commissions of the point before their report-back or deadline. It opens
 * by referring back (REFERS_BACK, or the definite form of a noun of that work: "Översynen" after "göra en översyn",
 * "att åtgärdsplanen …" after "ta fram en åtgärdsplan") and speaks of a report-back or a deadline. Answers
 * `all` when it does so in the plural (ALL_BACK: "att uppdragen ska återrapporteras …"), for every commission since
 * the last such point; `last` for those of the point before; undefined when the point does not go on.
 */
function goesOnWith(doc: Doc, point: Point, previous: Candidate[]): 'all' | 'last' | { numbers: number[] } | undefined {
  const [first] = sentencesOf(doc, point);
  if (!first) return undefined;
  const f = fslice(doc, first).replace(/^(?:\d{1,2}[.)]|[a-z][.)]|[-–•*])\s*/, '');
  if (!followsUp(f)) return undefined;
  const numbered = POINTS_NAMED.exec(f);
  if (numbered?.[1]) return { numbers: pointNumbers(numbered[1]) };
  if (!previous.length || !previous.every((c) => c.kind === 'uppdrag' || c.kind === 'aterrapportering')) return undefined;
  if (ALL_BACK.test(f)) return 'all';
  if (REFERS_BACK.test(f)) return 'last';
  // "att åtgärdsplanen ska redovisas …" as a point of its own after "uppdra åt … att ta fram en åtgärdsplan".
  const stem = /^(?:att\s+)?([a-z]{4,})(?:en|et|na|erna|arna|orna)\b/.exec(f)?.[1];
  if (!stem) return undefined;
  const word = new RegExp(`\\b${stem}`);
  // In the commission's own source as it was told (`opening`): a source report-backs have stretched over many points is not
  // read again for each point.
  return previous.some((c) => word.test(fslice(doc, c.opening ?? c.source))) ? 'last' : undefined;
}

function* blockCandidates(doc: Doc, facts: DocFacts, block: Block, known: KnownFacts, exhortations: Candidate[]): Steps<Candidate[]> {
  const meta = blockMeta(doc, facts, block, known);
  const { points, plain } = yield* decisionPoints(doc, block, meta);
  const head = [fold(meta.title ?? ''), ...meta.head.slice(0, 3)].join(' ');
  // A motion's or an interpellation's own text proposes and asks; a summary of a meeting that mentions one reports decisions.
  const silent = plain && !meta.summary && (/^interpellation|\binterpellation\b/.test(head) || /\bmotion\b/.test(head));
  const commissions: Candidate[] = [];
  yield;
  if (!silent) {
    let previous: Candidate[] = [];
    // The commissions of the points since the last plural report-back ("att uppdragen ska återrapporteras …").
    let unreported: Candidate[] = [];
    // The commissions of each numbered point, for a later point that names it ("Punkt 1 återrapporteras …").
    const byNumber = new Map<number, Candidate[]>();
    for (const point of points) {
      const goesOn = goesOnWith(doc, point, previous);
      const onward =
        goesOn === 'all' ? commissionsAmong(unreported) : goesOn === 'last' ? previous : goesOn ? commissionsAmong(goesOn.numbers.flatMap((n) => byNumber.get(n) ?? [])) : undefined;
      if (goesOn === 'all') unreported = [];
      const made = yield* pointItems(doc, meta, point, plain, exhortations, onward?.length ? onward : undefined);
      commissions.push(...made);
      unreported.push(...made);
      if (made.length) previous = made;
      const number = pointNumber(doc, point);
      if (number !== undefined && made.length) byNumber.set(number, made);
    }
  }
  // An adopted yrkande the decision restates ("Kommunstyrelsen beslutar att kommundirektören får i uppdrag …") is one item.
  const key = (c: Candidate) => [c.kind, fold(c.role ?? ''), JSON.stringify(c.due ?? null), fold(c.title)].join('|');
  const decided = new Set(commissions.map(key));
  if (!silent) {
    for (const point of yield* adoptedYrkanden(doc, block)) commissions.push(...(yield* pointItems(doc, meta, point, plain, exhortations)).filter((c) => !decided.has(key(c))));
  }
  yield;
  const motions = yield* motionItems(doc, block, meta, points, commissions, plain);
  // "Ärendet överlämnas till kommunstyrelsen för beredning" in a block that raises a motion is the motion's referral.
  const referrals = motions.length ? marksOf(doc, block).referrals : [];
  // A motion's answer sent back ("Svar på motion …: Ärendet återremitteras till kommunstyrelsen") continues the motion registered when it was raised.
  const answerSentBack = (c: Candidate) => /\bmotion/.test(fold(meta.title ?? '')) && /\baterremitt/.test(fslice(doc, c.source));
  // A citizens' proposal handed on to be answered by a meeting is that report-back, not also a commission to prepare it.
  const proposals = yield* citizenProposalsHandedOn(doc, block, meta);
  const answered = (c: Candidate) => c.handedOn && proposals.some((p) => p.source.start < c.source.end && c.source.start < p.source.end);
  const kept = commissions.filter((c) => !(c.handedOn && (firstFrom(referrals, c.source.start)?.at ?? Infinity) < c.source.end) && !answerSentBack(c) && !answered(c));
  const withMotions = [...kept, ...(yield* headedCommissions(doc, block, meta)), ...motions, ...proposals];
  yield;
  return yield* yttrandeItems(doc, block, meta, known, withMotions, plain);
}

/**
 * A citizens' proposal handed to a body to answer by a council meeting, as a region's presidium reports it:
 * "Medborgarförslag om SMS-parkering (RS/2545/2017) har fördelats till regionstyrelsen och ska besvaras senast vid
 * regionfullmäktiges sammanträde 10–11 april 2018" (group 1 what it is about, group 2 the body, group 3 where the
 * answer is due). Folded; the name and the body are bounded.
 */
const PROPOSAL_HANDED_ON =
  /\b(?:medborgarforslag|e-forslag)(?:et)?(?:\s([^.]{1,200}?))?\s+(?:har\s+|ska\s+)?(?:fordelats|fordelas|fordelades|overlamnats|overlamnas|remitterats|remitteras)\s+till\s+([^.,]{3,80}?)(?:\s+for\s+(?:beredning|beslut|handlaggning)(?:\s+och\s+beslut)?)?\s+(?:och\s+)?(?:ska|skall|kommer\s+att)\s+besvaras\s+(?:senast\s+)?((?:vid|pa|till|infor|i)\s[^.]{3,120})/;

/**
 * The citizens' proposals of a block handed to a body to be answered by a council meeting (PROPOSAL_HANDED_ON): a
 * report-back each, from that body to the council's meeting. Not in a report on those being prepared (a balanslista),
 * whose proposals were registered when handed on.
 */
function* citizenProposalsHandedOn(doc: Doc, block: Block, meta: BlockMeta): Steps<Candidate[]> {
  const whole = fslice(doc, block);
  if (!/\b(?:medborgarforslag|e-forslag)/.test(whole) || MOTIONS_PENDING.test(whole)) return [];
  const found: Candidate[] = [];
  let i = 0;
  for (const sentence of sentencesByLine(doc, block)) {
    if (i++ % SENTENCES_PER_STEP === 0) yield;
    const m = PROPOSAL_HANDED_ON.exec(fslice(doc, sentence));
    if (!m?.[2] || !m[3]) continue;
    const at = (group: string, from = 0) => sentence.start + m.index + m[0].indexOf(group, from);
    const answeredAt = at(m[3], m[0].length - m[3].length);
    const meeting = timingsIn(doc, { start: answeredAt, end: sentence.end }, meta.ref).find((t) => t.form === 'meetingDate' || t.form === 'date' || t.form === 'month');
    const council = /\b(?:kommun|region|landstings)?fullmaktiges\b/.exec(m[3]);
    const body = council ? bodyCode(council[0], meta.decider, meta.organisation) : undefined;
    const about = m[1] ? slice(doc, { start: at(m[1]), end: at(m[1]) + m[1].length }).replace(/\s*\([^)]*\)[\s\S]*$/, '').replace(/,[\s\S]*$/, '').trim() : meta.title?.replace(/^medborgarförslag\s+/i, '');
    const toAt = at(m[2], m[0].indexOf(' till '));
    const due: DraftDue | undefined =
      !meeting || !body ? undefined : meeting.form === 'month' ? { meeting: { body, month: meeting.month } } : meeting.form === 'date' || meeting.form === 'meetingDate' ? { meeting: { body, date: meeting.date } } : undefined;
    found.push({
      kind: 'aterrapportering',
      title: restoreDiacritics(about ? `Besvara medborgarförslaget ${inSentence(about, doc.lexicon)}` : 'Besvara medborgarförslaget', doc.lexicon).slice(0, 200),
      role: slice(doc, { start: toAt, end: toAt + m[2].length }),
      due,
      decision: decisionOf(meta),
      caseNumber: meta.caseNumber,
      confidence: 0.8,
      flags: [],
      source: sentence,
    });
  }
  return found;
}

/**
 * A summary's heading over its commissions: "Styrelsen gav följande uppdrag", "Nämnden gav förvaltningen följande
 * uppdrag:", "Följande uppdrag gavs". The role is the one the heading names after the giver (none if none).
 */
const HEADED_COMMISSIONS = /^\s*(?:(?:\S+\s+){0,4}?(?:gav|ger|har gett|har givit)\s+(?:(\S+(?:\s+\S+){0,3}?)\s+)?foljande\s+uppdrag|foljande\s+uppdrag\s+(?:gavs|ges|har getts|lamnades))\s*:?\s*$/;
/** A line that commissions in the imperative ("Se över …", "Ta fram …", "Utred …", "Återkom …"). */
const IMPERATIVE_TASK = /^(?:se over|ta fram|utred|undersok|kartlagg|inventera|analysera|sammanstall|forbered|planera|samordna|utveckla|uppdatera|revidera|genomfor|uppratta|utarbeta|folj upp|aterkom|redovisa|aterrapportera|rapportera|starta|paborja|bygg|erbjud|infor|inratta|tillsatt|skapa|ta reda pa|gor en|bjud in|kontakta)\b/;

/**
 * The imperative lines under a heading that gives commissions (see HEADED_COMMISSIONS), an uppdrag each, as
 * "… i uppdrag att se över …" would give; the list ends at the first line that commissions nothing.
 */
function* headedCommissions(doc: Doc, block: Block, meta: BlockMeta): Steps<Candidate[]> {
  const found: Candidate[] = [];
  let roles: Span[] | undefined;
  for (const [i, line] of linesOf(doc, block).entries()) {
    if (i % SENTENCES_PER_STEP === 0) yield;
    const f = fslice(doc, line);
    if (!f.trim()) continue;
    const heading = HEADED_COMMISSIONS.exec(f);
    if (heading) {
      const at = heading[1] ? line.start + heading.index + heading[0].indexOf(heading[1]) : undefined;
      const role = at !== undefined ? { start: at, end: at + (heading[1]?.length ?? 0) } : undefined;
      roles = role && fslice(doc, role).split(/\s+/).some((w) => ROLE_HEAD.test(w)) ? splitRoles(doc, role) : [];
      continue;
    }
    const marker = /^\s*(?:[-–—•·▪*]|\d{1,2}[.)])?\s*/.exec(f)?.[0].length ?? 0;
    if (!roles || !IMPERATIVE_TASK.test(f.slice(marker))) {
      roles = undefined;
      continue;
    }
    const task = trimSpan(doc.text, { start: line.start + marker, end: line.end });
    found.push(...taskItems(doc, meta, { roles, task, exhortation: false }, task, { ...task, confidence: 0.85 }));
  }
  return found;
}

// ---------------------------------------------------------------- the draft

/**
 * The role as written, without the capital of a sentence start ("Kommundirektören får ..."); names
 * keep theirs. A relative clause set off by commas says something about the role and is not part of
 * it ("lärandenämnden, som har specialistkompetens," → "lärandenämnden").
 */
function asWritten(role: string, doc: Doc): string {
  const restored = withoutHolder(restoreDiacritics(role.replace(/\s+/g, ' ').replace(/\s*,\s*som\s.*$/, '').trim(), doc.lexicon));
  const isRole = fold(restored).split(/\s+/).some((w) => ROLE_HEAD.test(w));
  return isRole && /^\p{Lu}\p{Ll}/u.test(restored) ? restored[0]?.toLowerCase() + restored.slice(1) : restored;
}

/** "kommunstyrelsens ordförande Anna Berg": the role, without the name of the one who holds it now (a role outlives its holder). */
function withoutHolder(role: string): string {
  const m = /^(.*\S)\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u.exec(role);
  return m?.[1] && ROLE_HEAD.test(fold(m[1]).split(/\s+/).at(-1) ?? '') ? m[1] : role;
}

/** The sentence of a span on one line, and the span's offsets in the submitted text. */
function sourceOf(doc: Doc, span: Span): Draft['source'] {
  return { sentence: slice(doc, span).replace(/\s+/g, ' ').trim(), ...originalSpan(doc.norm, span.start, span.end) };
}

/**
 * A due read from a date, month or period without its year ("30 april", "i maj", "under hösten") in a text with no date written with its year and no known meeting date (issue 19,
 * fault 6: the year comes from the decision, never from the clock). With a case number the year is its, flagged to check; with
 * no year anywhere in the text there is none to take, so the due is left out and the flag quotes the day as written (and the
 * recipient of a remiss answer, which goes with it).
 */
function yearless(doc: Doc, facts: DocFacts, c: Candidate): void {
  const guessed = c.due ? timingsIn(doc, c.source, facts.ref).find((t) => !t.yearWritten && t.form !== 'vague') : undefined;
  if (!guessed) return;
  if (facts.yearFrom === 'caseNumber') {
    c.flags.push(`Året framgår inte: ${facts.ref.slice(0, 4)} är taget från diarienumret, kontrollera.`);
    return;
  }
  const recipient = c.due && 'recipient' in c.due ? c.due.recipient : undefined;
  c.due = undefined;
  c.flags = c.flags.filter((f) => !f.startsWith(PERIOD_FLAG));
  c.flags.push(`Året framgår inte av texten (”${slice(doc, guessed).replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '')}”): ange datum.${recipient ? ` Mottagare: ${recipient}.` : ''}`);
}

function finish(doc: Doc, c: Candidate, ctx: DraftContext): Draft {
  const role = c.role ? asWritten(c.role, doc) : undefined;
  const person = role ? ctx.lookupRole(normalizeRole(role)) : undefined;
  const responsible = person ? { name: person.name, email: person.email } : undefined;
  const source = sourceOf(doc, c.source);
  const sentence = source.sentence;
  const decision = Object.fromEntries(Object.entries(c.decision).filter(([, v]) => v !== undefined)) as DraftDecision;
  // The create body holds `due` only in a form the contract takes (see DraftDue).
  const registrable = c.due ? dueSchema.safeParse(c.due) : undefined;
  const body: DraftBody = {
    kind: c.kind,
    title: c.title,
    description: sentence.slice(0, 4000),
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    ...(Object.keys(decision).length ? { decision } : {}),
    ...(responsible ? { responsible, unit: person?.unit } : {}),
    ...(registrable?.success ? { due: registrable.data } : {}),
  };
  const missing = [
    ...(c.caseNumber ? [] : ['caseNumber']),
    ...(['body', 'date', 'paragraph'] as const).filter((k) => !decision[k]).map((k) => `decision.${k}`),
    ...(responsible ? [] : ['responsible.name', 'responsible.email']),
    ...(person?.unit ? [] : ['unit']),
    ...(!c.due ? ['due'] : 'externalDeadline' in c.due && !c.due.recipient ? ['due.recipient'] : registrable?.success ? [] : ['due']),
  ];
  const confidence = Math.round(Math.max(0, Math.min(1, c.confidence)) * 100) / 100;
  return {
    kind: c.kind,
    title: c.title,
    ...(role ? { responsibleRole: role } : {}),
    ...(responsible ? { responsible, unit: person?.unit } : {}),
    ...(c.due ? { due: c.due } : {}),
    decision,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    confidence,
    flagged: c.flags.length > 0,
    ...(c.flags.length ? { flagReason: c.flags.join(' ') } : {}),
    source,
    missing,
    body,
  };
}
