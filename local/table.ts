import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type GlobalSecondaryIndexDescription,
} from '@aws-sdk/client-dynamodb';
import { LOOKALIKE_GUARDS_COMPLETE } from '../shared/adapters/dynamo/keys';
import { keyAttributeNames, TABLE } from '../shared/platform/table';

const gsi = (index: (typeof TABLE.indexes)[keyof typeof TABLE.indexes]) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/**
 * Creates the table, or adds the indexes it lacks, from the same definition the CDK stack uses.
 * A new table holds no item stored before the look-alike guards existed, so it is marked as
 * having every open item in its guard (docs/data-model.md, "Look-alike guards").
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'updated' | 'unchanged'> {
  const AttributeDefinitions = keyAttributeNames().map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));
  let existing: GlobalSecondaryIndexDescription[] | undefined;
  try {
    const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
    existing = described.Table?.GlobalSecondaryIndexes ?? [];
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions,
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.values(TABLE.indexes).map(gsi),
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true } }),
    );
    const marker = Object.fromEntries(Object.entries(LOOKALIKE_GUARDS_COMPLETE).map(([name, value]) => [name, { S: value }]));
    await client.send(new PutItemCommand({ TableName: tableName, Item: marker }));
    return 'created';
  }
  const missing = Object.values(TABLE.indexes).filter((index) => !existing.some((e) => e.IndexName === index.indexName));
  // DynamoDB adds one index per UpdateTable call.
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({ TableName: tableName, AttributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }] }),
    );
  }
  return missing.length ? 'updated' : 'unchanged';
}
