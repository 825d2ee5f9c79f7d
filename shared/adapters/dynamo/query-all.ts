import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** Every page of a Query; `onPage` sees each page's ScannedCount (the benchmark counts reads with it). */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
  onPage?: (scanned: number) => void,
): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    onPage?.(page.ScannedCount ?? 0);
    records.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}
