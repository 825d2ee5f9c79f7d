import { Duration } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  CfnAlarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { topicKey } from './building-blocks';
import { TIME_ZONE } from '../../shared/domain/dates';

export interface MonitoringProps {
  /** Where alarms are emailed; the address must confirm the SNS subscription once. */
  alarmEmail: string;
}

/** SES reviews an account at a 5 % bounce rate and a 0.1 % complaint rate; warn at 80 % of each. */
export const SES_BOUNCE_RATE_THRESHOLD = 0.04;
export const SES_COMPLAINT_RATE_THRESHOLD = 0.0008;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms, all to one SNS topic that emails the operators: function errors and throttles, API
 * server errors, dead-letter queues that hold anything, the SES reputation nearing a review, and a
 * scheduled job that did not run on a day it should have.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);

    // CloudWatch can publish to an encrypted topic only with a customer managed key that allows it.
    const key = topicKey(this, 'AlarmsKey', {
      description: 'Encrypts the alarm topic',
      publisher: 'cloudwatch.amazonaws.com',
      sid: 'AllowCloudWatchAlarmsToPublishEncrypted',
    });

    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Bevakning alarms', masterKey: key, enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
  }

  /** Errors (an unhandled failure or timeout) and throttles of one function. */
  watchFunction(name: string, fn: IFunction): void {
    this.alarm(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), {
      description: `The ${name} function failed (unhandled error or timeout). See its log group.`,
      threshold: 1,
    });
    this.alarm(`${name}Throttles`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), {
      description: `The ${name} function was throttled (concurrency limit reached).`,
      threshold: 1,
    });
  }

  /** A dead-letter queue that holds anything: an event or a job run was given up on. */
  watchDeadLetterQueue(name: string, queue: IQueue): void {
    this.alarm(`${name}Depth`, queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }), {
      description: `The dead-letter queue ${name} holds messages: something was given up on. Inspect and redrive them.`,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
  }

  /** 5xx answers of the API: the handlers turn failures into 500s, so function Errors miss them. */
  watchApi(stage: IHttpStage): void {
    this.alarm('Api5xx', stage.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), {
      description: 'The API answered with server errors (5xx). See the functions’ logs and the access log.',
      threshold: 1,
    });
  }

  /** The account's SES reputation, nearing the levels at which SES reviews (and may pause) sending. */
  watchSesReputation(): void {
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    this.alarm('SesBounceRate', reputation('Reputation.BounceRate'), {
      description: `SES bounce rate at or above ${SES_BOUNCE_RATE_THRESHOLD * 100} % (SES reviews the account at 5 %). Check the ses-events log and the addresses on open items.`,
      threshold: SES_BOUNCE_RATE_THRESHOLD,
    });
    this.alarm('SesComplaintRate', reputation('Reputation.ComplaintRate'), {
      description: `SES complaint rate at or above ${SES_COMPLAINT_RATE_THRESHOLD * 100} % (SES reviews the account at 0.1 %).`,
      threshold: SES_COMPLAINT_RATE_THRESHOLD,
    });
  }

  /**
   * A scheduled job that was not invoked on a day its schedule names.
   *
   * Why not simply "Invocations < 1 per day, missing data breaching": the jobs fire Monday to
   * Friday, so that alarm would go off every weekend, and with a sliding window it would also
   * judge today's half-finished day before the 07:00 run. Instead:
   * - a wall-clock window (UTC) judges only complete calendar days;
   * - metric math turns a day without invocations into 0 (FILL) and counts the days the schedule
   *   skips as fine: DAY() is the weekday of the UTC day, 1 = Monday … 7 = Sunday. A job at
   *   07:00 Stockholm runs at 05:00 or 06:00 UTC, always on the same date, so the UTC weekday is
   *   the Stockholm one (hence the check that the job's hour is 02 or later);
   * - missing data still breaches: if nothing can be computed at all, say so rather than stay quiet.
   * The alarm reports the day after, around 01:00 Stockholm time: before the next 07:00 run,
   * which catches up on what the missed day did not send. It checks that the job was started,
   * not what it did; failures of a run that did start are the Errors alarm and the DLQ's.
   */
  watchJobRuns(name: string, fn: IFunction, schedule: { hour: string; weekDay: string }): Alarm {
    const hour = Number(schedule.hour);
    if (!Number.isInteger(hour) || hour < 2 || hour > 23) {
      throw new Error(`Job ${name}: the missed-run alarm needs a single hour from 02 to 23 Stockholm time, got "${schedule.hour}".`);
    }
    const days = cloudWatchWeekdays(schedule.weekDay);
    const invocations = fn.metricInvocations({ period: Duration.days(1), statistic: 'Sum' });
    const everyDay = days.length === 7;
    const expression = everyDay ? 'FILL(invocations, 0)' : `IF(${dayCondition(days, 'DAY(FILL(invocations, 0))')}, FILL(invocations, 0), 1)`;
    const runs = new MathExpression({
      expression,
      usingMetrics: { invocations },
      period: Duration.days(1),
      label: `${name} runs on its scheduled days`,
    });
    const alarm = this.alarm(`${name}DidNotRun`, runs, {
      description: `The ${name} job was not started on a day its schedule (${schedule.weekDay} ${schedule.hour}:00 ${TIME_ZONE}) names. Check the schedule, its dead-letter queue and the function.`,
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
    });
    (alarm.node.defaultChild as CfnAlarm).evaluationWindow = { wallClockWindow: { timezone: 'UTC' } };
    return alarm;
  }

  private alarm(
    id: string,
    metric: IMetric,
    options: {
      description: string;
      threshold: number;
      comparisonOperator?: ComparisonOperator;
      treatMissingData?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: options.description,
      threshold: options.threshold,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}

const DAY_NUMBERS: Record<string, number> = { MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6, SUN: 7 };

/**
 * EventBridge cron day-of-week field (names: `MON-FRI`, `MON,WED`, `*`, `?`) as CloudWatch DAY()
 * numbers, 1 = Monday … 7 = Sunday. Numeric days are refused: EventBridge counts 1 = Sunday, a
 * trap best avoided.
 */
export function cloudWatchWeekdays(field: string): number[] {
  if (field === '*' || field === '?') return [1, 2, 3, 4, 5, 6, 7];
  const days = new Set<number>();
  for (const part of field.toUpperCase().split(',')) {
    const [from, to] = part.split('-');
    const start = from === undefined ? undefined : DAY_NUMBERS[from];
    const end = to === undefined ? start : DAY_NUMBERS[to];
    if (start === undefined || end === undefined || end < start) {
      throw new Error(`Unsupported day-of-week "${field}": use day names such as MON-FRI or MON,WED,FRI.`);
    }
    for (let d = start; d <= end; d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

/** `DAY(x) >= 1 AND DAY(x) <= 5` for 1–5; contiguous runs of days become one range each. */
function dayCondition(days: number[], day: string): string {
  const ranges: [number, number][] = [];
  for (const d of days) {
    const last = ranges.at(-1);
    if (last && last[1] === d - 1) last[1] = d;
    else ranges.push([d, d]);
  }
  return ranges.map(([a, b]) => (a === b ? `${day} == ${a}` : `(${day} >= ${a} AND ${day} <= ${b})`)).join(' OR ');
}
