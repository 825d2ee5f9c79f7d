import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PublicBodies, PublicBodySetting } from '../../application/reports/public-bodies';

/** The published bodies: one small partition, a record a body (docs/data-model.md). */
const PUBLIC_BODIES = 'PUBLIC_BODIES';

export function createDynamoPublicBodies(client: DynamoDBDocumentClient, tableName: string): PublicBodies {
  return {
    async get(body) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: { PK: PUBLIC_BODIES, SK: body }, ConsistentRead: true }));
      if (!result.Item) return undefined;
      const { public: open, showNames, updatedBy, updatedAt } = result.Item;
      return { body, public: open === true, showNames: showNames === true, updatedBy: String(updatedBy), updatedAt: String(updatedAt) };
    },
    async put(setting: PublicBodySetting) {
      const { body, ...rest } = setting;
      await client.send(new PutCommand({ TableName: tableName, Item: { PK: PUBLIC_BODIES, SK: body, ...rest } }));
    },
  };
}
