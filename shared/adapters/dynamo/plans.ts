import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import type { PlanStore } from '../../application/plans/ports';

const meetingPlanKey = (body: string, year: number) => ({ PK: `MEETINGS#${body}`, SK: String(year) });
const CLOSED_DAYS = 'CLOSED_DAYS';
/** One record per saved plan, so the plans can be listed with one Query (docs/data-model.md). */
const MEETING_PLAN_LIST = 'MEETING_PLANS';
const listedPlanKey = (body: string, year: number) => ({ PK: MEETING_PLAN_LIST, SK: `${body}#${year}` });

export function createDynamoPlanStore(client: DynamoDBDocumentClient, tableName: string): PlanStore {
  return {
    async meetingPlan(body, year) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: meetingPlanKey(body, year) }));
      if (!result.Item) return undefined;
      return { body, year, leadWorkingDays: Number(result.Item.leadWorkingDays), dates: result.Item.dates as string[] };
    },
    async saveMeetingPlan(plan, by, at) {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...meetingPlanKey(plan.body, plan.year), leadWorkingDays: plan.leadWorkingDays, dates: plan.dates, updatedBy: by, updatedAt: at } } },
            { Put: { TableName: tableName, Item: { ...listedPlanKey(plan.body, plan.year), body: plan.body, year: plan.year } } },
          ],
        }),
      );
    },
    async meetingPlanList() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': MEETING_PLAN_LIST } });
      return records.map((record) => ({ body: String(record.body), year: Number(record.year) }));
    },
    async closedDays(year) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: { PK: CLOSED_DAYS, SK: String(year) } }));
      return result.Item ? (result.Item.dates as string[]) : undefined;
    },
    async saveClosedDays(year, dates, by, at) {
      await client.send(
        new PutCommand({ TableName: tableName, Item: { PK: CLOSED_DAYS, SK: String(year), dates, updatedBy: by, updatedAt: at } }),
      );
    },
    async allClosedDays() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': CLOSED_DAYS } });
      return records.flatMap((record) => record.dates as string[]);
    },
  };
}
