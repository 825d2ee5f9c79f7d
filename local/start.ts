/**
 * `npm start`: the real product on this machine, no AWS account. Ctrl-C stops all of it.
 */
import * as z from 'zod';
import { MissingJavaError } from './dynamo';
import { PortInUseError, startLocalStack } from './stack';
import { DEFAULT_LOCAL_JWT_SECRET } from './tokens';

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).default(8000),
    SES_PORT: z.coerce.number().int().min(1).max(65535).default(8005),
    DATA_DIR: z.string().min(1).default('.data'),
    LOCAL_JWT_SECRET: z.string().min(32, 'LOCAL_JWT_SECRET must be at least 32 characters').default(DEFAULT_LOCAL_JWT_SECRET),
    MAIL_FROM: z.email().default('bevakning@kommun.example.se'),
    PUBLIC_BASE_URL: z.url().optional(),
  })
  .safeParse(process.env);

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
      ...(config.PUBLIC_BASE_URL ? { PUBLIC_BASE_URL: config.PUBLIC_BASE_URL } : {}),
    },
  });
  console.log(`
Bevakning runs locally.
  Workspace       ${stack.apiUrl}/   (open it in a browser; the local sign-in lets anyone in as any role)
  HTTP API        ${stack.apiUrl}   (try: curl ${stack.apiUrl}/health)
  OpenAPI         ${stack.apiUrl}/openapi.json
  Email inbox     ${stack.sesEndpoint}/   (sent mail as JSON: ${stack.sesEndpoint}/store)
  DynamoDB Local  ${stack.dynamoEndpoint}   (data in ${config.DATA_DIR}/)
  A dev token     npm run token -- registrar --email clerk@example.se
  Schedules       reminders, and the weekly overview (digest), weekdays at 07:00 Europe/Stockholm (run one now: npm run job -- reminders|digest --at <ISO instant>)
Ctrl-C stops everything.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
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
