/**
 * Durability: `npm start` killed outright (SIGKILL to its whole process group: the Node server
 * and DynamoDB Local's Java process) in the middle of a burst of writes, then started again on
 * the same DATA_DIR. Every item the API acknowledged (201) is there with its history; nothing is
 * half-written; no process of the old stack survives, nor Java when Node alone is killed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_JWT_SECRET, signLocalToken } from '../../local/tokens';
import { itemBody } from '../support/api';
import { isRunning, startStackProcess, type StackProcess } from '../support/local-process';

const dataDir = mkdtempSync(join(tmpdir(), 'bevakning-durability-'));
const started: StackProcess[] = [];
afterAll(async () => {
  for (const stack of started) await stack.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Writers at once, and the acknowledgements to collect before the kill. */
const WRITERS = 8;
const ACKNOWLEDGED_BEFORE_KILL = 40;

describe('killing the local stack in a burst of writes', () => {
  it('loses no acknowledged item or history event, and leaves no process behind', async () => {
    const token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, DEFAULT_LOCAL_JWT_SECRET);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const first = await startStackProcess(dataDir);
    started.push(first);
    const group = first.processes();
    // DynamoDB Local (Java) runs in the stack's own process group, so a signal to the group reaches it.
    expect(group.some((p) => /\bjava\b/.test(p.args) && p.args.includes('DynamoDBLocal')), group.map((p) => p.args).join('\n')).toBe(true);

    const acknowledged: { id: string; title: string }[] = [];
    let attempted = 0;
    let failed = 0;
    let killed: Promise<void> | undefined;
    const writer = async (w: number) => {
      for (let n = 0; ; n++) {
        const title = `Skrivning ${w}-${n}`;
        attempted++;
        try {
          const response = await fetch(`${first.apiUrl}/uppdrag`, {
            method: 'POST',
            headers: { ...headers, 'idempotency-key': `durability-${w}-${n}` },
            body: JSON.stringify(itemBody({ title, unit: 'Hållbarhetsenheten', due: { date: '2027-10-29' } })),
          });
          if (response.status !== 201) throw new Error(`status ${response.status}`);
          const { id } = (await response.json()) as { id: string };
          acknowledged.push({ id, title });
        } catch {
          // The stack died under this request: it was never acknowledged.
          failed++;
          return;
        }
        if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL && !killed) killed = first.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await killed;

    // Nothing of the old stack is left: not the server, not tsx, not Java.
    expect(first.processes()).toEqual([]);
    for (const { pid, args } of group) expect(isRunning(pid), `survived: ${pid} ${args}`).toBe(false);
    // The kill came mid-burst: writes were in flight and got no answer.
    expect(failed).toBeGreaterThan(0);
    expect(attempted).toBeGreaterThan(acknowledged.length);

    const second = await startStackProcess(dataDir);
    started.push(second);
    try {
      const missing: string[] = [];
      const withoutHistory: string[] = [];
      for (const [position, { id, title }] of acknowledged.entries()) {
        const item = await fetch(`${second.apiUrl}/uppdrag/${id}`, { headers });
        const history = await fetch(`${second.apiUrl}/uppdrag/${id}/history`, { headers });
        const events = history.status === 200 ? ((await history.json()) as { events: { action: string }[] }).events : [];
        const text = await item.text();
        const what = `#${position + 1} of ${acknowledged.length}: ${id} (${title}) answered ${item.status} ${text.slice(0, 80)}`;
        if (item.status !== 200 || (JSON.parse(text) as { title: string }).title !== title) missing.push(what);
        if (events.map((e) => e.action).join() !== 'created') withoutHistory.push(`${what}; history ${history.status} ${JSON.stringify(events)}`);
      }
      expect(missing).toEqual([]);
      expect(withoutHistory).toEqual([]);

      // Whatever else reached the table before the kill is whole too: each item with its creation.
      const listed = await fetch(`${second.apiUrl}/uppdrag?unit=H%C3%A5llbarhetsenheten&limit=100`, { headers });
      const { items } = (await listed.json()) as { items: { id: string }[] };
      expect(items.length).toBeGreaterThanOrEqual(acknowledged.length);
      for (const { id } of items.filter((i) => !acknowledged.some((a) => a.id === i.id))) {
        const history = (await (await fetch(`${second.apiUrl}/uppdrag/${id}/history`, { headers })).json()) as { events: { action: string }[] };
        expect(history.events.map((e) => e.action)).toEqual(['created']);
      }
    } finally {
      // Killing Node alone (not its group) leaves no DynamoDB Local behind either: on Linux the
      // kernel kills Java with its parent (local/dynamo.ts). Elsewhere the stack stops on SIGTERM.
      if (process.platform === 'linux') await second.killLeader('SIGKILL');
      else await second.kill('SIGTERM');
    }
    expect(second.processes()).toEqual([]);
  }, 120_000);
});
