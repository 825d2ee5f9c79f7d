import { cleanText } from '../../domain/text';
import { escapeHtml } from '../email/text';

/** Markup that is already safe; only `html` and `raw` make one. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | undefined | null | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  // As in emails: no bidi override or zero-width character from user text reaches the page.
  return escapeHtml(cleanText(String(value)));
}

/**
 * A template of markup in which every interpolated value is escaped unless it is itself `Html`:
 * user text cannot become markup by forgetting to escape it.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Trusted markup from this codebase (never user text). */
export const raw = (value: string) => new Html(value);

/**
 * An e-mail address that may break only after its @ and before its dots (`<wbr>`), never inside
 * a word: "kim.berg@kommun / .example.se" on a narrow screen or in print, with `.address`
 * (layout.ts) keeping the browser from breaking it anywhere else.
 */
export function address(email: string): Html {
  return html`<span class="address">${addressParts(email).map((part, i) => (i === 0 ? part : html`<wbr>${part}`))}</span>`;
}

/** An e-mail address cut where it may break: after its @ and before each dot ("kim.berg@", "kommun", ".example", ".se"). */
export const addressParts = (email: string): string[] => email.split(/(?<=@)|(?=\.)/);
