import { Annotations, CfnOutput, CrossStackReferences, Duration, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { ROUTES } from '../shared/http/routes';
import { HTTP_FUNCTIONS } from '../shared/http/contract';
import { JOBS } from '../shared/platform/jobs';
import type { DeployConfig } from './config';
import { Api } from './constructs/api';
import { AppFunction, type AppFunctionProps, type FunctionEnvironment } from './constructs/function';
import { Jobs } from './constructs/jobs';
import { LinkSecret } from './constructs/link-secret';
import { WorkspaceSecret } from './constructs/workspace-secret';
import { Mail } from './constructs/mail';
import { Monitoring } from './constructs/monitoring';
import { grantsOf } from './functions';
import { createDeadLetterQueue } from './constructs/building-blocks';

export interface AppStackProps extends StackProps {
  /** The table of the data stack. */
  table: ITableV2;
  config: DeployConfig;
}

/**
 * The stateless stack: functions, API, schedules, mail, secret and alarms. It can be replaced or
 * destroyed without touching the data, which lives in the data stack.
 */
export class AppStack extends Stack {
  readonly api: Api;
  readonly mail: Mail;
  readonly jobs: Jobs;
  readonly monitoring: Monitoring;
  readonly linkSecret: LinkSecret;
  readonly workspaceSecret: WorkspaceSecret;
  /** Every function by entry-point name. */
  readonly functions = new Map<string, AppFunction>();

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    // The table arrives as a strong reference (an export): CloudFormation refuses to delete the data
    // stack while this stack uses the table.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { config, table } = props;

    this.monitoring = new Monitoring(this, 'Monitoring', { alarmEmail: config.alarmEmail });
    this.mail = new Mail(this, 'Mail', { sendingDomain: config.sendingDomain, mailFrom: config.mailFrom });
    this.linkSecret = new LinkSecret(this, 'LinkSecret');
    this.workspaceSecret = new WorkspaceSecret(this, 'WorkspaceSecret');

    const environment: FunctionEnvironment = {
      MAIL_FROM: config.mailFrom,
      PUBLIC_BASE_URL: config.publicBaseUrl,
      MAX_SEND_RATE: String(config.maxSendRate),
      COUNCIL: config.council,
      SES_CONFIGURATION_SET: this.mail.configurationSet.configurationSetName,
      LOG_LEVEL: 'INFO',
    };

    /** Everything a function gets from its entry in infra/functions.ts. */
    const functionProps = (name: string): Omit<AppFunctionProps, 'name'> => {
      const { grants, listed } = grantsOf(name);
      if (!listed) {
        Annotations.of(this).addWarningV2(
          `bevakning:grants:${name}`,
          `Function "${name}" has no entry in infra/functions.ts: it gets read-only table access and nothing else.`,
        );
      }
      return {
        table,
        tableAccess: grants.table,
        // The workspace signs people in against the API's own Entra app: its issuer, its client id.
        environment: grants.workspace ? { ...environment, OIDC_ISSUER: config.jwtIssuer, OIDC_CLIENT_ID: config.jwtAudience } : environment,
        ...(grants.sendMail ? { mail: this.mail.sending } : {}),
        ...(grants.linkSecret ? { linkSecret: this.linkSecret.secret } : {}),
        ...(grants.workspace ? { workspaceSecret: this.workspaceSecret.secret } : {}),
        ...(grants.timeout ? { timeout: grants.timeout } : {}),
        ...(grants.memorySize ? { memorySize: grants.memorySize } : {}),
      };
    };

    // One function per HTTP entry point, served by the routes that name it.
    const httpFunctions = new Map<string, IFunction>();
    for (const name of HTTP_FUNCTIONS) {
      const fn = new AppFunction(this, `Http-${name}`, { name, ...functionProps(name) });
      this.functions.set(name, fn);
      httpFunctions.set(name, fn.fn);
      this.monitoring.watchFunction(name, fn.fn);
    }
    this.api = new Api(this, 'Api', {
      routes: ROUTES,
      functions: httpFunctions,
      jwtIssuer: config.jwtIssuer,
      jwtAudience: config.jwtAudience,
      ...(config.apiDomainName && config.apiCertificateArn
        ? { customDomain: { domainName: config.apiDomainName, certificateArn: config.apiCertificateArn } }
        : {}),
    });
    this.monitoring.watchApi(this.api.stage);

    this.jobs = new Jobs(this, 'Jobs', {
      jobs: JOBS,
      functionProps: (job) => functionProps(job.name),
      monitoring: this.monitoring,
    });
    for (const { job, function: fn } of this.jobs.created) this.functions.set(job.name, fn);

    this.addSesEvents(functionProps('ses-events'));
    this.monitoring.watchSesReputation();

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the API (execute-api endpoint)' });
    if (this.api.domainName) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: this.api.domainName.regionalDomainName,
        description: `Point ${config.apiDomainName} here (DNS CNAME, or an alias record in Route 53)`,
      });
    }
    new CfnOutput(this, 'LinkSecretArn', { value: this.linkSecret.secret.secretArn, description: 'The signed-link key' });
    new CfnOutput(this, 'WorkspaceFunction', {
      value: this.functions.get('workspace')!.fn.functionName,
      description: 'The workspace function: update its configuration to have it read a changed workspace secret at once',
    });
    new CfnOutput(this, 'WorkspaceSecretArn', {
      value: this.workspaceSecret.secret.secretArn,
      description: "The workspace's session key and OpenID Connect client secret: put the Entra client secret in it",
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
    for (const { job, function: fn } of this.jobs.created) {
      const pascal = job.name.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_, _sep, c: string) => c.toUpperCase());
      new CfnOutput(this, `Job${pascal}Function`, { value: fn.fn.functionName, description: `Runs the ${job.name} job by hand` });
    }
    this.mail.identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${i + 1} of 3 to add to the DNS of ${config.sendingDomain}`,
      });
    });
  }

  /** functions/ses-events on the configuration set's bounce and complaint topic. */
  private addSesEvents(props: Omit<AppFunctionProps, 'name'>): void {
    const fn = new AppFunction(this, 'SesEvents', { name: 'ses-events', ...props, timeout: Duration.seconds(30) });
    this.functions.set('ses-events', fn);

    const deadLetterQueue = createDeadLetterQueue(this, 'SesEventsDeadLetterQueue', 'the ses-events subscription and function');
    // SNS retries delivery, Lambda retries the run; what still fails is kept here, not lost.
    this.mail.eventsTopic.addSubscription(new LambdaSubscription(fn.fn, { deadLetterQueue }));
    fn.fn.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(deadLetterQueue) });

    this.monitoring.watchFunction('ses-events', fn.fn);
    this.monitoring.watchDeadLetterQueue('SesEventsDlq', deadLetterQueue);
  }
}
