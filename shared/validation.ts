import type * as z from 'zod';
import { badRequest, type ErrorIssue } from './errors';

/** zod's issues as the contract's `issues`: one entry per field at fault, unknown keys named. */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  return issuesOf(error.issues, []);
}

function issuesOf(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): ErrorIssue[] {
  return issues.flatMap((raw) => {
    const issue = { ...raw, path: [...prefix, ...raw.path] } as z.core.$ZodIssue;
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Okänt fält.' }));
    }
    if (issue.code === 'invalid_union') {
      // The branch whose keys all fit is the form the caller meant: report its faults only.
      const meant = issue.errors.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys'));
      if (meant.length === 1) return issuesOf(meant[0]!, issue.path);
      return [{ path: base.join('.'), message: 'Har inte någon av de tillåtna formerna.' }];
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'Kroppen'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest('validation_failed', `${what} är inte giltig.`, toIssues(result.error));
  return result.data;
}
