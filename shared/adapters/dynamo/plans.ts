import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import type { PlanStore } from '../../application/plans/ports';
import type { MeetingPlan } from '../../domain/deadlines/meeting-plans';
import { CLOSED_DAYS_PARTITION, closedDaysKey, listedPlanKey, MEETING_PLAN_LIST_PARTITION, meetingPlanKey, newRevision, PK } from './keys';

/** A meeting plan record as the plan of that body and year. */
export const meetingPlanOf = (body: string, year: number, record: Record<string, unknown>): MeetingPlan => ({
  body,
  year,
  leadWorkingDays: Number(record.leadWorkingDays),
  dates: record.dates as string[],
});

/**
 * The plans and closed days a registration uses are cached by the item repository, which proves
 * them current in its transaction by their `revision`: every write gives the record a new one.
 */
export function createDynamoPlanStore(client: DynamoDBDocumentClient, tableName: string): PlanStore {
  return {
    async meetingPlan(body, year) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: meetingPlanKey(body, year) }));
      return result.Item ? meetingPlanOf(body, year, result.Item) : undefined;
    },
    async saveMeetingPlan(plan, by, at) {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...meetingPlanKey(plan.body, plan.year), leadWorkingDays: plan.leadWorkingDays, dates: plan.dates, updatedBy: by, updatedAt: at, ...newRevision() } } },
            { Put: { TableName: tableName, Item: { ...listedPlanKey(plan.body, plan.year), body: plan.body, year: plan.year } } },
          ],
        }),
      );
    },
    async meetingPlanList() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: `${PK} = :pk`, ExpressionAttributeValues: { ':pk': MEETING_PLAN_LIST_PARTITION } });
      return records.map((record) => ({ body: String(record.body), year: Number(record.year) }));
    },
    async closedDays(year) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: closedDaysKey(year) }));
      return result.Item ? (result.Item.dates as string[]) : undefined;
    },
    async saveClosedDays(year, dates, by, at) {
      await client.send(
        new PutCommand({ TableName: tableName, Item: { ...closedDaysKey(year), dates, updatedBy: by, updatedAt: at, ...newRevision() } }),
      );
    },
    async allClosedDays() {
      const records = await queryAll(client, { TableName: tableName, KeyConditionExpression: `${PK} = :pk`, ExpressionAttributeValues: { ':pk': CLOSED_DAYS_PARTITION } });
      return records.flatMap((record) => record.dates as string[]);
    },
  };
}
