import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { closedHolidays } from '../shared/domain/calendar/holiday-rules';
import { HOLIDAY_TABLE_YEARS } from '../shared/domain/calendar/working-days';

/**
 * `npm run holidays`: writes shared/domain/calendar/holiday-table.json, the Swedish closed holidays of
 * every year the calendar knows, from date-holidays with the known corrections of
 * holiday-rules.ts. Rerun after upgrading date-holidays; test/unit/calendar.test.ts fails until
 * the table matches it, and on any difference from the library that is not a known correction.
 */
const { version } = createRequire(import.meta.url)('date-holidays/package.json') as { version: string };
const names: string[] = [];
/** "12-24 julafton" as the table holds it (see tableHolidays in working-days.ts): "1224" and the letter of its name. */
const entry = (day: string) => {
  const name = day.slice(6);
  if (!names.includes(name)) names.push(name);
  return `${day.slice(0, 2)}${day.slice(3, 5)}${String.fromCharCode(97 + names.indexOf(name))}`;
};
const years: Record<string, string> = {};
for (let year = HOLIDAY_TABLE_YEARS.first; year <= HOLIDAY_TABLE_YEARS.last; year++) years[year] = closedHolidays(year).map(entry).join('');
if (names.length > 26) throw new Error(`${names.length} holiday names: the table's letters name at most 26`);
const path = new URL('../shared/domain/calendar/holiday-table.json', import.meta.url);
// One line a year, so a regenerated table diffs by year.
const lines = Object.entries(years).map(([year, days]) => `    "${year}": ${JSON.stringify(days)}`);
writeFileSync(
  path,
  `{\n  "source": "date-holidays ${version} with the known corrections of holiday-rules.ts, npm run holidays; each day MMDD and the letter of its name",\n  "names": ${JSON.stringify(names)},\n  "years": {\n${lines.join(',\n')}\n  }\n}\n`,
);
console.log(`${path.pathname}: ${Object.keys(years).length} years from date-holidays ${version}`);
