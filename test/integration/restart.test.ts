import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { PortInUseError, startLocalStack } from '../../local/stack';
import { DEFAULT_LOCAL_JWT_SECRET, signLocalToken } from '../../local/tokens';
import { freePort } from '../support/ports';
import { itemBody } from '../support/api';

const dataDir = mkdtempSync(join(tmpdir(), 'bevakning-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(ports: { port: number; dynamoPort: number; sesPort: number }) {
  return startLocalStack({ ...ports, dataDir, env: { LOG_LEVEL: 'SILENT' } });
}

describe('the local stack keeps its data in DATA_DIR', () => {
  // Two cold starts of DynamoDB Local and the SES server: slow on a loaded 2-core machine.
  it('an item written before a restart is read after it, with its history', { timeout: 90_000 }, async () => {
    const token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, DEFAULT_LOCAL_JWT_SECRET);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // The same ports both times, as `npm start` uses after a restart.
    const ports = { port: await freePort(), dynamoPort: await freePort(), sesPort: await freePort() };
    const first = await start(ports);
    const created = await fetch(`${first.apiUrl}/uppdrag`, { method: 'POST', headers, body: JSON.stringify(itemBody()) });
    const item = (await created.json()) as { id: string };
    await first.stop();

    const second = await start(ports);
    try {
      const read = await fetch(`${second.apiUrl}/uppdrag/${item.id}`, { headers });
      const history = await fetch(`${second.apiUrl}/uppdrag/${item.id}/history`, { headers });

      expect(created.status).toBe(201);
      expect(read.status).toBe(200);
      expect(((await history.json()) as { events: unknown[] }).events).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});

describe('starting the local stack', () => {
  it('a port already in use gives a clear error naming the variable to change', async () => {
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startLocalStack({ port: await freePort(), dynamoPort: port, sesPort: await freePort() })).rejects.toThrow(
        new PortInUseError(`Port ${port} is already in use: set DYNAMODB_PORT to a free port (e.g. DYNAMODB_PORT=${port + 100} npm start).`),
      );
    } finally {
      taken.close();
    }
  });
});
