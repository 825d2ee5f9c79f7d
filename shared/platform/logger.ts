import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger for every function. Never log tokens, link secrets or email bodies. */
export const logger = new Logger({
  serviceName: 'bevakning',
  logLevel: (process.env.LOG_LEVEL as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});

/** A job's report for the log: lists become their lengths, so no address or subject is logged. */
export function summary(report: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(report).map(([key, value]) => [key, Array.isArray(value) ? value.length : value]));
}
