import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger for every function. Never log tokens, link secrets or email bodies. */
export const logger = new Logger({
  serviceName: 'bevakning',
  logLevel: (process.env.LOG_LEVEL as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
