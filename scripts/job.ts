/**
 * `npm run job -- reminders|digest [--at <date or ISO instant>] [--dry-run]`: runs a scheduled job
 * as if it were that instant, against the running local stack (`npm start`). A date alone
 * (`--at 2026-12-01`) is the instant the job runs that day: 07:00 Stockholm time. Prints in
 * Swedish what was sent and, for the reminders, when the people who got nothing are next reminded.
 * It runs against the stack `npm start` records in DATA_DIR (local/settings.ts), so its emails
 * link to the port that stack answers on; variables set for the run (PORT, DYNAMODB_PORT, …) win.
 */
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { fromZonedTime } from 'date-fns-tz';
import { fixedClock } from '../shared/platform/clock';
import { isCalendarDate, swedishDate, TIME_ZONE, type CalendarDate } from '../shared/domain/dates';
import { JOBS } from '../shared/platform/jobs';
import type { WorkingCalendar } from '../shared/domain/calendar/working-days';
import { nextReminders, runReminders } from '../shared/application/reminders/job';
import { createReminderDependencies } from '../functions/reminders/dependencies';
import { runDigest } from '../shared/application/digest/job';
import { createDigestDependencies } from '../functions/digest/dependencies';
import { localSettings, readRunningStack } from '../local/settings';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { at: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const job = JOBS.find((j) => j.name === positionals[0]);
const twoDigits = (n: number) => String(n).padStart(2, '0');
/** A date alone is the job's own time that day (07:00 Stockholm, from the job table). */
const instant = (at: string) =>
  isCalendarDate(at) ? fromZonedTime(`${at}T${twoDigits(job!.schedule.hour)}:${twoDigits(job!.schedule.minute)}:00`, TIME_ZONE) : new Date(at);
const at = values.at ? instant(values.at) : new Date();
if (!job || Number.isNaN(at.getTime())) {
  console.error('Så här: npm run job -- reminders|digest [--at 2027-06-14 | --at 2027-06-14T07:00:00+02:00] [--dry-run]');
  process.exit(2);
}

const settings = localSettings.safeParse(process.env);
if (!settings.success) {
  console.error(`Fel i inställningarna: ${settings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
// What the caller sets wins; then the stack `npm start` runs with this DATA_DIR (its ports and the
// base of its links); then the defaults npm start itself uses (local/settings.ts).
const running = readRunningStack(settings.data.DATA_DIR);
const { PORT, DYNAMODB_PORT, SES_PORT } = settings.data;
/** An endpoint set outright, else the running stack's unless its port is set, else the default port's. */
const setting = (variable: string, portVariable: string, recorded: string | undefined, fallback: string): string =>
  process.env[variable] ?? (process.env[portVariable] === undefined && recorded ? recorded : fallback);
const env = {
  ...process.env,
  STAGE: 'local',
  DYNAMODB_ENDPOINT: setting('DYNAMODB_ENDPOINT', 'DYNAMODB_PORT', running?.dynamoEndpoint, `http://127.0.0.1:${DYNAMODB_PORT}`),
  SES_ENDPOINT: setting('SES_ENDPOINT', 'SES_PORT', running?.sesEndpoint, `http://127.0.0.1:${SES_PORT}`),
  PUBLIC_BASE_URL: setting('PUBLIC_BASE_URL', 'PORT', running?.publicBaseUrl, `http://localhost:${PORT}`),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
};
const dryRun = values['dry-run'];

/** Whether something accepts connections at an endpoint, within two seconds. */
function answers(endpoint: string): Promise<boolean> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// Without the local stack the SDK would fail with a stack trace (ECONNREFUSED): say instead, in
// one sentence, what is not answering and what starts it. A dry run sends nothing, so needs no SES.
const needed = [
  { name: 'DynamoDB Local', endpoint: env.DYNAMODB_ENDPOINT, variables: 'DYNAMODB_PORT eller DYNAMODB_ENDPOINT' },
  ...(dryRun ? [] : [{ name: 'Den lokala SES-servern', endpoint: env.SES_ENDPOINT, variables: 'SES_PORT eller SES_ENDPOINT' }]),
];
for (const service of needed) {
  if (!(await answers(service.endpoint))) {
    console.error(
      `${service.name} svarar inte på ${service.endpoint}: starta den lokala stacken med npm start i ett annat terminalfönster, eller ange var den lyssnar med ${service.variables}.`,
    );
    process.exit(1);
  }
}

// The run is for `at`, and so is its clock: claims and links are stamped as if it were then.
const clock = fixedClock(at);
const mode = dryRun ? ' (provkörning: inget skickas, inget ändras)' : '';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const day = (date: CalendarDate) => `${swedishDate(date)} (${date})`;

/** A day without the job: why, and the next working day to run it on. */
const notAWorkingDay = async (deps: { calendar: () => Promise<WorkingCalendar> }, date: CalendarDate, nothing: string): Promise<string> => {
  const calendar = await deps.calendar();
  const next = calendar.workingDayOnOrAfter(date);
  return `${day(date)} är ingen arbetsdag (${calendar.closedReason(date)}): ${nothing}${mode}. Nästa arbetsdag är ${day(next)}: npm run job -- ${job.name} --at ${next}`;
};

if (job.name === 'digest') {
  const deps = createDigestDependencies(env, clock);
  const report = await runDigest(deps, { dryRun });
  if (report.skipped) {
    console.log(await notAWorkingDay(deps, report.day, 'ingen veckoöversikt'));
  } else {
    const catchUp = report.catchUp ? ' (inte veckans första arbetsdag: bara det som inte gick ut tidigare i veckan)' : '';
    console.log(`${day(report.day)}: ${plural(report.sent.length, 'veckoöversikt', 'veckoöversikter')} ${dryRun ? 'skulle skickas' : 'skickade'}${catchUp}${mode}`);
    for (const email of report.sent) console.log(`  ${email.to} (${email.unit}): "${email.subject}"`);
    if (report.alreadySent) console.log(`  ${plural(report.alreadySent, 'redan skickad', 'redan skickade')} den här veckan`);
    for (const failure of report.failed) console.log(`  MISSLYCKADES ${failure.to} (${failure.unit}): ${failure.error} (skickas vid nästa körning)`);
    for (const unit of report.withoutManager) console.log(`  ingen chef för ${unit}: en administratör lägger in en under Enheter i arbetsytan`);
  }
  process.exit(0);
}

const deps = createReminderDependencies(env, clock);
const report = await runReminders(deps, { dryRun });
if (report.skipped) {
  console.log(await notAWorkingDay(deps, report.day, 'inga påminnelser'));
  process.exit(0);
}
const ROLES = { responsible: '', manager: 'chef ', registrar: 'registrator ' } as const;
console.log(`${day(report.day)}: ${plural(report.sent.length, 'e-postmeddelande', 'e-postmeddelanden')} ${dryRun ? 'skulle skickas' : report.sent.length === 1 ? 'skickat' : 'skickade'}${mode}`);
// A registrar's email is about notices and flags, not reminded items: its subject says how many.
for (const email of report.sent) console.log(`  ${ROLES[email.role]}${email.to}: "${email.subject}"${email.itemIds.length ? ` (${plural(email.itemIds.length, 'ärende', 'ärenden')})` : ''}`);
if (report.alreadySent) console.log(`  ${report.alreadySent} redan skickat tidigare i dag`);
for (const failure of report.failed) console.log(`  MISSLYCKADES ${failure.to}: ${failure.error} (skickas vid nästa körning)`);
if (report.deferred) console.log(`  ${report.deferred} kvar till nästa körning`);
if (report.suppressed) console.log(`  ${report.suppressed} mottagare med spärrad adress (studs eller klagomål) fick inget`);
if (report.escalationsWithoutRecipient) {
  console.log(`  ${plural(report.escalationsWithoutRecipient, 'eskalering', 'eskaleringar')} utan chef att skicka till: registratorn får veta det`);
}
// Why the others got nothing today: when each is next reminded.
const waiting = await nextReminders(deps, report);
const SHOWN = 20;
if (waiting.length) console.log('Ingen påminnelse i dag till:');
for (const person of waiting.slice(0, SHOWN)) {
  const today = person.remindedEarlierToday ? 'fick dagens påminnelse vid en tidigare körning; ' : '';
  console.log(`  ${person.name} (${person.email}): ${today}nästa påminnelse ${person.date}, ${swedishDate(person.date)} (${plural(person.items, 'ärende', 'ärenden')})`);
}
if (waiting.length > SHOWN) console.log(`  … och ${waiting.length - SHOWN} till`);
if (report.sent.length === 0 && report.alreadySent === 0 && waiting.length === 0) console.log('Inget öppet ärende har någon påminnelse kvar.');
