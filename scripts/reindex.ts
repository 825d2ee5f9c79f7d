/**
 * `npm run reindex`: writes every item's index keys as the code defines them now, so that items
 * stored before an index existed join it (once, after deploying a version that adds an index the
 * reports read: `byDecision` and `byDecisionBody`). Walks the items through the `byStatus` index
 * (Queries, no Scan), changes nothing but index attributes, and may run while the product runs.
 *
 * Locally it reads the running local stack (`npm start`); deployed, with AWS credentials that may
 * read and write the table: `STAGE=aws TABLE_NAME=<the table> AWS_REGION=eu-north-1 npm run reindex`.
 */
import { createDocumentClient } from '../shared/adapters/dynamo/client';
import { createDynamoItemRepository } from '../shared/adapters/dynamo/items';
import { reindexItems } from '../shared/application/items/reindex';
import { readConfig } from '../shared/platform/config';

const local = (process.env.STAGE ?? 'local') === 'local';
const config = readConfig({
  ...process.env,
  ...(local ? { DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}` } : {}),
});
const items = createDynamoItemRepository(createDocumentClient(config), config.TABLE_NAME);

const count = (n: number) => `${n} ${n === 1 ? 'ärende' : 'ärenden'}`;
// On a terminal, a running count on one line; in a log, only the outcome.
const tty = process.stdout.isTTY;
console.log(`Skriver om indexnycklarna för alla ärenden i tabellen ${config.TABLE_NAME}${local ? ` (${config.DYNAMODB_ENDPOINT})` : ''} …`);
const report = await reindexItems(items, tty ? ({ reindexed }) => process.stdout.write(`\r${count(reindexed)} klara`) : undefined);
console.log(
  `${tty ? '\r' : ''}${count(report.reindexed)} har fått sina indexnycklar.${report.changedMeanwhile ? ` ${count(report.changedMeanwhile)} ändrades under tiden och fick dem med ändringen.` : ''}`,
);
process.exit(0);
