import { Duration, TimeZone } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction, type AppFunctionProps } from './function';
import type { Monitoring } from './monitoring';
import { createDeadLetterQueue } from './building-blocks';
import { TIME_ZONE } from '../../shared/domain/dates';
import type { JobSchedule } from '../../shared/platform/jobs';

/**
 * One scheduled job. shared/platform/jobs.ts's JobDefinition fits this shape, so the job table the local
 * scheduler uses is passed in as is.
 */
export interface ScheduledJob {
  /** The entry point's folder: `functions/<name>/handler.ts`. */
  name: string;
  description?: string;
  /** Wall-clock time in TIME_ZONE: 07:00 stays 07:00 across both DST switches (which happen at 02:00/03:00). */
  schedule: JobSchedule;
  /** Another entry file (tests); default `functions/<name>/handler.ts`. */
  entry?: string;
}

/** A job's schedule as EventBridge Scheduler's cron fields (minute, hour, day of week; day names, not numbers). */
export const schedulerCron = (schedule: JobSchedule) => ({ minute: String(schedule.minute), hour: String(schedule.hour), weekDay: schedule.weekdays });

/** How long and how often a job's start is retried before it goes to the dead-letter queue. */
export const JOB_RETRY = { retryAttempts: 3, maxEventAge: Duration.hours(2) } as const;

export interface JobsProps {
  jobs: readonly ScheduledJob[];
  /** Everything but the name, entry and concurrency of each job's function: table access, mail… */
  functionProps: (job: ScheduledJob) => Omit<AppFunctionProps, 'name' | 'entry' | 'reservedConcurrentExecutions'>;
  monitoring?: Monitoring;
}

export interface CreatedJob {
  job: ScheduledJob;
  function: AppFunction;
  schedule: Schedule;
  deadLetterQueue: Queue;
}

/**
 * For each job: its function (reserved concurrency 1, so two runs never overlap: a second start
 * waits in Lambda's queue until the first has finished), an EventBridge Scheduler schedule at its
 * Stockholm time with an explicit retry policy, and one encrypted dead-letter queue that receives
 * both a start the scheduler gave up on and a run that still failed after Lambda's own retries.
 * The jobs are idempotent (each reminder is claimed with a conditional write), so retries are safe.
 */
export class Jobs extends Construct {
  readonly created: CreatedJob[] = [];

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);

    for (const job of props.jobs) {
      const scopeOfJob = new Construct(this, job.name);

      const fn = new AppFunction(scopeOfJob, 'Function', {
        timeout: Duration.minutes(10),
        ...props.functionProps(job),
        name: job.name,
        ...(job.entry ? { entry: job.entry } : {}),
        reservedConcurrentExecutions: 1,
      });

      const deadLetterQueue = createDeadLetterQueue(scopeOfJob, 'DeadLetterQueue', `the ${job.name} schedule and of the function's failed asynchronous runs`);

      // A run that fails after it started: Lambda retries it, then hands it to the same queue.
      fn.fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: JOB_RETRY.maxEventAge, onFailure: new SqsDestination(deadLetterQueue) });

      const schedule = new Schedule(scopeOfJob, 'Schedule', {
        description: job.description ?? `Runs the ${job.name} job`,
        schedule: ScheduleExpression.cron({ ...schedulerCron(job.schedule), timeZone: TimeZone.of(TIME_ZONE) }),
        target: new InvokeFunctionOnly(fn.fn, {
          retryAttempts: JOB_RETRY.retryAttempts,
          maxEventAge: JOB_RETRY.maxEventAge,
          deadLetterQueue,
          input: ScheduleTargetInput.fromObject({ job: job.name, scheduledTime: ContextAttribute.scheduledTime }),
        }),
      });

      if (props.monitoring) {
        props.monitoring.watchFunction(job.name, fn.fn);
        props.monitoring.watchDeadLetterQueue(`${job.name}Dlq`, deadLetterQueue);
        props.monitoring.watchJobRuns(job.name, fn.fn, schedulerCron(job.schedule));
      }
      this.created.push({ job, function: fn, schedule, deadLetterQueue });
    }
  }
}

/**
 * LambdaInvoke grants the scheduler's role the function and all its versions (`<arn>:*`); the
 * schedule invokes only the unqualified function, so that is all this grants.
 */
class InvokeFunctionOnly extends LambdaInvoke {
  protected override addTargetActionToRole(role: IRole): void {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.targetArn] }));
  }
}
