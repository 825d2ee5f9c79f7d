/**
 * `npm run guards`: puts every open item in its look-alike guard and records that all are there
 * (shared/application/items/lookalike-guards.ts). Run it once on a table that holds items stored
 * before the guards existed, after deploying the version that writes them: until then each
 * registration also reads the official's open items to find a look-alike. Against the running
 * local stack (`npm start`) by default; against a deployed table with `STAGE=aws`,
 * `AWS_REGION` and `TABLE_NAME` set, and credentials that may read and write it.
 */
import { createItemsDependencies } from '../functions/items/dependencies';
import { guardOpenItems } from '../shared/application/items/lookalike-guards';

const env =
  process.env.STAGE === 'aws'
    ? process.env
    : { ...process.env, STAGE: 'local', DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}` };

try {
  const guarded = await guardOpenItems(createItemsDependencies(env));
  console.log(`Klart: ${guarded} öppna ärenden finns i dubblettkontrollen, och en ny registrering letar nu efter dubbletter bara där.`);
} catch (error) {
  console.error(`Dubblettkontrollen kunde inte fyllas i (${error instanceof Error ? error.message : String(error)}). Inget är förlorat: kör npm run guards igen.`);
  process.exit(1);
}
