import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type GlobalSecondaryIndexDescription,
} from '@aws-sdk/client-dynamodb';
import { keyAttributeNames, TABLE } from '../shared/platform/table';

const gsi = (index: (typeof TABLE.indexes)[keyof typeof TABLE.indexes]) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/** Creates the table, or adds the indexes it lacks, from the same definition the CDK stack uses. */
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
