import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnResource, Stack, Stage, Validations, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_STACK_NAME, DATA_STACK_NAME, buildApp } from '../../infra/build';
import { TEST_CONFIG } from '../../infra/config';
import { Api } from '../../infra/constructs/api';
import { HOLD_INDEXES_CONTEXT, TABLE_LOGICAL_ID } from '../../infra/constructs/data';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, type AppFunction } from '../../infra/constructs/function';
import { JOB_RETRY, schedulerCron } from '../../infra/constructs/jobs';
import { CLIENT_SECRET_PLACEHOLDER } from '../../infra/constructs/workspace-secret';
import { TIME_ZONE } from '../../shared/domain/dates';
import { SES_BOUNCE_RATE_THRESHOLD, SES_COMPLAINT_RATE_THRESHOLD, cloudWatchWeekdays } from '../../infra/constructs/monitoring';
import { grantsOf } from '../../infra/functions';
import type { AppStack } from '../../infra/app-stack';
import { DataStack } from '../../infra/data-stack';
import { JOBS } from '../../shared/platform/jobs';
import { ROUTES } from '../../shared/http/routes';
import { HTTP_FUNCTIONS, needsToken, routeKey, routeKeysOf, UNMATCHED_ROUTE } from '../../shared/http/contract';
import { TABLE } from '../../shared/platform/table';

/**
 * The deployed stack, synthesized offline from the same definitions the local stack uses and
 * checked property by property. Synthesized once (bundling every function with esbuild takes a
 * few seconds) with the real job table.
 */

type Json = Record<string, any>;
interface Resource {
  Type: string;
  Properties: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
}

let app: App;
let dataStack: DataStack;
let appStack: AppStack;
let data: Template;
let template: Template;
let assembly: CloudAssembly;

beforeAll(() => {
  app = new App();
  const built = buildApp(app, TEST_CONFIG, { nag: false });
  dataStack = built.data;
  appStack = built.app;
  assembly = app.synth();
  data = Template.fromJSON(assembly.getStackByName(DATA_STACK_NAME).template);
  template = Template.fromJSON(assembly.getStackByName(APP_STACK_NAME).template);
}, 90_000);

// ---------------------------------------------------------------------------------------------

const resources = (t: Template, type: string) => t.findResources(type) as Record<string, Resource>;
const only = <T>(values: T[]): T => {
  expect(values).toHaveLength(1);
  return values[0]!;
};
const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const fnId = (name: string) => logicalId(appStack, functionNamed(name).fn);
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOfStatement = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

function functionNamed(name: string): AppFunction {
  const fn = appStack.functions.get(name);
  if (!fn) throw new Error(`no function ${name}`);
  return fn;
}

/** The statements of the function's own role (its DefaultPolicy). */
function statementsOf(name: string): Statement[] {
  const policy = functionNamed(name).role.node.findChild('DefaultPolicy');
  const id = logicalId(appStack, policy);
  return resources(template, 'AWS::IAM::Policy')[id]!.Properties.PolicyDocument.Statement as Statement[];
}

function allStatements(): Statement[] {
  return Object.values(resources(template, 'AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const allFunctionNames = () => [...appStack.functions.keys()];

// ---------------------------------------------------------------------------------------------

describe('the data stack', () => {
  const table = () => only(Object.entries(resources(data, 'AWS::DynamoDB::GlobalTable')));

  it('holds only the table, under a fixed logical id', () => {
    const [id] = table();
    expect(id).toBe(TABLE_LOGICAL_ID);
    const types = Object.values(data.toJSON().Resources as Record<string, Resource>).map((r) => r.Type);
    expect(types.filter((t) => t !== 'AWS::CDK::Metadata')).toEqual(['AWS::DynamoDB::GlobalTable']);
  });

  it('is retained on delete and on replacement, and the stack is termination-protected', () => {
    const [, resource] = table();
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
    expect(dataStack.terminationProtection).toBe(true);
  });

  it('has point-in-time recovery and deletion protection', () => {
    const replica = only(table()[1].Properties.Replicas as Json[]);
    expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 });
    expect(replica.DeletionProtectionEnabled).toBe(true);
    expect(replica.Region).toBe(TEST_CONFIG.region);
  });

  it('holds back the indexes named in bevakning:holdIndexes, for a release that adds two (CloudFormation adds one per update)', () => {
    const held = new App({ context: { [HOLD_INDEXES_CONTEXT]: 'byDecisionBody' } });
    const stack = new DataStack(held, 'Held', { env: { account: '123456789012', region: 'eu-north-1' } });
    const indexes = Object.values(resources(Template.fromStack(stack), 'AWS::DynamoDB::GlobalTable'))[0]!.Properties.GlobalSecondaryIndexes as Json[];
    expect(indexes.map((index) => index.IndexName)).toEqual(Object.values(TABLE.indexes).map((index) => index.indexName).filter((name) => name !== 'byDecisionBody'));
  });

  it('is billed on demand and encrypted at rest with the AWS managed KMS key', () => {
    const props = table()[1].Properties;
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
  });

  it('has the key schema, TTL attribute and indexes of shared/platform/table.ts, every index projecting all attributes', () => {
    const props = table()[1].Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: TABLE.timeToLiveAttribute, Enabled: true });
    expect(props.GlobalSecondaryIndexes).toEqual(
      Object.values(TABLE.indexes).map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const attributes = props.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(attributes.map((a) => a.AttributeName).sort()).toEqual(
      [TABLE.partitionKey, TABLE.sortKey, ...Object.values(TABLE.indexes).flatMap((i) => [i.partitionKey, i.sortKey])].sort(),
    );
    expect(new Set(attributes.map((a) => a.AttributeType))).toEqual(new Set(['S']));
  });
});

describe('the functions', () => {
  it('are one per HTTP entry point, one per job and ses-events, and nothing else', () => {
    expect(allFunctionNames().sort()).toEqual([...HTTP_FUNCTIONS, ...JOBS.map((j) => j.name), 'ses-events'].sort());
    expect(Object.keys(resources(template, 'AWS::Lambda::Function')).sort()).toEqual(allFunctionNames().map(fnId).sort());
  });

  it('every one runs Node.js 24 on arm64', () => {
    for (const [id, fn] of Object.entries(resources(template, 'AWS::Lambda::Function'))) {
      expect(fn.Properties.Runtime, id).toBe('nodejs24.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
    }
  });

  it('are bundled locally by esbuild to minified ESM with source maps and a require shim', () => {
    for (const [id, fn] of Object.entries(resources(template, 'AWS::Lambda::Function'))) {
      expect(fn.Properties.Handler, id).toBe('index.handler');
      const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const dir = join(assembly.directory, `asset.${hash}`);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith('import { createRequire'), id).toBe(true);
      // Minified: no indented lines where the bundle starts (later, template literals keep theirs).
      expect(code.slice(0, 4000), `${id} is minified`).not.toMatch(/\n[ \t]+\S/);
      expect(code.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map'), id).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map')), `${id} has a source map`).toBe(true);
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS, id).toBe('--enable-source-maps');
    }
  });

  it('each carry their own bundle, with every chunk its entry imports beside it', () => {
    const assetDir = (name: string) => {
      const fn = resources(template, 'AWS::Lambda::Function')[fnId(name)]!;
      return join(assembly.directory, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    };
    const dirs = allFunctionNames().map(assetDir);
    expect(new Set(dirs).size).toBe(dirs.length);
    for (const dir of dirs) {
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      const chunks = [...code.matchAll(/from"\.\/([^"]+\.mjs)"/g)].map((m) => m[1]!);
      expect(chunks.length, dir).toBeGreaterThan(0);
      for (const chunk of chunks) expect(existsSync(join(dir, chunk)), `${dir}/${chunk}`).toBe(true);
    }
  });

  it('each logs to its own log group, and every log group has a retention', () => {
    const groups = resources(template, 'AWS::Logs::LogGroup');
    for (const [id, group] of Object.entries(groups)) expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
    for (const [id, fn] of Object.entries(resources(template, 'AWS::Lambda::Function'))) {
      const ref = fn.Properties.LoggingConfig?.LogGroup?.Ref as string;
      expect(Object.keys(groups), id).toContain(ref);
    }
  });

  it('get the runtime configuration, STAGE=aws and the table name, and no secret in clear', () => {
    for (const name of allFunctionNames()) {
      const env = resources(template, 'AWS::Lambda::Function')[fnId(name)]!.Properties.Environment.Variables as Json;
      expect(env.STAGE, name).toBe('aws');
      expect(env.TABLE_NAME, name).toEqual({ 'Fn::ImportValue': expect.stringContaining(DATA_STACK_NAME) });
      expect(env.MAIL_FROM, name).toBe(TEST_CONFIG.mailFrom);
      expect(env.PUBLIC_BASE_URL, name).toBe(TEST_CONFIG.publicBaseUrl);
      expect(env.MAX_SEND_RATE, name).toBe(String(TEST_CONFIG.maxSendRate));
      expect(env.COUNCIL, name).toBe(TEST_CONFIG.council);
      expect(env.SES_CONFIGURATION_SET, name).toEqual({ Ref: logicalId(appStack, appStack.mail.configurationSet) });
      if (grantsOf(name).grants.linkSecret) {
        expect(env.LINK_SECRET_ARN, name).toEqual({ Ref: logicalId(appStack, appStack.linkSecret.secret) });
      } else {
        expect(env.LINK_SECRET_ARN, name).toBeUndefined();
      }
      if (grantsOf(name).grants.workspace) {
        expect(env.WORKSPACE_SECRET_ARN, name).toEqual({ Ref: logicalId(appStack, appStack.workspaceSecret.secret) });
        // The workspace signs people in against the API's own Entra app.
        expect({ issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID }, name).toEqual({ issuer: TEST_CONFIG.jwtIssuer, clientId: TEST_CONFIG.jwtAudience });
      } else {
        expect([env.WORKSPACE_SECRET_ARN, env.OIDC_ISSUER, env.OIDC_CLIENT_ID], name).toEqual([undefined, undefined, undefined]);
      }
    }
    expect(JSON.stringify(template.toJSON())).not.toContain('{{resolve:secretsmanager');
  });

  it('jobs have reserved concurrency 1, so two runs never overlap; HTTP functions have none', () => {
    for (const job of JOBS) {
      expect(resources(template, 'AWS::Lambda::Function')[fnId(job.name)]!.Properties.ReservedConcurrentExecutions, job.name).toBe(1);
    }
    for (const name of HTTP_FUNCTIONS) {
      expect(resources(template, 'AWS::Lambda::Function')[fnId(name)]!.Properties.ReservedConcurrentExecutions, name).toBeUndefined();
    }
  });
});

describe('least privilege', () => {
  it('no policy grants dynamodb:* or any other wildcard action, or any resource "*"', () => {
    for (const statement of allStatements()) {
      for (const action of actionsOf(statement)) {
        expect(action).not.toBe('*');
        expect(action.endsWith(':*'), action).toBe(false);
      }
      expect(resourcesOfStatement(statement)).not.toContain('*');
    }
  });

  it('table actions name only the table and its indexes, never a wildcard', () => {
    const tableStatements = allStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(tableStatements.length).toBeGreaterThan(0);
    for (const statement of tableStatements) {
      const text = JSON.stringify(statement.Resource);
      expect(text).not.toContain('*');
      for (const resource of resourcesOfStatement(statement)) expect(JSON.stringify(resource)).toContain(DATA_STACK_NAME);
    }
  });

  it('each function gets exactly the table access its entry in infra/functions.ts gives it', () => {
    for (const name of allFunctionNames()) {
      const tableActions = statementsOf(name)
        .flatMap(actionsOf)
        .filter((a) => a.startsWith('dynamodb:'));
      const expected =
        grantsOf(name).grants.table === 'readWrite' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : [...TABLE_READ_ACTIONS];
      expect(tableActions.sort(), name).toEqual(expected.sort());
    }
  });

  it('health only reads; items and plans may write', () => {
    const actions = (name: string) => statementsOf(name).flatMap(actionsOf);
    expect(actions('health')).not.toContain('dynamodb:PutItem');
    expect(actions('health')).toContain('dynamodb:GetItem');
    expect(actions('items')).toContain('dynamodb:PutItem');
    expect(actions('plans')).toContain('dynamodb:UpdateItem');
  });

  it('Query reaches every index of shared/platform/table.ts, by name', () => {
    const query = only(statementsOf('items').filter((s) => actionsOf(s).includes('dynamodb:Query')));
    const text = JSON.stringify(query.Resource);
    for (const index of Object.values(TABLE.indexes)) expect(text).toContain(`/index/${index.indexName}"`);
  });

  it('only the functions that send mail may, through the identity and configuration set, from MAIL_FROM only', () => {
    for (const name of allFunctionNames()) {
      const ses = statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
      if (!grantsOf(name).grants.sendMail) {
        expect(ses, name).toEqual([]);
        continue;
      }
      const statement = only(ses);
      expect(actionsOf(statement)).toEqual(['ses:SendRawEmail']);
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': TEST_CONFIG.mailFrom } });
      const text = JSON.stringify(statement.Resource);
      expect(text).toContain(logicalId(appStack, appStack.mail.identity));
      expect(text).toContain(`:identity/${TEST_CONFIG.mailFrom}`);
      expect(text).toContain(':configuration-set/');
    }
    expect(allFunctionNames().filter((n) => grantsOf(n).grants.sendMail)).toContain('reminders');
  });

  it('only the workspace may read its secret (the session key and the OIDC client secret)', () => {
    const secretId = logicalId(appStack, appStack.workspaceSecret.secret);
    expect(allFunctionNames().filter((name) => grantsOf(name).grants.workspace)).toEqual(['workspace']);
    for (const name of allFunctionNames()) {
      const reads = statementsOf(name).filter((s) => JSON.stringify(s.Resource).includes(secretId));
      if (name === 'workspace') expect(actionsOf(only(reads))).toEqual(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']);
      else expect(reads, name).toEqual([]);
    }
  });

  it('only the functions that sign links may read the link key', () => {
    const secretId = logicalId(appStack, appStack.linkSecret.secret);
    for (const name of allFunctionNames()) {
      const reads = statementsOf(name).filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes(secretId));
      if (grantsOf(name).grants.linkSecret) expect(JSON.stringify(only(reads).Resource), name).toContain(secretId);
      else expect(reads, name).toEqual([]);
    }
  });

  it('function roles carry no AWS managed policy', () => {
    for (const name of allFunctionNames()) {
      const role = resources(template, 'AWS::IAM::Role')[logicalId(appStack, functionNamed(name).role)]!;
      expect(role.Properties.ManagedPolicyArns, name).toBeUndefined();
    }
  });
});

describe('the HTTP API', () => {
  const routes = () => Object.values(resources(template, 'AWS::ApiGatewayV2::Route'));
  const authorizerId = () => only(Object.keys(resources(template, 'AWS::ApiGatewayV2::Authorizer')));

  it('has exactly the routes of the route table, and $default for every other address', () => {
    expect(routes().map((r) => r.Properties.RouteKey).sort()).toEqual([...ROUTES.flatMap(routeKeysOf), UNMATCHED_ROUTE.routeKey].sort());
  });

  it('sends an address no route has to the function that answers it with "Sidan finns inte" or JSON 404, without a token', () => {
    const unmatched = only(routes().filter((r) => r.Properties.RouteKey === '$default'));
    const integration = resources(template, 'AWS::ApiGatewayV2::Integration')[unmatched.Properties.Target['Fn::Join'][1][1].Ref as string]!;
    expect(integration.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [fnId(UNMATCHED_ROUTE.function), 'Arn'] });
    expect(unmatched.Properties.AuthorizationType).toBe('NONE');
  });

  it('sends each route to the function the route table names', () => {
    const integrations = resources(template, 'AWS::ApiGatewayV2::Integration');
    for (const [key, route] of ROUTES.flatMap((r) => routeKeysOf(r).map((k) => [k, r] as const))) {
      const created = only(routes().filter((r) => r.Properties.RouteKey === key));
      const integrationId = created.Properties.Target['Fn::Join'][1][1].Ref as string;
      const integration = integrations[integrationId]!;
      expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
      expect(integration.Properties.IntegrationUri, routeKey(route)).toEqual({ 'Fn::GetAtt': [fnId(route.function), 'Arn'] });
    }
  });

  it('has a JWT authorizer with the configured issuer and audience', () => {
    const authorizer = resources(template, 'AWS::ApiGatewayV2::Authorizer')[authorizerId()]!;
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(authorizer.Properties.JwtConfiguration).toEqual({ Issuer: TEST_CONFIG.jwtIssuer, Audience: [TEST_CONFIG.jwtAudience] });
  });

  it('puts the authorizer on every protected route and on none of the public ones, the signed pages or the workspace', () => {
    expect(ROUTES.some((r) => r.access === 'public')).toBe(true);
    expect(ROUTES.some((r) => r.access === 'link')).toBe(true);
    expect(ROUTES.some((r) => r.access === 'session')).toBe(true);
    for (const [key, route] of ROUTES.flatMap((r) => routeKeysOf(r).map((k) => [k, r] as const))) {
      const created = only(routes().filter((r) => r.Properties.RouteKey === key));
      if (!needsToken(route)) {
        expect(created.Properties.AuthorizationType, routeKey(route)).toBe('NONE');
        expect(created.Properties.AuthorizerId, routeKey(route)).toBeUndefined();
      } else {
        expect(created.Properties.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(created.Properties.AuthorizerId, routeKey(route)).toEqual({ Ref: authorizerId() });
      }
    }
  });

  it("names each route without a token in its cdk-nag acknowledgement: public by contract (the public page among them), opened by a link, or a workspace page whose credential is the session", () => {
    const reasonOf = (key: string) =>
      appStack.api.routes
        .get(key)!
        .node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
        .filter(([id]) => id.endsWith('AwsSolutions-APIG4'))
        .map(([, reason]) => reason)
        .join();
    expect(ROUTES.some((r) => r.access === 'public' && r.path === '/offentlig/{body}')).toBe(true);
    for (const [key, route] of ROUTES.flatMap((r) => routeKeysOf(r).map((k) => [k, r] as const))) {
      if (route.access === 'public') expect(reasonOf(key), key).toMatch(new RegExp(`^${key.replace(/[{}/]/g, '\\$&')} is public by contract`));
      else if (route.access === 'link') expect(reasonOf(key), key).toContain('is opened by a link by contract');
      else if (route.access === 'session') expect(reasonOf(key), key).toContain("access 'session'");
      else expect(reasonOf(key), key).toBe('');
    }
  });

  it('lets each route invoke only its own function (permissions scoped to the route)', () => {
    const permissions = Object.values(resources(template, 'AWS::Lambda::Permission')).filter(
      (p) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(permissions).toHaveLength(ROUTES.flatMap(routeKeysOf).length + 1);
  });

  it('throttles the default stage and writes access logs (route keys, never raw paths) to a log group', () => {
    const stage = only(Object.values(resources(template, 'AWS::ApiGatewayV2::Stage')));
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 50, ThrottlingRateLimit: 25 });
    const groups = resources(template, 'AWS::Logs::LogGroup');
    const groupId = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(groups[groupId]?.Properties.RetentionInDays).toBeGreaterThan(0);
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format.routeKey).toBe('$context.routeKey');
    expect(format.status).toBe('$context.status');
    expect(Object.values(format)).not.toContain('$context.path');
  });
});

describe('the HTTP API on a custom domain', () => {
  it('maps the domain, with the configured ACM certificate, TLS 1.2, to the $default stage', () => {
    const stack = new Stack(new App(), 'ApiOnly', { env: { account: '123456789012', region: 'eu-north-1' } });
    const fn = new LambdaFunction(stack, 'Fn', { runtime: Runtime.NODEJS_24_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => ({})') });
    const certificateArn = 'arn:aws:acm:eu-north-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
    new Api(stack, 'Api', {
      routes: ROUTES,
      functions: new Map(HTTP_FUNCTIONS.map((name) => [name, fn])),
      jwtIssuer: TEST_CONFIG.jwtIssuer,
      jwtAudience: TEST_CONFIG.jwtAudience,
      customDomain: { domainName: 'bevakning.kommun.se', certificateArn },
    });
    const t = Template.fromStack(stack);
    const domain = only(Object.values(resources(t, 'AWS::ApiGatewayV2::DomainName')));
    expect(domain.Properties.DomainName).toBe('bevakning.kommun.se');
    expect(domain.Properties.DomainNameConfigurations).toEqual([
      { CertificateArn: certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
    ]);
    const mapping = only(Object.values(resources(t, 'AWS::ApiGatewayV2::ApiMapping')));
    expect(mapping.Properties.Stage).toBe('$default');
    expect(mapping.Properties.DomainName).toEqual({ Ref: only(Object.keys(resources(t, 'AWS::ApiGatewayV2::DomainName'))) });
  });
});

describe('the scheduled jobs', () => {
  const scheduleOf = (name: string) =>
    only(
      Object.values(resources(template, 'AWS::Scheduler::Schedule')).filter(
        (s) => JSON.stringify(s.Properties.Target.Arn) === JSON.stringify({ 'Fn::GetAtt': [fnId(name), 'Arn'] }),
      ),
    );
  const queues = () => resources(template, 'AWS::SQS::Queue');

  it('includes the job table of shared/platform/jobs.ts, which the local scheduler runs too', () => {
    expect(JOBS.map((j) => j.name)).toContain('reminders');
    expect(Object.keys(resources(template, 'AWS::Scheduler::Schedule'))).toHaveLength(JOBS.length);
  });

  it.each(JOBS.map((j) => [j.name, j] as const))('%s runs at 07:00 Europe/Stockholm, Monday to Friday', (name, job) => {
    const schedule = scheduleOf(name);
    expect(schedulerCron(job.schedule)).toEqual({ minute: '0', hour: '7', weekDay: 'MON-FRI' });
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 7 ? * MON-FRI *)');
    expect(schedule.Properties.ScheduleExpressionTimezone).toBe(TIME_ZONE);
    expect(TIME_ZONE).toBe('Europe/Stockholm');
    expect(schedule.Properties.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
    expect(schedule.Properties.State).toBe('ENABLED');
  });

  it.each(JOBS.map((j) => [j.name] as const))('%s has an explicit retry policy and an encrypted, TLS-only dead-letter queue', (name) => {
    const target = scheduleOf(name).Properties.Target;
    expect(target.RetryPolicy).toEqual({
      MaximumRetryAttempts: JOB_RETRY.retryAttempts,
      MaximumEventAgeInSeconds: JOB_RETRY.maxEventAge.toSeconds(),
    });
    const queueId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    expect(queues()[queueId]?.Properties.SqsManagedSseEnabled).toBe(true);
    expect(queues()[queueId]?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    const policies = Object.values(resources(template, 'AWS::SQS::QueuePolicy')).filter((p) =>
      JSON.stringify(p.Properties.Queues).includes(queueId),
    );
    const denyInsecure = (only(policies).Properties.PolicyDocument.Statement as Statement[]).find(
      (s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
    );
    expect(denyInsecure).toBeDefined();
    // A run that started and still failed after Lambda's retries lands in the same queue.
    const invokeConfig = only(
      Object.values(resources(template, 'AWS::Lambda::EventInvokeConfig')).filter((c) => c.Properties.FunctionName.Ref === fnId(name)),
    );
    expect(invokeConfig.Properties.MaximumRetryAttempts).toBe(2);
    expect(invokeConfig.Properties.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
  });

  it('the scheduler may invoke the job function itself and send to its queue, nothing more', () => {
    const roleId = scheduleOf('reminders').Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
    const policy = only(
      Object.values(resources(template, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId)),
    );
    const statements = policy.Properties.PolicyDocument.Statement as Statement[];
    expect(statements.flatMap(actionsOf).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = statements.find((s) => actionsOf(s).includes('lambda:InvokeFunction'))!;
    expect(invoke.Resource).toEqual({ 'Fn::GetAtt': [fnId('reminders'), 'Arn'] });
  });

  it('reads day names in the cron field as CloudWatch weekdays, and refuses numbers (EventBridge counts 1 = Sunday)', () => {
    expect(cloudWatchWeekdays('MON-FRI')).toEqual([1, 2, 3, 4, 5]);
    expect(cloudWatchWeekdays('MON,WED,FRI')).toEqual([1, 3, 5]);
    expect(cloudWatchWeekdays('*')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(() => cloudWatchWeekdays('2-6')).toThrow(/day names/);
  });
});

describe('mail', () => {
  it('verifies the sending domain with Easy DKIM (2048-bit)', () => {
    const identity = only(Object.values(resources(template, 'AWS::SES::EmailIdentity')));
    expect(identity.Properties.EmailIdentity).toBe(TEST_CONFIG.sendingDomain);
    expect(identity.Properties.DkimAttributes).toEqual({ SigningEnabled: true });
    expect(identity.Properties.DkimSigningAttributes).toEqual({ NextSigningKeyLength: 'RSA_2048_BIT' });
    expect(identity.Properties.ConfigurationSetAttributes).toEqual({
      ConfigurationSetName: { Ref: logicalId(appStack, appStack.mail.configurationSet) },
    });
  });

  it('sends through a configuration set that requires TLS and uses the suppression list', () => {
    const set = only(Object.values(resources(template, 'AWS::SES::ConfigurationSet')));
    expect(set.Properties.DeliveryOptions).toEqual({ TlsPolicy: 'REQUIRE' });
    expect(set.Properties.ReputationOptions).toEqual({ ReputationMetricsEnabled: true });
    expect(set.Properties.SuppressionOptions).toEqual({ SuppressedReasons: ['BOUNCE', 'COMPLAINT'] });
  });

  it('delivers bounces and complaints through an encrypted SNS topic to functions/ses-events, with a dead-letter queue', () => {
    const topicId = logicalId(appStack, appStack.mail.eventsTopic);
    const destination = only(Object.values(resources(template, 'AWS::SES::ConfigurationSetEventDestination')));
    expect(destination.Properties.EventDestination.MatchingEventTypes).toEqual(['bounce', 'complaint']);
    expect(destination.Properties.EventDestination.SnsDestination).toEqual({ TopicARN: { Ref: topicId } });
    expect(resources(template, 'AWS::SNS::Topic')[topicId]?.Properties.KmsMasterKeyId).toBeDefined();

    const subscription = only(
      Object.values(resources(template, 'AWS::SNS::Subscription')).filter((s) => s.Properties.TopicArn.Ref === topicId),
    );
    expect(subscription.Properties.Protocol).toBe('lambda');
    expect(subscription.Properties.Endpoint).toEqual({ 'Fn::GetAtt': [fnId('ses-events'), 'Arn'] });
    const dlqId = subscription.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0] as string;
    expect(resources(template, 'AWS::SQS::Queue')[dlqId]?.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('lets SES publish to the encrypted topic: key policy for ses.amazonaws.com, this account only', () => {
    const topic = resources(template, 'AWS::SNS::Topic')[logicalId(appStack, appStack.mail.eventsTopic)]!;
    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
    const key = resources(template, 'AWS::KMS::Key')[keyId]!;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const forSes = (key.Properties.KeyPolicy.Statement as (Statement & { Principal: Json })[]).find(
      (s) => s.Principal.Service === 'ses.amazonaws.com',
    );
    expect(forSes?.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
  });
});

describe('the signed-link key', () => {
  it('is generated in Secrets Manager with a key id, so it can be rotated without breaking links', () => {
    const secret = resources(template, 'AWS::SecretsManager::Secret')[logicalId(appStack, appStack.linkSecret.secret)]!;
    expect(Object.keys(resources(template, 'AWS::SecretsManager::Secret'))).toHaveLength(2);
    expect(secret.Properties.GenerateSecretString).toEqual({
      SecretStringTemplate: '{"current":"k1"}',
      GenerateStringKey: 'k1',
      PasswordLength: 64,
      ExcludePunctuation: true,
    });
    expect(secret.Properties.SecretString).toBeUndefined();
  });
});

describe("the workspace's secret", () => {
  it('is generated in Secrets Manager: a 64-character session key, and a placeholder for the client secret an admin puts in', () => {
    const secret = resources(template, 'AWS::SecretsManager::Secret')[logicalId(appStack, appStack.workspaceSecret.secret)]!;
    expect(secret.Properties.GenerateSecretString).toEqual({
      SecretStringTemplate: JSON.stringify({ clientSecret: CLIENT_SECRET_PLACEHOLDER }),
      GenerateStringKey: 'sessionKey',
      PasswordLength: 64,
      ExcludePunctuation: true,
    });
    expect(secret.Properties.SecretString).toBeUndefined();
  });

  it('names the workspace pages as public by contract, their credential the session cookie', () => {
    const acknowledged = (key: string) => JSON.stringify(appStack.api.routes.get(key)!.node.metadata);
    for (const route of ROUTES.filter((r) => r.access === 'session')) {
      for (const key of routeKeysOf(route)) expect(acknowledged(key), key).toContain('whose credential is the sealed session cookie');
    }
  });
});

describe('alarms', () => {
  const alarms = () => Object.values(resources(template, 'AWS::CloudWatch::Alarm'));
  const topicId = () => logicalId(appStack, appStack.monitoring.topic);
  const alarmsOn = (metricName: string, dimension: unknown) =>
    alarms().filter(
      (a) => a.Properties.MetricName === metricName && JSON.stringify(a.Properties.Dimensions ?? []).includes(JSON.stringify(dimension)),
    );

  it('all go to the alarm topic, which emails the configured address', () => {
    expect(alarms().length).toBeGreaterThan(0);
    for (const alarm of alarms()) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId() }]);
    const subscription = only(
      Object.values(resources(template, 'AWS::SNS::Subscription')).filter((s) => s.Properties.TopicArn.Ref === topicId()),
    );
    expect(subscription.Properties).toMatchObject({ Protocol: 'email', Endpoint: TEST_CONFIG.alarmEmail });
  });

  it('watch every function for errors and throttles', () => {
    for (const name of allFunctionNames()) {
      for (const metric of ['Errors', 'Throttles']) {
        const alarm = only(alarmsOn(metric, { Name: 'FunctionName', Value: { Ref: fnId(name) } }));
        expect(alarm.Properties, `${name} ${metric}`).toMatchObject({
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Statistic: 'Sum',
        });
      }
    }
  });

  it('watch every dead-letter queue for any message', () => {
    const queueIds = Object.keys(resources(template, 'AWS::SQS::Queue'));
    expect(queueIds).toHaveLength(JOBS.length + 1);
    for (const id of queueIds) {
      const alarm = only(alarmsOn('ApproximateNumberOfMessagesVisible', { Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }));
      expect(alarm.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  it('watch the SES bounce rate before it reaches the 5 % review level, and the complaint rate', () => {
    const bounce = only(alarms().filter((a) => a.Properties.MetricName === 'Reputation.BounceRate'));
    expect(bounce.Properties).toMatchObject({
      Namespace: 'AWS/SES',
      Threshold: SES_BOUNCE_RATE_THRESHOLD,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(SES_BOUNCE_RATE_THRESHOLD).toBeLessThan(0.05);
    const complaint = only(alarms().filter((a) => a.Properties.MetricName === 'Reputation.ComplaintRate'));
    expect(complaint.Properties.Threshold).toBe(SES_COMPLAINT_RATE_THRESHOLD);
    expect(SES_COMPLAINT_RATE_THRESHOLD).toBeLessThan(0.001);
  });

  it('watch the API for server errors', () => {
    const alarm = only(alarms().filter((a) => a.Properties.MetricName === '5xx'));
    expect(alarm.Properties.Namespace).toBe('AWS/ApiGateway');
  });

  it.each(JOBS.map((j) => [j.name] as const))('tell when %s was not started on a working day (complete UTC days, weekends excused)', (name) => {
    const alarm = only(
      alarms().filter((a) =>
        (a.Properties.Metrics as Json[] | undefined)?.some(
          (m) => m.MetricStat?.Metric?.MetricName === 'Invocations' && m.MetricStat.Metric.Dimensions[0].Value.Ref === fnId(name),
        ),
      ),
    );
    expect(alarm.Properties).toMatchObject({
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
      EvaluationWindow: { WallClockWindow: { Timezone: 'UTC' } },
    });
    const [expression, invocations] = alarm.Properties.Metrics as Json[];
    expect(expression!.Expression).toBe('IF((DAY(FILL(invocations, 0)) >= 1 AND DAY(FILL(invocations, 0)) <= 5), FILL(invocations, 0), 1)');
    expect(invocations!.MetricStat).toMatchObject({ Period: 86400, Stat: 'Sum' });
  });
});

describe('cdk-nag AwsSolutions', () => {
  const report = () => new AwsSolutionsChecks().validateScope(app);
  const describeViolations = (violations: ReturnType<typeof report>['violations']) =>
    violations.map((v) => `${v.ruleName} (${v.severity}): ${v.description}\n  ${v.violatingResources.map((r) => r.constructPath).join('\n  ')}`).join('\n');

  it('finds no unacknowledged error', () => {
    const errors = report().violations.filter((v) => v.severity === 'error');
    expect(errors, describeViolations(errors)).toEqual([]);
  });

  it('finds no unacknowledged warning either (the CDK fails `npm run synth` on any finding)', () => {
    const warnings = report().violations.filter((v) => v.severity !== 'error');
    expect(warnings, describeViolations(warnings)).toEqual([]);
  });

  it('every acknowledgement sits on the one resource it concerns and gives a real reason', () => {
    const acknowledgements = app.node.findAll().flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ construct, id, reason }))),
    );
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { construct, id, reason } of acknowledgements) {
      const where = `${id} on ${construct.node.path}`;
      expect(Stack.isStack(construct) || Stage.isStage(construct), `${where} is stack- or app-wide`).toBe(false);
      // On a resource's own construct (its default child is the flagged CloudFormation resource).
      expect(CfnResource.isCfnResource(construct.node.defaultChild ?? construct), `${where} is not on one resource`).toBe(true);
      expect(reason.length, `${where}: reason too short`).toBeGreaterThan(60);
    }
  });
});
