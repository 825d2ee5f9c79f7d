/**
 * The layers hold (.dependency-cruiser.cjs): checked on the real tree, and shown to catch a
 * planted bad import in a tree of the same shape, so the check cannot pass by reading nothing
 * (dependency-cruiser's default parser reads no TypeScript 7 and then reports no violation).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '../..');
const config = require(join(root, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: Record<string, unknown> };

async function check(baseDir: string, paths: string[], options: Record<string, unknown> = config.options): Promise<ICruiseResult> {
  const previous = process.cwd();
  process.chdir(baseDir);
  try {
    const result = await cruise(paths, { ...options, ruleSet: { forbidden: config.forbidden }, validate: true } as never);
    return result.output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}

const planted = mkdtempSync(join(tmpdir(), 'import-rules-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

function plant(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(planted, path)), { recursive: true });
    writeFileSync(join(planted, path), text);
  }
}

describe('the import rules', () => {
  it('hold for shared/, functions/, infra/ and local/, read with a parser that reads this TypeScript', async () => {
    const result = await check(root, ['shared', 'functions', 'infra', 'local']);

    expect(result.summary.totalCruised).toBeGreaterThan(200);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  }, 60_000);

  it('catch a planted bad import of each kind, in a tree of the same shape', async () => {
    plant({
      'shared/domain/rule.ts': "import { store } from '../adapters/store';\nexport const rule = (x: number): number => store(x);\n",
      'shared/adapters/store.ts': "export const store = (x: number): number => x;\n",
      'shared/application/use.ts': "import { page } from '../views/page';\nexport const use = (): string => page();\n",
      'shared/views/page.ts': "import { edge } from '../http/edge';\nexport const page = (): string => edge();\n",
      'shared/http/edge.ts': "import type { Handler } from 'aws-lambda';\nexport const edge = (): string => typeof ({} as Handler);\n",
      'functions/items/handler.ts': "import { other } from '../reports/handler';\nexport const handler = other;\n",
      'functions/reports/handler.ts': "export const other = 1;\n",
    });

    const result = await check(planted, ['shared', 'functions'], { ...config.options, tsConfig: undefined });

    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort()).toEqual([
      'application-knows-no-edge: shared/application/use.ts -> shared/views/page.ts',
      'domain-is-pure: shared/domain/rule.ts -> shared/adapters/store.ts',
      'one-root-per-function: functions/items/handler.ts -> functions/reports/handler.ts',
      'views-show-only: shared/views/page.ts -> shared/http/edge.ts',
    ]);
  }, 60_000);
});
