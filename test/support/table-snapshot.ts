import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Every record of a test's own table (a Scan: tests only, the product never scans). */
export async function scanTable(client: DynamoDBDocumentClient, tableName: string): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    records.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}

export interface TableCounts {
  items: number;
  history: number;
  records: number;
  /** Every record, canonical and sorted: equal snapshots mean an unchanged table. */
  fingerprint: string;
}

const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

/** Items (`ITEM#…`/`ITEM`) and history events (`ITEM#…`/`EVENT#…`) in the table, and a fingerprint of all of it. */
export async function tableCounts(client: DynamoDBDocumentClient, tableName: string): Promise<TableCounts> {
  return countsOf(await scanTable(client, tableName));
}

/** The counts of records already read. */
export function countsOf(records: Record<string, unknown>[]): TableCounts {
  const isItem = (r: Record<string, unknown>) => String(r.PK).startsWith('ITEM#') && r.SK === 'ITEM';
  const isEvent = (r: Record<string, unknown>) => String(r.PK).startsWith('ITEM#') && String(r.SK).startsWith('EVENT#');
  return {
    items: records.filter(isItem).length,
    history: records.filter(isEvent).length,
    records: records.length,
    fingerprint: records.map(canonical).sort().join('\n'),
  };
}
