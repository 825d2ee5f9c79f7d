import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PublicBodies, PublicBodySetting } from '../../application/reports/public-bodies';
import { PK, PUBLIC_BODIES_PARTITION, publicBodyKey, SK } from './keys';
import { queryAll } from './query-all';

/** A published body's record as its setting. */
const settingOf = (record: Record<string, unknown>): PublicBodySetting => ({
  body: String(record[SK]),
  public: record.public === true,
  showNames: record.showNames === true,
  updatedBy: String(record.updatedBy),
  updatedAt: String(record.updatedAt),
});

/** The published bodies: one small partition, a record a body (docs/data-model.md). */
export function createDynamoPublicBodies(client: DynamoDBDocumentClient, tableName: string): PublicBodies {
  return {
    async get(body) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: publicBodyKey(body), ConsistentRead: true }));
      return result.Item ? settingOf(result.Item) : undefined;
    },
    async put(setting: PublicBodySetting) {
      const { body, ...rest } = setting;
      await client.send(new PutCommand({ TableName: tableName, Item: { ...publicBodyKey(body), ...rest } }));
    },
    async list() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: `${PK} = :pk`, ExpressionAttributeValues: { ':pk': PUBLIC_BODIES_PARTITION }, ConsistentRead: true });
      return records.map(settingOf);
    },
  };
}
