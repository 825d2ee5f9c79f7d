import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Unit, UnitDirectory } from '../../application/units/directory';
import { queryAll } from './query-all';

/** The unit directory is one small partition (a municipality has tens of units): read whole for the weekly overview. */
const UNITS = 'UNITS';

const unitOf = (record: Record<string, unknown>): Unit => ({
  unit: String(record.SK),
  manager: record.manager as Unit['manager'],
  updatedBy: String(record.updatedBy),
  updatedAt: String(record.updatedAt),
});

export function createDynamoUnitDirectory(client: DynamoDBDocumentClient, tableName: string): UnitDirectory {
  return {
    async get(unit) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: { PK: UNITS, SK: unit } }));
      return result.Item ? unitOf(result.Item) : undefined;
    },
    async put(unit) {
      await client.send(new PutCommand({ TableName: tableName, Item: { PK: UNITS, SK: unit.unit, manager: unit.manager, updatedBy: unit.updatedBy, updatedAt: unit.updatedAt } }));
    },
    async all() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': UNITS } });
      return records.map(unitOf);
    },
  };
}
