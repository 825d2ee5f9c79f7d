import type { Mention } from '../../application/drafts/drafts';
import type { Caller } from '../../domain/caller';
import type { CalendarDate } from '../../domain/dates';
import type { HistoryEvent } from '../../domain/items/history';
import type { ItemView, Warning } from '../../domain/items/item';
import type { Decision, Due } from '../../domain/items/vocabulary';
import type { ItemSort } from '../../application/items/query';
import type { RoleHolder } from '../../application/directory/roles';
import type { Unit } from '../../application/units/directory';
import type { PublicBodySetting } from '../../application/reports/public-bodies';
import type { BacklogImport } from '../../application/imports/backlog';

/**
 * What the workspace pages render. Each page is a pure function of one of these models; the
 * handlers fill them from the same domain calls the API makes.
 */

/** The signed-in person: the caller the API would see, and the display name from the sign-in. */
export type Viewer = Caller & { name?: string };

/** A confirmation or warning at the top of a page, after a POST-redirect-GET. */
export interface Flash {
  kind: 'success' | 'info' | 'warning' | 'danger';
  text: string;
  /** Several things said at once, listed under `text`. */
  points?: readonly string[];
}

/** What every signed-in page needs besides its own content. */
export interface PageContext {
  viewer: Viewer;
  /** The form token of the session (shared/http/csrf.ts); every POST form carries it. */
  csrf: string;
  /** Today in Stockholm, from the injected clock. */
  today: CalendarDate;
  flash?: Flash;
}

/** Why an item needs a clerk (`attention`). */
export type { Attention } from '../../domain/items/vocabulary';

/** The deadline forms, including "the last meeting on or before a date" (`meeting.by`). */
export type DueForm = Due;

/** A decision as known: before the minutes are approved there is no § yet. */
export type DecisionKnown = Decision;

/**
 * An item as `GET /uppdrag/{id}` answers it: the case number, the §, even the decision may be
 * missing (a yttrande registered when the remiss arrived has `remiss` instead).
 */
export type WorkspaceItem = ItemView;

/** The values of a form as typed (re-shown after an error), and the Swedish error per field. */
export type FormValues<F extends string> = Partial<Record<F, string>>;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A form shown again with what the person typed and what is wrong with it. */
export interface FormState<F extends string> {
  values: FormValues<F>;
  errors?: FieldErrors<F>;
  /** What went wrong that no one field is at fault for (an API refusal), shown above the fields. */
  message?: string;
}

/** Översikt: what needs the registrar now. */
export interface OverviewModel extends PageContext {
  extensionRequests: WorkspaceItem[];
  reassignRequests: WorkspaceItem[];
  attention: WorkspaceItem[];
  overdue: WorkspaceItem[];
  /** Open items whose escalation reaches no manager (none on the item, none in the unit directory). */
  noManager: WorkspaceItem[];
  /** Open motions within 60 days of their statutory limit (or past it). */
  motionsNearLimit: WorkspaceItem[];
}

/** The list's order (the list use case sorts). */
export type Sort = ItemSort;

/** Ärenden: the filters as typed (a GET form), one page of items and the cursor to the next. */
export interface ItemListModel extends PageContext {
  filters: FormState<ListField>;
  sort: Sort;
  items: WorkspaceItem[];
  nextCursor?: string;
  /** True when this is not the first page (a cursor was followed). */
  paged: boolean;
  /** Units in the unit directory, offered as choices. */
  units: string[];
  /** The directory's units whose names contain the Enhet typed, when no unit has that name: offered as corrections. */
  similarUnits?: string[];
}

export type ListField = 'state' | 'unit' | 'responsible' | 'kind' | 'dueAfter' | 'dueBefore' | 'attention' | 'q';

/** One change of an item in its history, already in the registrar's words. */
export interface ItemPageModel extends PageContext {
  item: WorkspaceItem;
  history: HistoryEvent[];
  /** Which form to show open, with what was typed and what is wrong. */
  form?: {
    name: ItemFormName;
    state: FormState<ChangeField>;
    /** "Ändra" refused after the item changed meanwhile: the version and values it was opened with, kept so the next save is checked against them. */
    opened?: { version: string; values: FormValues<RegisterField> };
  };
  /**
   * The item changed after the form was shown (its version moved on): the changes since, shown
   * above the form, which keeps the person's input.
   */
  changedMeanwhile?: HistoryEvent[];
  /** With `changedMeanwhile`: the change the person tried to save (the API's change body), to show where it and the saved item differ. */
  yourChange?: Record<string, unknown>;
}

/** The item page's forms: the registrar's, and the item's official's (the same four as their email link page). */
export type ItemFormName = 'change' | 'close' | 'cancel' | 'reopen' | 'reassign' | 'grant' | 'refuse' | 'extension' | 'statusReport' | 'notMine';

/** The fields of the change form: the create form's, plus the reason and the version it is based on. */
export type ChangeField = RegisterField | 'reason' | 'note' | 'version';

/** What a deadline would be (`POST /deadlines/preview`) and the warnings registering would give, or why it cannot be computed. */
export type DeadlinePreview =
  | { ok: true; dueDate: CalendarDate; meetingDate?: CalendarDate; externalDeadline?: CalendarDate; statutoryLimit?: CalendarDate; dueExplanation: string; warnings?: readonly Pick<Warning, 'code'>[] }
  | { ok: false; message: string };

export type RegisterField =
  | 'kind'
  | 'title'
  | 'description'
  | 'caseNumber'
  | 'decisionBody'
  | 'decisionDate'
  | 'decisionParagraph'
  | 'remissReceived'
  | 'remissReference'
  | 'responsibleName'
  | 'responsibleEmail'
  | 'unit'
  | 'managerName'
  | 'managerEmail'
  | 'dueForm'
  | 'dueDate'
  | 'meetingBody'
  | 'meetingMonth'
  | 'meetingDate'
  | 'meetingByBody'
  | 'meetingByDate'
  | 'externalDeadline'
  | 'recipient'
  | 'decidedBy'
  | 'raised'
  | 'confirmDuplicate'
  | 'idempotencyKey';

/** Registrera: the form (first shown, or again with errors or the previewed deadline). */
export interface RegisterModel extends PageContext {
  form: FormState<RegisterField>;
  preview?: DeadlinePreview;
  /** An open item that looks the same (`409 possible_duplicate`): registering needs a confirmation. */
  duplicateOf?: { id: string; title: string };
  /** Bodies with a meeting plan, offered as suggestions. */
  bodies: string[];
  units: string[];
}

/** Sammanträdesplaner: which body has a plan for which years. */
export interface PlansModel extends PageContext {
  plans: { body: string; years: number[] }[];
  /** Years with extra closed days entered. */
  closedDayYears: number[];
  form?: FormState<'body' | 'year'>;
}

export type PlanField = 'leadWorkingDays' | 'dates' | 'ics' | 'mentions';

/** One body's plan for one year, with a preview of the dates an imported .ics file holds. */
export interface PlanModel extends PageContext {
  body: string;
  year: number;
  /** The stored plan, when there is one. */
  stored?: { leadWorkingDays: number; dates: CalendarDate[] };
  form: FormState<PlanField>;
  /** Dates found in an uploaded calendar, not yet saved: they fill the form's dates. */
  /** What an .ics file gave: the meetings, and the events of the year passed over for not mentioning `mentions`. */
  imported?: { fileName?: string; meetings: { date: CalendarDate; summary: string }[]; passedOver?: { date: CalendarDate; summary: string }[]; mentions?: string };
}

export interface ClosedDaysModel extends PageContext {
  year: number;
  stored: CalendarDate[];
  form: FormState<'dates'>;
}

export type UnitField = 'unit' | 'managerName' | 'managerEmail';
export interface UnitsModel extends PageContext {
  units: Unit[];
  form: FormState<UnitField>;
}

export type RoleField = 'role' | 'name' | 'email' | 'unit';
export interface RolesModel extends PageContext {
  roles: RoleHolder[];
  form: FormState<RoleField>;
}

/** `was`: the setting the form was opened with (`settingCode`), so that a save never replaces one it did not show. */
export type PublicBodyField = 'body' | 'public' | 'showNames' | 'was';
/** Offentliga sidor: every body whose public page an admin has set, open or closed. */
export interface PublicBodiesModel extends PageContext {
  bodies: PublicBodySetting[];
  form: FormState<PublicBodyField>;
}

export type SignInField = 'email' | 'role' | 'unit';
/** Logga in (local development only). */
export interface SignInModel {
  form: FormState<SignInField>;
  /** Where to go after signing in (a path on this site). */
  returnTo?: string;
  /** Why the person is here: signed out, or the session ran out. */
  reason?: 'signed_out' | 'expired';
}

/** Why a sign-in with OpenID Connect did not complete (shared/http/sign-in.ts, `SignInFailed`). */
export type SignInFailure = 'no_transaction' | 'expired' | 'refused' | 'invalid_response' | 'no_email';

/** An error page; signed in, it keeps the navigation. */
export interface ErrorPageModel {
  status: 400 | 403 | 404 | 500 | 503;
  context?: PageContext;
  /** What was wrong, in Swedish (a 400's refusal). */
  message?: string;
  /** The 403 of a form from another site or another session. */
  formRefused?: boolean;
}

/** Granska beslut, first step: the protokoll as a PDF, or its text pasted. */
export interface ReviewUploadModel extends PageContext {
  form: FormState<'pdf' | 'text'>;
}

/** One proposal of a protokoll, as the review shows it: its source, its fields as proposed or as edited, and what came of it. */
export interface ProposalModel {
  index: number;
  /** Ticked to be registered. */
  chosen: boolean;
  form: FormState<RegisterField>;
  /** The sentence it came from, with the rest of its paragraph (§) around it. */
  source: { before: string; sentence: string; after: string };
  /** The responsible as the text names them ("kommundirektören"). */
  responsibleRole?: string;
  flagReason?: string;
  preview?: DeadlinePreview;
  /** Registered (now, or already before under the same key: `replayed`). */
  stored?: { id: string; replayed: boolean };
  /** Why it was not registered. */
  problem?: string;
}

/** Granska beslut, the review: every proposal beside its source, and the text read, kept in the form. */
export interface ReviewModel extends PageContext {
  text: string;
  /** Made when the protokoll was read: with the proposal's number, each proposal's idempotency key. */
  batch: string;
  proposals: ProposalModel[];
  /** Exhortations (uppmaningar) found: no items, shown so nothing is lost. */
  exhortations: { to?: string; what: string }[];
  /** Sentences that mention work but gave no proposal (shared/drafting/unproposed.ts): for the clerk to read in the protokoll. */
  unproposed: { paragraph?: string; sentence: string; mentions: Mention[] }[];
  /** Set after "Registrera valda". */
  /** What "Registrera valda" did: newly stored, registered before (the same decision read or sent again), not stored. */
  registered?: { stored: number; before: number; failed: number };
  bodies: string[];
  units: string[];
  people: { name: string; email: string }[];
}

/** Importera: the upload, then the dry run (with the rows read, kept in the confirm form), then the import. */
export interface ImportModel extends PageContext {
  form: FormState<'file'>;
  fileName?: string;
  result?: { dryRun: boolean } & BacklogImport;
  /** The rows read, as JSON, for the confirm form. */
  table?: string;
}
