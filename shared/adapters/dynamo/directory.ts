import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PK, ROLES_PARTITION, roleKey, SK } from './keys';
import { queryAll } from './query-all';
import type { RoleDirectory, RoleHolder } from '../../application/directory/roles';

const holderOf = (record: Record<string, unknown>): RoleHolder => ({
  role: String(record[SK]),
  name: String(record.name),
  email: String(record.email),
  unit: String(record.unit),
});

export function createDynamoRoleDirectory(client: DynamoDBDocumentClient, tableName: string): RoleDirectory {
  return {
    async all() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: `${PK} = :pk`, ExpressionAttributeValues: { ':pk': ROLES_PARTITION } });
      return records.map(holderOf);
    },
    async get(role) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: roleKey(role) }));
      return result.Item ? holderOf(result.Item) : undefined;
    },
    async put(holder, by, at) {
      await client.send(
        new PutCommand({ TableName: tableName, Item: { ...roleKey(holder.role), name: holder.name, email: holder.email, unit: holder.unit, updatedBy: by, updatedAt: at } }),
      );
    },
  };
}
