import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './ports';

const ROOT = join(import.meta.dirname, '..', '..');
/** The project's own Node (24), never the machine's. */
const NODE = join(ROOT, 'node_modules', 'node', 'bin', 'node');

export interface StackProcess {
  /** The leader of the stack's own process group (its pid is the group id). */
  pid: number;
  apiUrl: string;
  ports: { port: number; dynamoPort: number; sesPort: number };
  /** Every live process of the group: pid and command line (zombies left out). */
  processes(): { pid: number; args: string }[];
  /** Signals the whole group and waits until no process of it is left. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Signals the Node process alone (not its children) and waits, up to 15 s, until no process of the group is left. */
  killLeader(signal: NodeJS.Signals): Promise<void>;
  output(): string;
}

function groupMembers(pgid: number): { pid: number; args: string }[] {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === pgid && !m[3]!.startsWith('Z'))
    .map((m) => ({ pid: Number(m[1]), args: m[4]! }));
}

/** Whether a process still runs (a zombie, dead but not yet reaped, does not). */
export function isRunning(pid: number): boolean {
  try {
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return stat !== '' && !stat.startsWith('Z');
  } catch {
    return false;
  }
}

/**
 * `npm start` as a separate process group: `node --import tsx local/start.ts` with its own ports and
 * DATA_DIR, detached, so the test can kill the whole group at once (as a crash or Ctrl-\ would)
 * and see that nothing of it survives. Resolves once the API answers /health.
 */
export async function startStackProcess(dataDir: string, ports?: StackProcess['ports']): Promise<StackProcess> {
  const chosen = ports ?? { port: await freePort(), dynamoPort: await freePort(), sesPort: await freePort() };
  // A clean environment: the test run's own stack variables must not leak into this one.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
    PORT: String(chosen.port),
    DYNAMODB_PORT: String(chosen.dynamoPort),
    SES_PORT: String(chosen.sesPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'SILENT',
  };
  const child: ChildProcess = spawn(NODE, ['--import', 'tsx', 'local/start.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const apiUrl = `http://127.0.0.1:${chosen.port}`;

  const signal = (target: number) => async (name: NodeJS.Signals) => {
    try {
      process.kill(target, name);
    } catch {
      // Gone already.
    }
    await exited;
    const deadline = Date.now() + 15_000;
    while (groupMembers(pid).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  };
  const kill = signal(-pid);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the local stack exited while starting:\n${output}`);
    if (output.includes('Bevakning runs locally')) {
      const health = await fetch(`${apiUrl}/health`).catch(() => undefined);
      if (health?.status === 200) break;
    }
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`the local stack did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { pid, apiUrl, ports: chosen, processes: () => groupMembers(pid), kill, killLeader: signal(pid), output: () => output };
}
