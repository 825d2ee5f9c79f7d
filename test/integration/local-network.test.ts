/**
 * What the local stack listens on: nothing of it may be reachable from another machine. DynamoDB
 * Local can only bind every interface, so it must run where every interface is a loopback.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningDynamo } from '../../local/dynamo';
import { freePort } from '../support/ports';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** This process and every process below it. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(read(`/proc/${name}/status`))?.[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const out: number[] = [];
  for (const queue = [root]; queue.length; ) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

interface Listener {
  pid: number;
  command: string;
  address: string;
  /** The interfaces of the network namespace the process lives in. */
  interfaces: string[];
}

/** Listening TCP sockets a process holds, as its own network namespace sees them. */
function listenersOf(pid: number): Listener[] {
  let inodes: Set<string>;
  try {
    inodes = new Set(readdirSync(`/proc/${pid}/fd`).map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]).filter((i): i is string => !!i));
  } catch {
    return [];
  }
  const interfaces = read(`/proc/${pid}/net/dev`).split('\n').slice(2).map((l) => l.split(':')[0]!.trim()).filter(Boolean);
  const command = read(`/proc/${pid}/comm`).trim();
  return ['tcp', 'tcp6'].flatMap((table) =>
    read(`/proc/${pid}/net/${table}`)
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[3] === '0A' && inodes.has(f[9] ?? ''))
      .map((f) => ({ pid, command, address: f[1]!, interfaces })),
  );
}

/** 127.x.x.x or ::1 in /proc/net's hex notation. */
const isLoopback = (address: string) => {
  const host = address.split(':')[0]!;
  return host.length === 8 ? host.endsWith('7F') : host === '00000000000000000000000001000000';
};

let dynamo: RunningDynamo;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal(await freePort());
});
afterAll(() => dynamo.stop());

describe.runIf(process.platform === 'linux')('DynamoDB Local as the local stack starts it', () => {
  it('is reachable from this machine only: every socket it listens on is a loopback, or in a network namespace that has nothing but a loopback', () => {
    const listeners = processTree(process.pid).flatMap(listenersOf);
    const java = listeners.filter((l) => l.command === 'java');

    expect(java.length).toBeGreaterThan(0);
    for (const listener of listeners) {
      const contained = isLoopback(listener.address) || (listener.interfaces.length > 0 && listener.interfaces.every((i) => i === 'lo'));
      expect(contained, `${listener.command} (pid ${listener.pid}) listens on ${listener.address} with interfaces ${listener.interfaces.join(', ')}`).toBe(true);
    }
  });

  it('still answers through its loopback endpoint', async () => {
    const response = await fetch(dynamo.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/eu-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
