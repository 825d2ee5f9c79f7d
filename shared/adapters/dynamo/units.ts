import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Unit, UnitDirectory } from '../../application/units/directory';
import { newRevision, PK, SK, UNITS_PARTITION, unitKey } from './keys';
import { queryAll } from './query-all';

/** A unit directory record as the directory's entry. */
export const unitOf = (record: Record<string, unknown>): Unit => ({
  unit: String(record[SK]),
  manager: record.manager as Unit['manager'],
  updatedBy: String(record.updatedBy),
  updatedAt: String(record.updatedAt),
});

export function createDynamoUnitDirectory(client: DynamoDBDocumentClient, tableName: string): UnitDirectory {
  return {
    async get(unit) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: unitKey(unit) }));
      return result.Item ? unitOf(result.Item) : undefined;
    },
    async put(unit) {
      // A new revision with every write: a registration's cached copy of the unit is proved current by it (items.ts).
      await client.send(new PutCommand({ TableName: tableName, Item: { ...unitKey(unit.unit), manager: unit.manager, updatedBy: unit.updatedBy, updatedAt: unit.updatedAt, ...newRevision() } }));
    },
    async all() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: `${PK} = :pk`, ExpressionAttributeValues: { ':pk': UNITS_PARTITION } });
      return records.map(unitOf);
    },
  };
}
