import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createItem } from '../../shared/application/items/service';
import { isolatedDependencies, mailTo } from '../support/isolated';
import { recordRunningStack } from '../../local/settings';
import { freePort } from '../support/ports';

/** Each run starts Node with tsx, seconds on a loaded machine. */
const SLOW = 120_000;

const ROOT = join(import.meta.dirname, '..', '..');
/** The project's own Node (24), never the machine's. */
const NODE = join(ROOT, 'node_modules', 'node', 'bin', 'node');
const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };

/** `npm run job -- …` as a clerk runs it, against the test's DynamoDB Local, SES server and table. */
function job(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      NODE,
      ['--import', 'tsx', 'scripts/job.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run job says why a person got nothing', () => {
  it('an item registered on 30 November, due 2 December: a run "on" 25 November names the next reminder, 1 December sends it, a rerun says it went out', async () => {
    const deps = await isolatedDependencies();
    const env = { TABLE_NAME: deps.tableName, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), SES_ENDPOINT: inject('sesEndpoint') };
    const kim = { name: 'Kim Berg', email: `kim.berg.${process.pid}.${Date.now()}@kommun.example.se` };
    deps.at('2026-11-30T09:00:00+01:00');
    await createItem(deps, clerk, {
      kind: 'aterrapportering', title: 'Redovisa arbetet med e-tjänstplattformen', caseNumber: 'KS 2026/141',
      decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' }, responsible: kim, unit: 'Kommunledningskontoret', due: { date: '2026-12-02' },
    });

    const before = await job(['reminders', '--at', '2026-11-25', '--dry-run'], env);
    const due = await job(['reminders', '--at', '2026-12-01'], env);
    const again = await job(['reminders', '--at', '2026-12-01'], env);

    expect(before.stdout).toBe(
      'onsdag 25 november 2026 (2026-11-25): 0 e-postmeddelanden skulle skickas (provkörning: inget skickas, inget ändras)\n' +
        'Ingen påminnelse i dag till:\n' +
        `  Kim Berg (${kim.email}): nästa påminnelse 2026-12-01, tisdag 1 december 2026 (1 ärende)\n`,
    );
    expect(due.stdout).toBe(`tisdag 1 december 2026 (2026-12-01): 1 e-postmeddelande skickat\n  ${kim.email}: "1 ärende att bevaka: senast onsdag 2 december" (1 ärende)\n`);
    expect(again.stdout).toBe(
      'tisdag 1 december 2026 (2026-12-01): 0 e-postmeddelanden skickade\n' +
        'Ingen påminnelse i dag till:\n' +
        `  Kim Berg (${kim.email}): fick dagens påminnelse vid en tidigare körning; nästa påminnelse 2026-12-02, onsdag 2 december 2026 (1 ärende)\n`,
    );
  }, SLOW);

  it('on a day that is not a working day it says so, and which day to run it on', async () => {
    const deps = await isolatedDependencies();

    const saturday = await job(['digest', '--at', '2026-12-26', '--dry-run'], { TABLE_NAME: deps.tableName, DYNAMODB_ENDPOINT: inject('dynamoEndpoint') });

    expect(saturday.stdout).toBe(
      'lördag 26 december 2026 (2026-12-26) är ingen arbetsdag (lördag): ingen veckoöversikt (provkörning: inget skickas, inget ändras). ' +
        'Nästa arbetsdag är måndag 28 december 2026 (2026-12-28): npm run job -- digest --at 2026-12-28\n',
    );
  }, SLOW);
});

describe('npm run job takes the running stack\'s settings', () => {
  it('npm start on PORT 3100 records its ports in DATA_DIR: the job, given nothing else, links to port 3100, not the default 3000', async () => {
    const deps = await isolatedDependencies();
    const dataDir = mkdtempSync(join(tmpdir(), 'bevakning-job-'));
    recordRunningStack(dataDir, { publicBaseUrl: 'http://localhost:3100', dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint') });
    const kim = { name: 'Kim Berg', email: `kim.berg.port.${process.pid}.${Date.now()}@kommun.example.se` };
    deps.at('2026-11-30T09:00:00+01:00');
    await createItem(deps, clerk, {
      kind: 'uppdrag', title: 'Inventera lekplatserna', caseNumber: 'KS 2026/150',
      decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 60' }, responsible: kim, unit: 'Kommunledningskontoret', due: { date: '2026-12-02' },
    });

    const result = await job(['reminders', '--at', '2026-12-01'], { TABLE_NAME: deps.tableName, DATA_DIR: dataDir });

    expect(result.stdout).toContain(`${kim.email}: "1 ärende att bevaka`);
    const [email] = await mailTo(kim.email);
    expect(email!.body.text).toMatch(/http:\/\/localhost:3100\/p\/\S+/);
    expect(email!.body.text).not.toContain('localhost:3000');
  }, SLOW);
});

describe('npm run job without the local stack', () => {
  it('says in one sentence what is not answering and what starts it: no stack trace', async () => {
    const port = await freePort();

    const result = await job(['reminders', '--at', '2026-12-01'], { DYNAMODB_PORT: String(port) });

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `DynamoDB Local svarar inte på http://127.0.0.1:${port}: starta den lokala stacken med npm start i ett annat terminalfönster, eller ange var den lyssnar med DYNAMODB_PORT eller DYNAMODB_ENDPOINT.\n`,
    );
  }, SLOW);

  it('names the SES server when only it is missing', async () => {
    const port = await freePort();

    const result = await job(['reminders', '--at', '2026-12-01'], { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), SES_PORT: String(port) });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Den lokala SES-servern svarar inte på http:\/\/127\.0\.0\.1:\d+: starta den lokala stacken med npm start/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }, SLOW);
});
