import { BatchGetCommand, PutCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Suppressions } from '../../application/delivery/ports';

const suppressionKey = (address: string) => ({ PK: `SUPPRESSED#${address}`, SK: 'SUPPRESSED' });
/** Keys in one BatchGetItem, DynamoDB's limit. */
const BATCH = 100;

export function createDynamoSuppressions(client: DynamoDBDocumentClient, tableName: string): Suppressions {
  return {
    async suppress(address, reason, at) {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...suppressionKey(address), email: address, reason, at } }));
    },

    async suppressed(addresses) {
      const found = new Set<string>();
      for (let i = 0; i < addresses.length; i += BATCH) {
        let keys: Record<string, unknown>[] | undefined = addresses.slice(i, i + BATCH).map(suppressionKey);
        while (keys && keys.length) {
          const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
          for (const record of result.Responses?.[tableName] ?? []) found.add(String(record.PK).slice('SUPPRESSED#'.length));
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return found;
    },
  };
}
