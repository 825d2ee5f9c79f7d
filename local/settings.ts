/**
 * The local stack's settings, one definition read by `npm start` and by `npm run job`: the
 * variables, their defaults, and the record `npm start` leaves in DATA_DIR of the stack it runs,
 * so that a job run from another terminal sends links to the port the workspace really answers on.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { COUNCILS } from '../shared/domain/council';
import { DEFAULT_LOCAL_JWT_SECRET } from './tokens';

const port = z.coerce.number().int().min(1).max(65535);

/** The variables `npm start` reads, with their defaults (README "Local configuration"). */
export const localSettings = z.object({
  PORT: port.default(3000),
  DYNAMODB_PORT: port.default(8000),
  SES_PORT: port.default(8005),
  DATA_DIR: z.string().min(1).default('.data'),
  LOCAL_JWT_SECRET: z.string().min(32, 'LOCAL_JWT_SECRET must be at least 32 characters').default(DEFAULT_LOCAL_JWT_SECRET),
  MAIL_FROM: z.email().default('bevakning@kommun.example.se'),
  PUBLIC_BASE_URL: z.url().optional(),
  /** The council motions are answered by: KF, or RF to run the product as a region (shared/domain/council.ts). */
  COUNCIL: z.enum(COUNCILS, `COUNCIL must be one of ${COUNCILS.join(', ')}`).default('KF'),
});
export type LocalSettings = z.infer<typeof localSettings>;

/** Where a running stack's endpoints are: the base of its links, DynamoDB Local and the SES server (URLs). */
export interface RunningStack {
  publicBaseUrl: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
}

const runningStack = z.object({ publicBaseUrl: z.url(), dynamoEndpoint: z.url(), sesEndpoint: z.url() });

/** The record's path: `<DATA_DIR>/running-stack.json`, beside the data it belongs to. */
export const runningStackFile = (dataDir: string) => join(dataDir, 'running-stack.json');

/** Written by `npm start` once the stack answers; removed when it stops. */
export function recordRunningStack(dataDir: string, stack: RunningStack): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(runningStackFile(dataDir), `${JSON.stringify(stack, null, 2)}\n`);
}

export function forgetRunningStack(dataDir: string): void {
  rmSync(runningStackFile(dataDir), { force: true });
}

/** The stack `npm start` runs with this DATA_DIR, or undefined when there is no (readable) record. */
export function readRunningStack(dataDir: string): RunningStack | undefined {
  try {
    const parsed = runningStack.safeParse(JSON.parse(readFileSync(runningStackFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
