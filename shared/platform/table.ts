/**
 * The one definition of the DynamoDB table: used by the CDK stack (infra/) and by the local
 * stack (local/), so the key schema and indexes cannot drift apart. Access patterns are in
 * docs/data-model.md; every one is a GetItem or a Query, never a Scan.
 */
export interface IndexDefinition {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  /**
   * A string attribute written with the keys from the item's fields, that the index's reader
   * parses instead of the whole item; never part of an item as read (like the keys).
   */
  factsAttribute?: string;
}

export const TABLE = {
  /** Default table name locally; deployed, the stack passes the real name in TABLE_NAME. */
  defaultName: 'bevakning',
  partitionKey: 'PK',
  sortKey: 'SK',
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    /** Items of a unit by status and due date. */
    byUnit: { indexName: 'byUnit', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** Items of a responsible official by status and due date. */
    byResponsible: { indexName: 'byResponsible', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    /** All items by status and due date (registrars' lists). */
    byStatus: { indexName: 'byStatus', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    /** Sparse: only open items with a next reminder date; the daily job's only read. */
    byNextReminder: { indexName: 'byNextReminder', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
    /** Sparse: open items whose deadline depends on a body's meeting plan for a year. */
    byMeetingPlan: { indexName: 'byMeetingPlan', partitionKey: 'GSI5PK', sortKey: 'GSI5SK' },
    /** Sparse: open items whose official asked for a later deadline, for the registrars. */
    byExtensionRequest: { indexName: 'byExtensionRequest', partitionKey: 'GSI6PK', sortKey: 'GSI6SK' },
    /** Closed items of a unit by Stockholm year and closing time: the weekly overview's "closed last week" and trend. */
    byClosure: { indexName: 'byClosure', partitionKey: 'GSI7PK', sortKey: 'GSI7SK' },
    /** Sparse: open items a clerk must look at (`attention`), by reason and due date. */
    byAttention: { indexName: 'byAttention', partitionKey: 'GSI8PK', sortKey: 'GSI8SK' },
    /**
     * Every item by the date it is counted from (its decision date; without a decision, its
     * Stockholm registration date), partitioned by that month: the statistics' only read, of
     * each item only its counted facts (GSI9FACTS, shared/domain/reports/counted.ts CountedItem).
     */
    byDecision: { indexName: 'byDecision', partitionKey: 'GSI9PK', sortKey: 'GSI9SK', factsAttribute: 'GSI9FACTS' },
    /**
     * Sparse: items with a decision, by the body that decided: the open ones by due date, the
     * closed ones by their Stockholm closing date (a body's follow-up, the public page).
     */
    byDecisionBody: { indexName: 'byDecisionBody', partitionKey: 'GSI10PK', sortKey: 'GSI10SK' },
  },
} as const satisfies {
  defaultName: string;
  partitionKey: string;
  sortKey: string;
  timeToLiveAttribute: string;
  indexes: Record<string, IndexDefinition>;
};

export type IndexName = keyof typeof TABLE.indexes;

/** Every key attribute is a string. */
export function keyAttributeNames(): string[] {
  return [TABLE.partitionKey, TABLE.sortKey, ...Object.values(TABLE.indexes).flatMap((i) => [i.partitionKey, i.sortKey])];
}
