import type { Caller } from '../../domain/caller';
import type { CalendarDate } from '../../domain/dates';
import type { HistoryEvent } from '../../domain/items/history';
import type { ItemView } from '../../domain/items/item';
import type { RoleHolder } from '../../application/directory/roles';
import type { Unit } from '../../application/units/directory';

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

/** Why an item needs a clerk (API v2 `attention`). */
export type Attention = 'no_meeting_in_time' | 'meeting_already_held';

/** The deadline forms of API v2, including "the last meeting on or before a date" (`meeting.by`). */
export type DueForm =
  | { date: CalendarDate }
  | { meeting: { body: string; month: string } | { body: string; date: CalendarDate } | { body: string; by: CalendarDate } }
  | { externalDeadline: CalendarDate; recipient: string; decidedBy?: string }
  | { raised: CalendarDate };

/** A decision as known: before the minutes are approved there is no § yet. */
export interface DecisionKnown {
  body: string;
  date: CalendarDate;
  paragraph?: string;
}

/**
 * An item as `GET /uppdrag/{id}` answers it (API v2): the case number, the §, even the decision
 * may be missing (a yttrande registered when the remiss arrived has `remiss` instead).
 */
export type WorkspaceItem = Omit<ItemView, 'caseNumber' | 'decision' | 'attention' | 'due'> & {
  caseNumber?: string;
  decision?: DecisionKnown;
  remiss?: { received?: CalendarDate; reference?: string };
  attention?: Attention;
  due: DueForm;
};

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

/** The columns the list sorts by. */
export const SORT_KEYS = ['due', 'title', 'kind', 'unit', 'responsible'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

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
}

export type ListField = 'state' | 'unit' | 'responsible' | 'kind' | 'dueAfter' | 'dueBefore' | 'attention' | 'q';

/** One change of an item in its history, already in the registrar's words. */
export interface ItemPageModel extends PageContext {
  item: WorkspaceItem;
  history: HistoryEvent[];
  /** Which form to show open, with what was typed and what is wrong. */
  form?: { name: ItemFormName; state: FormState<ChangeField> };
  /**
   * The item changed after the form was shown (its version moved on): the changes since, shown
   * above the form, which keeps the person's input.
   */
  changedMeanwhile?: HistoryEvent[];
}

export type ItemFormName = 'change' | 'close' | 'cancel' | 'reopen' | 'reassign' | 'grant' | 'refuse';

/** The fields of the change form: the create form's, plus the reason and the version it is based on. */
export type ChangeField = RegisterField | 'reason' | 'note' | 'version';

/** What a deadline would be (`POST /deadlines/preview`), or why it cannot be computed. */
export type DeadlinePreview =
  | { ok: true; dueDate: CalendarDate; meetingDate?: CalendarDate; externalDeadline?: CalendarDate; statutoryLimit?: CalendarDate; dueExplanation: string }
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
  imported?: { fileName?: string; meetings: { date: CalendarDate; summary: string }[] };
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

export type SignInField = 'email' | 'role' | 'unit';
/** Logga in (local development only). */
export interface SignInModel {
  form: FormState<SignInField>;
  /** Where to go after signing in (a path on this site). */
  returnTo?: string;
  /** Why the person is here: signed out, or the session ran out. */
  reason?: 'signed_out' | 'expired';
}

/** An error page; signed in, it keeps the navigation. */
export interface ErrorPageModel {
  status: 403 | 404 | 503;
  context?: PageContext;
}
