import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../../platform/config';
import { unavailable } from '../../domain/errors';

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
  'TimeoutError',
]);

/** Connection faults the SDK retried until it gave up: DynamoDB (or the way to it) is down. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * Whether an error means "DynamoDB cannot take the request now". A 503 then tells the client to
 * send the same request again: a write that timed out may still have been stored, which is why
 * a retry carries the same Idempotency-Key (SECURITY.md, "What a 503 means").
 */
function isUnavailable(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  return UNAVAILABLE.has(name ?? '') || UNREACHABLE.has(code ?? '');
}

const clients = new Map<string, DynamoDBDocumentClient>();

/**
 * One document client per process and endpoint (every adapter of a function shares it, and its
 * connections); locally it points at DynamoDB Local with dummy credentials.
 */
export function createDocumentClient(config: Pick<Config, 'STAGE' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): DynamoDBDocumentClient {
  const key = `${config.AWS_REGION} ${config.DYNAMODB_ENDPOINT ?? ''}`;
  let documentClient = clients.get(key);
  if (!documentClient) clients.set(key, (documentClient = buildDocumentClient(config)));
  return documentClient;
}

function buildDocumentClient(config: Pick<Config, 'STAGE' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    maxAttempts: DYNAMODB_MAX_ATTEMPTS,
    retryMode: 'standard',
    ...(config.DYNAMODB_ENDPOINT
      ? { endpoint: config.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  // The SDK's logger middleware copies every answer through its sensitive-data filter for a logger
  // call, even with its default no-op logger: a statistics read of 50,000 items spent about a
  // fifth of its CPU there (README, "Performance"). Nothing reads the SDK's log; our own logger does.
  client.middlewareStack.remove('loggerMiddleware');
  // Outside the retries: what is still throttled after them is a 503 with Retry-After, not a 500.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isUnavailable(error)) throw unavailable(undefined, 1, error);
        throw error;
      }
    },
    { step: 'initialize', name: 'unavailableAfterRetries', override: true },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
