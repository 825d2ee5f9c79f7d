import Holidays from 'date-holidays';
import { addDays } from '../dates';

/**
 * date-holidays types the eves `bank`, like other days banks close on, so they are picked by
 * name. Annandag pingst is only an `observance` there, in every year: see `KNOWN_CORRECTIONS`.
 */
const CLOSED_EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);

/** The library's Swedish rules, with names pinned to Swedish: they are shown to users. */
function swedishRules(): Holidays {
  return new Holidays('SE', { languages: ['sv'], types: ['public', 'bank'] });
}

/**
 * The closed days of a year exactly as date-holidays computes them (`MM-DD name`, in date order):
 * the public holidays and the eves closed in practice.
 */
export function libraryHolidays(year: number): string[] {
  return swedishRules()
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public' || CLOSED_EVES.has(holiday.name))
    .map((holiday) => `${holiday.date.slice(5, 10)} ${holiday.name}`);
}

/**
 * Where date-holidays is wrong for Sweden, each with its source; `closedHolidays` adds these and
 * the holiday-table test allows these differences from the library and no other.
 *
 * Annandag pingst was a public holiday until 2004: the change of 2004 to lagen (1989:253) om
 * allmänna helgdagar made nationaldagen one from 2005 in its place. date-holidays has it as an
 * observance in every year, so a deadline counted over Whit Monday 2002 came out a working day
 * early.
 */
export const KNOWN_CORRECTIONS: readonly { name: string; lastYear: number; date(year: number): string | undefined }[] = [
  {
    name: 'annandag pingst',
    lastYear: 2004,
    date: (year) => {
      const whitSunday = libraryHolidays(year).find((entry) => entry.endsWith(' pingstdagen'));
      return whitSunday && addDays(`${year}-${whitSunday.slice(0, 5)}`, 1).slice(5);
    },
  },
];

/**
 * The days Swedish municipal offices are closed besides weekends (docs/domain.md,
 * "Time"), as `MM-DD name` in date order: date-holidays' Swedish rules with
 * `KNOWN_CORRECTIONS` applied.
 *
 * Not used at run time: `npm run holidays` writes these into holiday-table.json, which the
 * functions read, so they do not bundle every country's rules (1.4 MB) for Sweden's dozen days.
 * test/unit/calendar.test.ts checks the table against this for every year.
 */
export function closedHolidays(year: number): string[] {
  const corrections = KNOWN_CORRECTIONS.filter((c) => year <= c.lastYear).flatMap((c) => {
    const date = c.date(year);
    return date ? [`${date} ${c.name}`] : [];
  });
  // MM-DD sorts in date order; a stable sort keeps the library's order on a shared day (1 May 2008).
  return [...libraryHolidays(year), ...corrections].sort((a, b) => a.slice(0, 5).localeCompare(b.slice(0, 5)));
}
