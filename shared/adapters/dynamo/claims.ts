import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Claims, Recipient } from '../../application/delivery/ports';
import { claimKey as claimKeyOf, claimPartition, claimRecipientOf, PK, SK } from './keys';
import { queryAll } from './query-all';

const claimKey = (key: string, recipient: Recipient) => claimKeyOf(key, recipient.role, recipient.email);
/** Claims are kept 90 days: long enough to answer "was this sent?", then the TTL clears them. */
const CLAIM_TTL_SECONDS = 90 * 24 * 60 * 60;

export function createDynamoClaims(client: DynamoDBDocumentClient, tableName: string): Claims {
  return {
    async claim(key, recipient, itemIds, now, staleBefore) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...claimKey(key, recipient), state: 'claimed', claimedAt: now, itemIds, expiresAt: Math.floor(Date.parse(now) / 1000) + CLAIM_TTL_SECONDS },
            ConditionExpression: `attribute_not_exists(${PK}) OR (#state = :claimed AND claimedAt < :stale)`,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':claimed': 'claimed', ':stale': staleBefore },
          }),
        );
        return { state: 'claimed' };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await client.send(new GetCommand({ TableName: tableName, Key: claimKey(key, recipient), ConsistentRead: true }));
        if (existing.Item?.state === 'sent') return { state: 'sent', itemIds: (existing.Item.itemIds as string[]) ?? [] };
        return { state: 'busy' };
      }
    },

    async markSent(key, recipient, messageId, now) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: claimKey(key, recipient),
          UpdateExpression: 'SET #state = :sent, messageId = :id, sentAt = :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId, ':now': now },
        }),
      );
    },

    async release(key, recipient) {
      await client
        .send(
          new DeleteCommand({
            TableName: tableName,
            Key: claimKey(key, recipient),
            ConditionExpression: '#state = :claimed',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':claimed': 'claimed' },
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },

    async sentUnder(key) {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: `${PK} = :pk`, ExpressionAttributeValues: { ':pk': claimPartition(key) } });
      return records
        .filter((r) => r.state === 'sent')
        .map((r) => {
          const { role, email } = claimRecipientOf(String(r[SK]));
          return { role: role as Recipient['role'], email };
        });
    },
  };
}
