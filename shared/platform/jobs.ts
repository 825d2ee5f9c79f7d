/**
 * The scheduled jobs: the CDK stack (EventBridge Scheduler) and the local scheduler are both built
 * from this table. They fire on weekdays at 07:00 Europe/Stockholm wall-clock time, across both
 * DST changes; the jobs themselves skip days that are not working days.
 */
export interface JobDefinition {
  name: 'reminders' | 'digest';
  description: string;
  /** EventBridge Scheduler cron fields (minute, hour, day of month, month, day of week, year). */
  cron: { minute: string; hour: string; weekDay: string };
  /** The same schedule as a five-field cron for croner. */
  localCron: string;
  timeZone: 'Europe/Stockholm';
}

export const JOBS: readonly JobDefinition[] = [
  {
    name: 'reminders',
    description: 'Daily reminders and escalations',
    cron: { minute: '0', hour: '7', weekDay: 'MON-FRI' },
    localCron: '0 7 * * 1-5',
    timeZone: 'Europe/Stockholm',
  },
  {
    name: 'digest',
    // Every weekday, so a week whose Monday is a holiday gets it on Tuesday; the job sends on the first working day only.
    description: "Weekly overview to each unit's manager",
    cron: { minute: '0', hour: '7', weekDay: 'MON-FRI' },
    localCron: '0 7 * * 1-5',
    timeZone: 'Europe/Stockholm',
  },
];
