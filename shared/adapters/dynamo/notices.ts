import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Notices } from '../../application/delivery/ports';
import { NOTICE_PARTITION, noticeKey, PK, SK } from './keys';
import { queryAll } from './query-all';

export function createDynamoNotices(client: DynamoDBDocumentClient, tableName: string): Notices {
  return {
    async addNotice(recipient, text, at, about) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          // `registrar` holds the recipient, whoever it is: the attribute's name is older than officials' notices.
          Item: { ...noticeKey(recipient, at, randomUUID()), registrar: recipient, text, at, ...about },
        }),
      );
    },

    async pendingNotices() {
      const records = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: `${PK} = :pk`,
        ExpressionAttributeValues: { ':pk': NOTICE_PARTITION },
        ConsistentRead: true,
      });
      return records.map((r) => ({
        id: String(r[SK]),
        recipient: String(r.registrar),
        text: String(r.text),
        ...(typeof r.itemId === 'string' ? { itemId: r.itemId } : {}),
        ...officialOf(r.official),
      }));
    },

    async clearNotices(notices) {
      for (const notice of notices) {
        await client.send(new DeleteCommand({ TableName: tableName, Key: { [PK]: NOTICE_PARTITION, [SK]: notice.id } }));
      }
    },
  };
}

/** The official a stored notice answers, when it names one by name. */
function officialOf(stored: unknown): { official?: { name: string } } {
  const name = typeof stored === 'object' && stored !== null ? (stored as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? { official: { name } } : {};
}
