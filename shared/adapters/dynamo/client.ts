import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../../config';
import { serviceUnavailable } from '../../errors';

/**
 * Attempts per DynamoDB call, retries included. The SDK's standard strategy retries throttling
 * and server faults with full-jitter exponential backoff (a 500 ms base for throttling): four
 * retries wait at most about 7.5 s in all, well inside the API's 29 s.
 */
export const DYNAMODB_MAX_ATTEMPTS = 5;

/** DynamoDB's answers that mean "not now": throttled, or a server fault, after every retry. */
const UNAVAILABLE = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

/** One document client per process; locally it points at DynamoDB Local with dummy credentials. */
export function createDocumentClient(config: Pick<Config, 'STAGE' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    maxAttempts: DYNAMODB_MAX_ATTEMPTS,
    retryMode: 'standard',
    ...(config.DYNAMODB_ENDPOINT
      ? { endpoint: config.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  // Outside the retries: what is still throttled after them is a 503 with Retry-After, not a 500.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (UNAVAILABLE.has((error as { name?: string }).name ?? '')) throw Object.assign(serviceUnavailable(), { cause: error });
        throw error;
      }
    },
    { step: 'initialize', name: 'unavailableAfterRetries', override: true },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
