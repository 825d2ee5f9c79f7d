/** `npm run openapi`: writes openapi.json from the route table and the request schemas. */
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../shared/http/openapi';

writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log('openapi.json written');
