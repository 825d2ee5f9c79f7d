import { App } from 'aws-cdk-lib';
import { buildApp } from './build';
import { ConfigError, loadConfig, type DeployConfig } from './config';

/**
 * The CDK app (cdk.json: `npx tsx infra/app.ts`). Configuration comes from the environment or the
 * context (README, "Deploy to AWS"); a missing or malformed value stops here with a message naming it.
 */
const app = new App();

let config: DeployConfig;
try {
  config = loadConfig({ context: (key) => app.node.tryGetContext(key), env: process.env });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

buildApp(app, config);
app.synth();
