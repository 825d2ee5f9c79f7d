import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { stripKeys } from '../shared/adapters/dynamo/keys';
import type { StoredItem } from '../shared/domain/items/item';
import type { ItemRepository } from '../shared/application/items/ports';

/** Items read: ScannedCount of every Query and Scan, plus the items GetItem and BatchGetItem return. */
export interface ReadMeter {
  items: number;
}

const meters = new WeakMap<DynamoDBDocumentClient, ReadMeter>();

/**
 * Counts the items read through an SDK client. One meter per client: the composition roots share
 * one client per endpoint (`createDocumentClient`), so every table the bench seeds is read
 * through the same client, and a second meter would replace the first.
 */
export function meterClient(client: DynamoDBDocumentClient): ReadMeter {
  const existing = meters.get(client);
  if (existing) return existing;
  const meter: ReadMeter = { items: 0 };
  meters.set(client, meter);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = result.output as { ScannedCount?: number; Item?: unknown; Responses?: Record<string, unknown[]> };
      switch (context.commandName) {
        case 'QueryCommand':
        case 'ScanCommand':
          meter.items += output.ScannedCount ?? 0;
          break;
        case 'GetItemCommand':
          meter.items += output.Item ? 1 : 0;
          break;
        case 'BatchGetItemCommand':
          for (const records of Object.values(output.Responses ?? {})) meter.items += records.length;
          break;
      }
      return result;
    },
    { step: 'initialize', name: 'benchReadMeter', override: true },
  );
  return meter;
}

/**
 * Items per Scan page. DynamoDB pages at 1 MB; DynamoDB Local, for every page, reads the whole
 * rest of the table before it cuts the page, so unlimited pages make its Scan quadratic (110 s
 * for 100,000 records instead of 20). Smaller pages keep the baseline's time what a Scan costs
 * on DynamoDB: proportional to the table. The items read are the same.
 */
const SCAN_PAGE_ITEMS = 1000;

/**
 * The naive baseline: the real item repository, except that the items due are found by a Scan
 * of the whole table filtered in memory, read through the same (metered) client.
 */
export function naiveItems(client: DynamoDBDocumentClient, tableName: string, real: ItemRepository): ItemRepository {
  return {
    ...real,
    async dueForReminder(today) {
      const due: StoredItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: tableName, Limit: SCAN_PAGE_ITEMS, ExclusiveStartKey: start }));
        for (const record of page.Items ?? []) {
          if (record.SK === 'ITEM' && record.status === 'open' && typeof record.nextReminderDate === 'string' && record.nextReminderDate <= today) {
            due.push(stripKeys<StoredItem>(record));
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return due;
    },
  };
}
