/**
 * `npm start`: the real product on this machine, no AWS account. Ctrl-C stops all of it.
 */
import { MissingJavaError } from './dynamo';
import { PortInUseError, startLocalStack } from './stack';
import { forgetRunningStack, localSettings, recordRunningStack, runningStackFile } from './settings';

const env = localSettings.safeParse(process.env);

if (!env.success) {
  console.error(`Configuration error: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(1);
}
const config = env.data;

try {
  const stack = await startLocalStack({
    port: config.PORT,
    dynamoPort: config.DYNAMODB_PORT,
    sesPort: config.SES_PORT,
    dataDir: config.DATA_DIR,
    jwtSecret: config.LOCAL_JWT_SECRET,
    schedules: true,
    env: {
      MAIL_FROM: config.MAIL_FROM,
      LOCAL_JWT_SECRET: config.LOCAL_JWT_SECRET,
      COUNCIL: config.COUNCIL,
      ...(config.PUBLIC_BASE_URL ? { PUBLIC_BASE_URL: config.PUBLIC_BASE_URL } : {}),
    },
  });
  const publicBaseUrl = stack.env.PUBLIC_BASE_URL!;
  // `npm run job` in another terminal reads this, so its emails link to this stack, not to the defaults.
  recordRunningStack(config.DATA_DIR, { publicBaseUrl, dynamoEndpoint: stack.dynamoEndpoint, sesEndpoint: stack.sesEndpoint });
  const sameDataDir = config.DATA_DIR === localSettings.shape.DATA_DIR.parse(undefined) ? '' : `DATA_DIR=${config.DATA_DIR} `;
  console.log(`
Bevakning runs locally.
  Workspace       ${stack.apiUrl}/   (open it in a browser; the local sign-in lets anyone in as any role)
  HTTP API        ${stack.apiUrl}   (try: curl ${stack.apiUrl}/health)
  OpenAPI         ${stack.apiUrl}/openapi.json
  Email inbox     ${stack.sesEndpoint}/   (sent mail as JSON: ${stack.sesEndpoint}/store)
  DynamoDB Local  ${stack.dynamoEndpoint}   (data in ${config.DATA_DIR}/)
  A dev token     npm run token -- registrar --email clerk@example.se
  Schedules       reminders, and the weekly overview (digest), weekdays at 07:00 Europe/Stockholm
  Run a job now   ${sameDataDir}npm run job -- reminders|digest --at <date>   (it finds this stack's ports and links, ${publicBaseUrl}, in ${runningStackFile(config.DATA_DIR)})
Ctrl-C stops everything.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    forgetRunningStack(config.DATA_DIR);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof PortInUseError || error instanceof MissingJavaError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
