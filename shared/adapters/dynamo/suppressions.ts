import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Suppressions } from '../../application/delivery/ports';
import { batchGet } from './batch-get';
import { PK, suppressedAddressOf, suppressionKey } from './keys';

export function createDynamoSuppressions(client: DynamoDBDocumentClient, tableName: string): Suppressions {
  return {
    async suppress(address, reason, at) {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...suppressionKey(address), email: address, reason, at } }));
    },

    async suppressed(addresses) {
      const records = await batchGet(client, tableName, addresses.map(suppressionKey));
      return new Set([...records.values()].map((record) => suppressedAddressOf(String(record[PK]))));
    },
  };
}
