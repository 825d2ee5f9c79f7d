/**
 * `npm run job -- reminders|digest --at <ISO instant> [--dry-run]`: runs a scheduled job as if it
 * were that instant, against the running local stack (`npm start`).
 */
import { parseArgs } from 'node:util';
import { fixedClock } from '../shared/clock';
import { runReminders } from '../shared/reminders/job';
import { createDependencies } from '../functions/dependencies';
import { reminderJobDeps } from '../functions/reminders/handler';
import { runDigest } from '../shared/digest/job';
import { digestJobDeps } from '../functions/digest/handler';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { at: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const job = positionals[0];
const at = values.at ? new Date(values.at) : new Date();
if (!['reminders', 'digest'].includes(job ?? '') || Number.isNaN(at.getTime())) {
  console.error('Usage: npm run job -- reminders|digest --at 2027-06-14T07:00:00+02:00 [--dry-run]');
  process.exit(2);
}

const env = {
  ...process.env,
  STAGE: 'local',
  DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
  SES_ENDPOINT: process.env.SES_ENDPOINT ?? `http://127.0.0.1:${process.env.SES_PORT ?? 8005}`,
  PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
};
const deps = createDependencies(env, fixedClock(at));
const mode = values['dry-run'] ? ' (dry run: nothing sent, nothing changed)' : '';

if (job === 'digest') {
  const report = await runDigest(digestJobDeps(deps), { dryRun: values['dry-run'] });
  if (report.skipped) {
    console.log(`${report.day}: not a working day, no overview${mode}.`);
  } else {
    const catchUp = report.catchUp ? ' (not the first working day of the week: only what did not go out earlier)' : '';
    console.log(`${report.day}: ${report.sent.length} weekly overview(s)${values['dry-run'] ? ' would be sent' : ' sent'}${catchUp}${mode}`);
    for (const email of report.sent) console.log(`  ${email.to} (${email.unit}): "${email.subject}"`);
    if (report.alreadySent) console.log(`  ${report.alreadySent} already sent this week`);
    for (const failure of report.failed) console.log(`  FAILED ${failure.to} (${failure.unit}): ${failure.error} (left for the next run)`);
    for (const unit of report.withoutManager) console.log(`  no manager for ${unit}: set one with PUT /units/{unit}`);
  }
  process.exit(0);
}

const report = await runReminders(reminderJobDeps(deps), { dryRun: values['dry-run'] });
if (report.skipped) {
  console.log(`${report.day}: not a working day, no reminders${mode}.`);
} else {
  console.log(`${report.day}: ${report.sent.length} email(s)${values['dry-run'] ? ' would be sent' : ' sent'}${mode}`);
  for (const email of report.sent) console.log(`  ${email.role === 'manager' ? 'manager ' : ''}${email.to}: "${email.subject}" (${email.itemIds.length} item(s))`);
  if (report.alreadySent) console.log(`  ${report.alreadySent} already sent earlier today`);
  for (const failure of report.failed) console.log(`  FAILED ${failure.to}: ${failure.error} (left for the next run)`);
  if (report.deferred) console.log(`  ${report.deferred} left for the next run`);
}
