import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Feed } from '../../application/feeds/model';
import type { FeedStore } from '../../application/feeds/ports';
import { feedIdKey as byIdKey, feedKey as byHashKey, PK } from './keys';

const feedOf = (record: Record<string, unknown>): Feed => ({
  id: String(record.id),
  email: String(record.email),
  createdBy: String(record.createdBy),
  createdAt: String(record.createdAt),
});

/** The two records of a feed, written and deleted together in one transaction. */
export function createDynamoFeedStore(client: DynamoDBDocumentClient, tableName: string): FeedStore {
  return {
    async create(feed, tokenHash) {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...byHashKey(tokenHash), ...feed }, ConditionExpression: `attribute_not_exists(${PK})` } },
            { Put: { TableName: tableName, Item: { ...byIdKey(feed.id), ...feed, tokenHash }, ConditionExpression: `attribute_not_exists(${PK})` } },
          ],
        }),
      );
    },

    async byTokenHash(tokenHash) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: byHashKey(tokenHash), ConsistentRead: true }));
      return result.Item ? feedOf(result.Item) : undefined;
    },

    async byId(id) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: byIdKey(id), ConsistentRead: true }));
      return result.Item ? { ...feedOf(result.Item), tokenHash: String(result.Item.tokenHash) } : undefined;
    },

    async remove(id, tokenHash) {
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: { TableName: tableName, Key: byIdKey(id), ConditionExpression: `attribute_exists(${PK})` } },
              // The id record decides whether the feed still exists; the token's goes with it whatever its state.
              { Delete: { TableName: tableName, Key: byHashKey(tokenHash) } },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')) return false;
        throw error;
      }
    },
  };
}
