import Holidays from 'date-holidays';

/**
 * date-holidays types the eves `bank`, like other days banks close on, so they are picked by
 * name. Annandag pingst (a working day since 2005) is only an `observance` there and so stays
 * a working day.
 */
const CLOSED_EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);

/**
 * The days Swedish municipal offices are closed besides weekends, by date-holidays' Swedish
 * rules: the public holidays and the eves closed in practice (DOMAIN.md, "How the municipality
 * counts time"), as `MM-DD name`. Names are pinned to Swedish: they are shown to users.
 *
 * Not used at run time: `npm run holidays` writes these into holiday-table.json, which the
 * functions read, so they do not bundle every country's rules (1.4 MB) for Sweden's dozen days.
 * test/unit/calendar.test.ts checks the table against this for every year.
 */
export function closedHolidays(year: number): string[] {
  const swedish = new Holidays('SE', { languages: ['sv'], types: ['public', 'bank'] });
  return swedish
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public' || CLOSED_EVES.has(holiday.name))
    .map((holiday) => `${holiday.date.slice(5, 10)} ${holiday.name}`);
}
