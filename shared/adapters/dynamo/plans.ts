import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import type { PlanStore } from '../../application/plans/ports';
import { CLOSED_DAYS_PARTITION, closedDaysKey, meetingPlanKey, PK } from './keys';

export function createDynamoPlanStore(client: DynamoDBDocumentClient, tableName: string): PlanStore {
  return {
    async meetingPlan(body, year) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: meetingPlanKey(body, year) }));
      if (!result.Item) return undefined;
      return { body, year, leadWorkingDays: Number(result.Item.leadWorkingDays), dates: result.Item.dates as string[] };
    },
    async saveMeetingPlan(plan, by, at) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...meetingPlanKey(plan.body, plan.year), leadWorkingDays: plan.leadWorkingDays, dates: plan.dates, updatedBy: by, updatedAt: at },
        }),
      );
    },
    async closedDays(year) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: closedDaysKey(year) }));
      return result.Item ? (result.Item.dates as string[]) : undefined;
    },
    async saveClosedDays(year, dates, by, at) {
      await client.send(
        new PutCommand({ TableName: tableName, Item: { ...closedDaysKey(year), dates, updatedBy: by, updatedAt: at } }),
      );
    },
    async allClosedDays() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: `${PK} = :pk`, ExpressionAttributeValues: { ':pk': CLOSED_DAYS_PARTITION } });
      return records.flatMap((record) => record.dates as string[]);
    },
  };
}
