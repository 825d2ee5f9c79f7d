/**
 * Imported first by bench/run.ts: the handlers' logger reads LOG_LEVEL when it is first
 * imported, and a log line per request would flood the report (the tests do the same).
 */
process.env.LOG_LEVEL = 'SILENT';
