import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FreshLinkLimiter } from '../../application/links/fresh-link';
import { linkRequestKey } from './keys';

/** Counters live two days, then the TTL clears them. */
const TTL_SECONDS = 2 * 24 * 60 * 60;

/** Counts fresh-link emails per address and Stockholm day with one conditional update. */
export function createDynamoFreshLinkLimiter(client: DynamoDBDocumentClient, tableName: string): FreshLinkLimiter {
  return {
    async take(email, day, max, now) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: linkRequestKey(email, day),
            UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires)',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':one': 1, ':max': max, ':expires': Math.floor(now.getTime() / 1000) + TTL_SECONDS },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
