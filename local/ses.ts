import type { Server } from 'node:http';
import * as sesModule from 'aws-ses-v2-local';

// A CommonJS module with an `exports.default`: bundlers and tsx disagree on which one `import x from` gives.
const sesServer = ((sesModule as { default?: unknown }).default as { default?: unknown })?.default ?? sesModule.default;

/** Starts the SES-compatible local server: web inbox at `/`, sent mail as JSON at `GET /store`. */
export async function startLocalSes(port: number): Promise<{ endpoint: string; server: Server; stop(): Promise<void> }> {
  const server = await (sesServer as typeof sesModule.default)({ port, host: '127.0.0.1' });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    server,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
