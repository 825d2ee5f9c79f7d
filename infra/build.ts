import { Tags, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStack } from './app-stack';
import type { DeployConfig } from './config';
import { DataStack } from './data-stack';

export const DATA_STACK_NAME = 'Bevakning-Data';
export const APP_STACK_NAME = 'Bevakning-App';

export interface BuildOptions {
  /** Run the cdk-nag AwsSolutions checks at synthesis (default true; tests run them directly). */
  nag?: boolean;
}

/** The two stacks of a deployment: the data (stateful) and the app (stateless) on top of it. */
export function buildApp(app: App, config: DeployConfig, options: BuildOptions = {}): { data: DataStack; app: AppStack } {
  const env = { account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: config.region };

  const data = new DataStack(app, DATA_STACK_NAME, {
    env,
    description: 'Bevakning: the table (stateful; retained, deletion-protected)',
    terminationProtection: true,
  });
  const appStack = new AppStack(app, APP_STACK_NAME, {
    env,
    description: 'Bevakning: API, functions, schedules, mail and alarms (stateless)',
    table: data.table,
    config,
  });

  Tags.of(app).add('application', 'bevakning');
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, app: appStack };
}
