import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TABLE } from '../../platform/table';
import type { StoredItem } from '../../domain/items/item';
import type { ReminderStore, Recipient } from '../../application/reminders/ports';
import { randomUUID } from 'node:crypto';
import { queryAll } from './query-all';
import { isStorableId, itemKey, REMINDER_PARTITION, responsiblePartition, stripKeys } from './keys';

/** Pending notices for people's next emails: a handful at a time, read in one Query by the daily job. */
const NOTICE_PARTITION = 'NOTICE';

const claimKey = (day: string, recipient: Recipient) => ({ PK: `SENT#${day}`, SK: `${recipient.role}#${recipient.email}` });
export const suppressionKey = (email: string) => ({ PK: `SUPPRESSED#${email}`, SK: 'SUPPRESSED' });
/** Claims are kept 90 days: long enough to answer "was this sent?", then the TTL clears them. */
const CLAIM_TTL_SECONDS = 90 * 24 * 60 * 60;

/** Counts what the job reads, for the benchmark: ScannedCount of every Query plus items from GetItem/BatchGetItem. */
export interface ReadMeter {
  items: number;
}

export function createDynamoReminderStore(client: DynamoDBDocumentClient, tableName: string, meter?: ReadMeter): ReminderStore {
  const count = (n: number | undefined) => {
    if (meter) meter.items += n ?? 0;
  };
  return {
    async dueForReminder(today) {
      const records = await queryAll(
        client,
        {
          TableName: tableName,
          IndexName: TABLE.indexes.byNextReminder.indexName,
          KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :to',
          ExpressionAttributeValues: { ':pk': REMINDER_PARTITION, ':to': `${today}#\uffff` },
        },
        count,
      );
      return records.map((r) => stripKeys<StoredItem>(r));
    },

    async remindingBetween(from, to) {
      const records = await queryAll(
        client,
        {
          TableName: tableName,
          IndexName: TABLE.indexes.byNextReminder.indexName,
          KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': REMINDER_PARTITION, ':from': from, ':to': `${to}#\uffff` },
        },
        count,
      );
      return records.map((r) => stripKeys<StoredItem>(r));
    },

    async claim(day, recipient, itemIds, now, staleBefore) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...claimKey(day, recipient), state: 'claimed', claimedAt: now, itemIds, expiresAt: Math.floor(Date.parse(now) / 1000) + CLAIM_TTL_SECONDS },
            ConditionExpression: 'attribute_not_exists(PK) OR (#state = :claimed AND claimedAt < :stale)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':claimed': 'claimed', ':stale': staleBefore },
          }),
        );
        return { state: 'claimed' };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await client.send(new GetCommand({ TableName: tableName, Key: claimKey(day, recipient), ConsistentRead: true }));
        count(existing.Item ? 1 : 0);
        if (existing.Item?.state === 'sent') return { state: 'sent', itemIds: (existing.Item.itemIds as string[]) ?? [] };
        return { state: 'busy' };
      }
    },

    async markSent(day, recipient, messageId, now) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: claimKey(day, recipient),
          UpdateExpression: 'SET #state = :sent, messageId = :id, sentAt = :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId, ':now': now },
        }),
      );
    },

    async sentOn(day) {
      const records = await queryAll(
        client,
        { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `SENT#${day}` } },
        count,
      );
      return records
        .filter((r) => r.state === 'sent')
        .map((r) => {
          const [role, ...email] = String(r.SK).split('#');
          return { role: role as Recipient['role'], email: email.join('#') };
        });
    },

    async release(day, recipient) {
      await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: claimKey(day, recipient),
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      ).catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    },

    async advance(item, day, next) {
      const set = ['lastRemindedOn = :day'];
      const values: Record<string, unknown> = { ':day': day, ':version': item.version };
      let remove = '';
      if (next) {
        set.push('nextReminderDate = :next', 'GSI4PK = :pk', 'GSI4SK = :sk');
        Object.assign(values, { ':next': next, ':pk': REMINDER_PARTITION, ':sk': `${next}#${item.id}` });
      } else remove = ' REMOVE nextReminderDate, GSI4PK, GSI4SK';
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: itemKey(item.id),
            UpdateExpression: `SET ${set.join(', ')}${remove}`,
            // The job does not bump the version: a clerk's ETag stays valid. A change in between
            // (new version) makes the caller re-read and recompute from the fresh item.
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async get(id) {
      if (!isStorableId(id)) return undefined;
      const result = await client.send(new GetCommand({ TableName: tableName, Key: itemKey(id), ConsistentRead: true }));
      count(result.Item ? 1 : 0);
      return result.Item ? stripKeys<StoredItem>(result.Item) : undefined;
    },

    async suppress(email, reason, at) {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...suppressionKey(email), email, reason, at } }));
    },

    async addNotice(recipient, text, at, itemId) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { PK: NOTICE_PARTITION, SK: `${recipient}#${at}#${randomUUID()}`, registrar: recipient, text, at, ...(itemId ? { itemId } : {}) },
        }),
      );
    },

    async pendingNotices() {
      const records = await queryAll(
        client,
        { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': NOTICE_PARTITION }, ConsistentRead: true },
        count,
      );
      return records.map((r) => ({ id: String(r.SK), recipient: String(r.registrar), text: String(r.text), ...(typeof r.itemId === 'string' ? { itemId: r.itemId } : {}) }));
    },

    async clearNotices(notices) {
      for (const notice of notices) {
        await client.send(new DeleteCommand({ TableName: tableName, Key: { PK: NOTICE_PARTITION, SK: notice.id } }));
      }
    },

    async openItemsOf(email) {
      const records = await queryAll(
        client,
        {
          TableName: tableName,
          IndexName: TABLE.indexes.byResponsible.indexName,
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': responsiblePartition(email, 'open') },
        },
        count,
      );
      return records.map((r) => stripKeys<StoredItem>(r));
    },

    async suppressed(emails) {
      const found = new Set<string>();
      for (let i = 0; i < emails.length; i += 100) {
        let keys: Record<string, unknown>[] | undefined = emails.slice(i, i + 100).map(suppressionKey);
        while (keys && keys.length) {
          const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
          const records = result.Responses?.[tableName] ?? [];
          count(records.length);
          for (const record of records) found.add(String(record.PK).slice('SUPPRESSED#'.length));
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return found;
    },
  };
}
