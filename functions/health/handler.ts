import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { json } from '../../shared/http/problems';
import { createRouter } from '../../shared/http/router';
import { HEALTH_ROUTES } from '../../shared/http/routes/health';
import { logger } from '../../shared/platform/logger';
import { HEALTH_PROBE_KEY } from '../../shared/adapters/dynamo/keys';
import { healthDependencies, type HealthDependencies } from './dependencies';

export function createHandler(deps: () => HealthDependencies = healthDependencies) {
  return createRouter(
    HEALTH_ROUTES,
    {
      'GET /health': async () => {
        const { documentClient, config } = deps();
        try {
          // A read of a key that never exists: proves the table answers, costs half a read unit.
          await documentClient.send(new GetCommand({ TableName: config.TABLE_NAME, Key: HEALTH_PROBE_KEY }));
          return json(200, { status: 'ok' });
        } catch (error) {
          logger.error('health check failed', error as Error);
          return json(503, { code: 'unavailable', message: 'Tabellen svarar inte.', issues: [] });
        }
      },
      // The contract (about 90 kB) is loaded when asked for, not with every cold start of /health.
      'GET /openapi.json': async () => json(200, (await import('../../openapi.json')).default, { 'cache-control': 'public, max-age=300' }),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
