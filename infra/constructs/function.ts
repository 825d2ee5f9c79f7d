import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AssetHashType, DockerImage, Duration, Stack, type ILocalBundling } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import type { Config } from '../../shared/platform/config';
import { TABLE } from '../../shared/platform/table';
import { esbuildOptions, FUNCTION_NODE_OPTIONS } from '../bundling';

/** The repository root: entry points are `functions/<name>/handler.ts` under it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The environment the functions read (shared/platform/config.ts), plus the few variables outside that
 * schema. Typed against the runtime's own schema so a renamed variable fails the typecheck here.
 */
export type FunctionEnvironment = Partial<Record<keyof Config | 'LINK_SECRET_ARN' | 'LOG_LEVEL' | 'NODE_OPTIONS', string>>;

/** What a function may do with the table. Nobody gets Scan, DescribeTable or `dynamodb:*`. */
export type TableAccess = 'read' | 'readWrite';

/** Exactly the table actions the adapters use (shared/adapters/dynamo): Get, BatchGet, Query… */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/** …and Put, Update, Delete, transactions (whose ConditionCheck needs its own action), batch writes. */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
] as const;

/** The SES resources a sending function is scoped to. */
export interface MailSending {
  /**
   * The domain identity, and the sender address as an identity of its own: SES authorizes against
   * the address's identity instead of the domain's if the address is ever verified separately.
   */
  identityArns: string[];
  configurationSetArn: string;
  /** The one address the functions send from (condition `ses:FromAddress`). */
  fromAddress: string;
}

export interface AppFunctionProps {
  /** The entry point's folder name: `functions/<name>/handler.ts`. */
  name: string;
  /** Another entry file (tests); default `functions/<name>/handler.ts`. */
  entry?: string;
  description?: string;
  table: ITableV2;
  tableAccess: TableAccess;
  /** The shared runtime environment; STAGE and TABLE_NAME are added here. */
  environment: FunctionEnvironment;
  /** Grants `ses:SendRawEmail` on the identity and configuration set, from the one address only. */
  mail?: MailSending;
  /** Grants read of the signed-link key and passes its ARN (never its value) in LINK_SECRET_ARN. */
  linkSecret?: ISecret;
  /** Grants read of the workspace's secret (session key, OIDC client secret) and passes its ARN in WORKSPACE_SECRET_ARN. */
  workspaceSecret?: ISecret;
  timeout?: Duration;
  memorySize?: number;
  reservedConcurrentExecutions?: number;
  logRetention?: RetentionDays;
}

/**
 * One Lambda function the way this project runs them: Node.js 24 on arm64, bundled by the
 * project's own esbuild (never Docker) to minified ESM with source maps, its own log group with
 * a retention, and a role that holds only what the caller asks for.
 */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention ?? RetentionDays.THREE_MONTHS });

    // An own role instead of AWSLambdaBasicExecutionRole: logs only to this function's group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry ?? `${PROJECT_ROOT}functions/${props.name}/handler.ts`),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description ?? `bevakning: ${props.name}`,
      role: this.role,
      logGroup: this.logGroup,
      ...(props.reservedConcurrentExecutions !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      environment: {
        ...props.environment,
        STAGE: 'aws',
        TABLE_NAME: props.table.tableName,
        NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
        ...(props.linkSecret ? { LINK_SECRET_ARN: props.linkSecret.secretArn } : {}),
        ...(props.workspaceSecret ? { WORKSPACE_SECRET_ARN: props.workspaceSecret.secretArn } : {}),
      } satisfies FunctionEnvironment,
    });

    this.grantTable(props.table, props.tableAccess);
    if (props.mail) this.grantSendMail(props.mail);
    if (props.linkSecret) props.linkSecret.grantRead(this.role);
    if (props.workspaceSecret) props.workspaceSecret.grantRead(this.role);
  }

  private grantTable(table: ITableV2, access: TableAccess): void {
    const indexArns = Object.values(TABLE.indexes).map((index) => `${table.tableArn}/index/${index.indexName}`);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'], resources: [table.tableArn] }),
    );
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [table.tableArn, ...indexArns] }));
    if (access === 'readWrite') {
      this.role.addToPrincipalPolicy(new PolicyStatement({ actions: [...TABLE_WRITE_ACTIONS], resources: [table.tableArn] }));
    }
  }

  private grantSendMail(mail: MailSending): void {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        // The mailer sends raw MIME (shared/adapters/ses/mailer.ts); SendEmail is not needed.
        actions: ['ses:SendRawEmail'],
        resources: [...mail.identityArns, mail.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
      }),
    );
  }
}

/**
 * Bundles one entry point with the project's esbuild and the one bundling definition
 * (infra/bundling.ts, shared with the benchmark) into `index.mjs` and the chunks it loads, never
 * in Docker. `entry` is a field, not only a closure: CDK keys its cache of staged assets by the
 * bundling options as JSON, so two functions with the same options would share one bundle.
 */
class EsbuildBundling implements ILocalBundling {
  constructor(readonly entry: string) {}

  tryBundle(outputDir: string): boolean {
    buildSync({ ...esbuildOptions(this.entry, join(outputDir, 'index.mjs')), absWorkingDir: PROJECT_ROOT });
    return true;
  }
}

/** A function's code: its bundle, named by the hash of the output, so an unchanged bundle is not uploaded again. */
function bundledCode(entry: string): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type; never pulled, since local bundling always answers.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      local: new EsbuildBundling(entry),
    },
  });
}

/** `arn:…:ses:<region>:<account>:configuration-set/<name>` for a configuration set in this stack. */
export function configurationSetArn(scope: Construct, name: string): string {
  return Stack.of(scope).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: name });
}
