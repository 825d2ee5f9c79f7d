// Runs inside a network namespace of its own (see isolatedNetwork in local/dynamo.ts), where the
// only interface is this namespace's loopback: it starts DynamoDB Local there and makes it
// reachable from the host through a Unix socket and nothing else. Plain JavaScript: it is run by
// Node directly, without the TypeScript loader.
//
//   node loopback-bridge.mjs <unix socket path> <port inside> -- <command> [args...]
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const [socketPath, port, separator, command, ...args] = process.argv.slice(2);
if (!socketPath || !port || separator !== '--' || !command) {
  console.error('usage: loopback-bridge.mjs <socket> <port> -- <command> [args...]');
  process.exit(2);
}

// A new network namespace starts with its loopback down.
const up = spawnSync('ip', ['link', 'set', 'lo', 'up'], { stdio: 'inherit' });
if (up.status !== 0) process.exit(3);

// The command dies with this bridge, however the bridge dies.
const child = spawn('setpriv', ['--pdeathsig', 'KILL', command, ...args], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));

rmSync(socketPath, { force: true });
const bridge = createServer((client) => {
  const upstream = connect(Number(port), '127.0.0.1');
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
});
bridge.listen(socketPath);

child.on('exit', (code, signal) => {
  bridge.close();
  rmSync(socketPath, { force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
