import { spawn } from 'node:child_process';

/** Runs this same Node with `args` in a child process; resolves with its stdout and its wall time, rejects on a non-zero exit. */
export function runNode(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<{ out: string; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) reject(new Error(`node ${args.slice(-1)[0]?.slice(0, 80)} exited with ${code}: ${err.slice(-500)}`));
      else resolve({ out, wallMs });
    });
  });
}
