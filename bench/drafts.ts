import { fileURLToPath } from 'node:url';
import { DRAFT_MAX_BODY_BYTES } from '../shared/drafting/request';
import { signLocalToken } from '../local/tokens';
import { extractDrafts } from '../shared/drafting/extract';
import { MAX_TEXT_LENGTH } from '../shared/drafting/request';
import { Work } from '../shared/drafting/work';
import { ADVERSARIAL_TEXTS } from '../test/fixtures/drafts/adversarial';
import { runNode } from './node-process';
import type { BenchStack } from './stack';

export interface DraftsInput {
  characters: number;
  /** CPU time of extractDrafts in this process (user + system), the median of the runs. */
  cpuMs: number;
  /** Work units charged (see shared/drafting/work.ts). */
  units: number;
  /** Refused as text_too_complex when the work passed its ceiling. */
  refused: boolean;
}

export interface DraftsFigures {
  runs: number;
  inputs: Record<string, DraftsInput>;
  worst: { input: string; cpuMs: number };
  /** GET /health on the local API server while POST /uppdrag/drafts runs the worst input that fits a request. */
  health: { input: string; characters: number; status: number; requestMs: number; polls: number; maxMs: number; medianMs: number };
}

const POLL = fileURLToPath(new URL('./health-poll.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const today = '2026-06-01';

function cpuMs(text: string): { cpuMs: number; units: number; refused: boolean } {
  const work = new Work();
  const before = process.cpuUsage();
  let refused = false;
  try {
    extractDrafts(text, {}, { lookupRole: () => undefined, today, work });
  } catch {
    refused = true;
  }
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000, units: work.units, refused };
}

/** The input cut to the longest text whose request body fits the route's limit (a "§" is two bytes of UTF-8). */
function fitting(make: (n: number) => string): string {
  let length = MAX_TEXT_LENGTH;
  for (;;) {
    const text = make(length);
    const bytes = Buffer.byteLength(JSON.stringify({ text }));
    if (bytes <= DRAFT_MAX_BODY_BYTES - 1024) return text;
    length = Math.floor((length * (DRAFT_MAX_BODY_BYTES - 1024)) / bytes);
  }
}

/**
 * Each adversarial text of 400,000 characters (the request limit) through extractDrafts, `runs`
 * times (the median kept), after a warm-up; then the worst one that fits a request body through
 * POST /uppdrag/drafts on the local server while another process polls GET /health.
 */
export async function runDrafts(stack: BenchStack, runs: number): Promise<DraftsFigures> {
  for (const make of Object.values(ADVERSARIAL_TEXTS)) cpuMs(make(20_000));
  const inputs: Record<string, DraftsInput> = {};
  for (const [name, make] of Object.entries(ADVERSARIAL_TEXTS)) {
    const text = make(MAX_TEXT_LENGTH);
    const measured = Array.from({ length: runs }, () => cpuMs(text)).sort((a, b) => a.cpuMs - b.cpuMs);
    const median = measured[runs >> 1]!;
    inputs[name] = { characters: text.length, cpuMs: Math.round(median.cpuMs), units: median.units, refused: median.refused };
  }
  const [worstName, worst] = Object.entries(inputs).sort(([, a], [, b]) => b.cpuMs - a.cpuMs)[0]!;
  const text = fitting(ADVERSARIAL_TEXTS[worstName]!);

  const token = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, stack.jwtSecret);
  const poller = runNode([TSX, POLL, `${stack.stack.apiUrl}/health`, '4']);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const startedAt = Date.now();
  const response = await fetch(`${stack.stack.apiUrl}/uppdrag/drafts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  await response.arrayBuffer();
  const endedAt = Date.now();
  const polls = (JSON.parse((await poller).out) as { startedAt: number; ms: number; status: number }[]).filter(
    // Every poll that was waiting at some moment of the drafting request.
    (p) => p.startedAt <= endedAt && p.startedAt + p.ms >= startedAt,
  );
  if (polls.some((p) => p.status !== 200)) throw new Error(`GET /health answered ${polls.map((p) => p.status).join(', ')}`);
  const latencies = polls.map((p) => p.ms).sort((a, b) => a - b);
  return {
    runs,
    inputs,
    worst: { input: worstName, cpuMs: worst.cpuMs },
    health: {
      input: worstName,
      characters: text.length,
      status: response.status,
      requestMs: endedAt - startedAt,
      polls: polls.length,
      maxMs: Math.round(latencies.at(-1) ?? 0),
      medianMs: Math.round(latencies[latencies.length >> 1] ?? 0),
    },
  };
}
