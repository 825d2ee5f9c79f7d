import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReadMeter } from '../shared/adapters/dynamo/reminders';
import { stripKeys } from '../shared/adapters/dynamo/keys';
import type { StoredItem } from '../shared/domain/items/item';
import type { ReminderStore } from '../shared/application/reminders/ports';

/**
 * Items read, counted on the SDK client: ScannedCount of every Query and Scan, plus the items
 * GetItem and BatchGetItem return. A cross-check of the reminder adapter's own ReadMeter, which
 * sees only the reminder store: the difference is what the job reads elsewhere (the closed days).
 */
export function meterClient(client: DynamoDBDocumentClient): ReadMeter {
  const meter: ReadMeter = { items: 0 };
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
 * The naive baseline: the real reminder store, except that the items due are found by a Scan
 * of the whole table filtered in memory, metered the same way (ScannedCount of every page).
 */
export function naiveReminderStore(client: DynamoDBDocumentClient, tableName: string, meter: ReadMeter, real: ReminderStore): ReminderStore {
  return {
    ...real,
    async dueForReminder(today) {
      const due: StoredItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: tableName, Limit: SCAN_PAGE_ITEMS, ExclusiveStartKey: start }));
        meter.items += page.ScannedCount ?? 0;
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
