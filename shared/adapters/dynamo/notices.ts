import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Notices } from '../../application/delivery/ports';
import { NOTICE_PARTITION, noticeKey, PK, SK } from './keys';
import { queryAll } from './query-all';

export function createDynamoNotices(client: DynamoDBDocumentClient, tableName: string): Notices {
  return {
    async addNotice(recipient, text, at, itemId) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...noticeKey(recipient, at, randomUUID()), registrar: recipient, text, at, ...(itemId ? { itemId } : {}) },
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
      return records.map((r) => ({ id: String(r[SK]), recipient: String(r.registrar), text: String(r.text), ...(typeof r.itemId === 'string' ? { itemId: r.itemId } : {}) }));
    },

    async clearNotices(notices) {
      for (const notice of notices) {
        await client.send(new DeleteCommand({ TableName: tableName, Key: { [PK]: NOTICE_PARTITION, [SK]: notice.id } }));
      }
    },
  };
}
