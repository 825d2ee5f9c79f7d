import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { apiHandler, json } from '../../shared/http/api';
import { logger } from '../../shared/platform/logger';
import { dependencies, type Dependencies } from '../dependencies';
import openapi from '../../openapi.json';

export function createHandler(deps: () => Dependencies = dependencies) {
  return apiHandler(
    {
      'GET /health': async () => {
        const { documentClient, config } = deps();
        try {
          // A read of a key that never exists: proves the table answers, costs half a read unit.
          await documentClient.send(new GetCommand({ TableName: config.TABLE_NAME, Key: { PK: 'HEALTH', SK: 'HEALTH' } }));
          return json(200, { status: 'ok' });
        } catch (error) {
          logger.error('health check failed', error as Error);
          return json(503, { code: 'unavailable', message: 'Tabellen svarar inte.', issues: [] });
        }
      },
      'GET /openapi.json': async () => json(200, openapi, { 'cache-control': 'public, max-age=300' }),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
