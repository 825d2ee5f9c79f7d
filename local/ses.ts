import type { Server } from 'node:http';
import sesServer from 'aws-ses-v2-local';

/** Starts the SES-compatible local server: web inbox at `/`, sent mail as JSON at `GET /store`. */
export async function startLocalSes(port: number): Promise<{ endpoint: string; server: Server; stop(): Promise<void> }> {
  const server = await sesServer({ port, host: '127.0.0.1' });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    server,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
