import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../shared/platform/jobs';
import { TIME_ZONE } from '../../shared/domain/dates';
import { cronPattern, scheduledTimeOf } from '../../local/scheduler';

describe('the local scheduler fires the jobs at 07:00 Stockholm wall-clock time', () => {
  const reminders = JOBS.find((j) => j.name === 'reminders')!;
  const nextAfter = (instant: string) => new Cron(cronPattern(reminders.schedule), { timezone: TIME_ZONE, paused: true }).nextRun(new Date(instant))!.toISOString();

  it('in winter 07:00 is 06:00 UTC', () => {
    expect(nextAfter('2027-01-11T08:00:00Z')).toBe('2027-01-12T06:00:00.000Z');
  });

  it('after the spring DST night (28 March 2027) 07:00 is 05:00 UTC', () => {
    expect(nextAfter('2027-03-27T12:00:00Z')).toBe('2027-03-29T05:00:00.000Z');
  });

  it('after the autumn DST night (31 October 2027) 07:00 is 06:00 UTC again, on Monday', () => {
    expect(nextAfter('2027-10-29T12:00:00Z')).toBe('2027-11-01T06:00:00.000Z');
  });

  it('tells the job the time it fired for, 07:00, also when croner woke half a minute late', () => {
    const cron = new Cron(cronPattern(reminders.schedule), { timezone: TIME_ZONE, paused: true });

    expect(scheduledTimeOf(cron, new Date('2027-06-28T05:00:00.000Z'))?.toISOString()).toBe('2027-06-28T05:00:00.000Z');
    expect(scheduledTimeOf(cron, new Date('2027-06-28T05:00:29.900Z'))?.toISOString()).toBe('2027-06-28T05:00:00.000Z');
  });

  it('fires Monday to Friday only; the job itself skips holidays', () => {
    expect(nextAfter('2027-06-25T12:00:00Z')).toBe('2027-06-28T05:00:00.000Z');
  });
});
