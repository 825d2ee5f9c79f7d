/**
 * The scheduled jobs, each with its schedule written once: EventBridge Scheduler's cron fields
 * (infra/constructs/jobs.ts) and the local scheduler's cron (local/scheduler.ts) are both derived
 * from it. Times are wall-clock in `TIME_ZONE` (shared/domain/dates.ts), so 07:00 stays 07:00
 * across both DST changes; the jobs themselves skip days that are not working days.
 */
export interface JobSchedule {
  /** Wall-clock time in `TIME_ZONE`. */
  hour: number;
  minute: number;
  /**
   * The days of the week it fires, by name (`MON-FRI`, `MON,WED,FRI`): both EventBridge and croner
   * read day names, while their day numbers differ (EventBridge counts 1 = Sunday).
   */
  weekdays: string;
}

export interface JobDefinition {
  name: 'reminders' | 'digest';
  description: string;
  schedule: JobSchedule;
}

export const JOBS: readonly JobDefinition[] = [
  {
    name: 'reminders',
    description: 'Daily reminders and escalations',
    schedule: { hour: 7, minute: 0, weekdays: 'MON-FRI' },
  },
  {
    name: 'digest',
    // Every weekday, so a week whose Monday is a holiday gets it on Tuesday; the job sends on the first working day only.
    description: "Weekly overview to each unit's manager",
    schedule: { hour: 7, minute: 0, weekdays: 'MON-FRI' },
  },
];

/**
 * What a job function is invoked with: EventBridge Scheduler's input (infra/constructs/jobs.ts:
 * the job's name and `scheduledTime`, the ISO instant the run was scheduled for), or the local
 * scheduler's, which is the same.
 */
export interface JobEvent {
  job?: string;
  scheduledTime?: string;
}

/**
 * The instant a run is for: the event's `scheduledTime`, so a retry at 09:30 of the 07:00 run is
 * still that morning's run; undefined when the event has none (or an unreadable one), and the run
 * is for now.
 */
export function scheduledInstant(event: JobEvent | undefined): Date | undefined {
  const at = event?.scheduledTime === undefined ? undefined : new Date(event.scheduledTime);
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}
