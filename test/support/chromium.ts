import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The browser tests drive Debian's Chromium: installed here when the machine lacks it (CI runs
 * as root on a fresh machine), never downloaded by a test tool.
 */
export default function setup(): void {
  if (existsSync(CHROMIUM)) return;
  const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log('Installing Debian chromium for the browser tests (apt-get install -y chromium)…');
  try {
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after apt-get install chromium`);
}
