import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PK, SK, type TableKey } from './keys';

/** Keys in one BatchGetItem, DynamoDB's limit. */
const BATCH = 100;

/** A record's place in the answer of `batchGet`. */
export const keyString = (key: TableKey) => `${key[PK]}\u0000${key[SK]}`;
/** The key a `keyString` names. */
export function keyOfString(record: string): TableKey {
  const at = record.indexOf('\u0000');
  return { [PK]: record.slice(0, at), [SK]: record.slice(at + 1) } as TableKey;
}

/**
 * The records stored under `keys`, by `keyString` (a key stored nowhere is simply absent): one
 * BatchGetItem per 100 distinct keys, and again for the keys DynamoDB left unprocessed (under
 * throttling), until every key is answered. A `projection` must name the key attributes (PK, SK).
 */
export async function batchGet(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly TableKey[],
  options: { consistent?: boolean; projection?: { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> } } = {},
): Promise<Map<string, Record<string, unknown>>> {
  // DynamoDB refuses a batch that names a key twice.
  const distinct = [...new Map(keys.map((key) => [keyString(key), key])).values()];
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < distinct.length; i += BATCH) {
    let pending: Record<string, unknown>[] | undefined = distinct.slice(i, i + BATCH);
    while (pending?.length) {
      const result: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}), ...options.projection } } }),
      );
      for (const record of result.Responses?.[tableName] ?? []) found.set(keyString(record as TableKey), record);
      pending = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}
