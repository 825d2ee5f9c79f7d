import autocannon, { type Options } from 'autocannon';

/**
 * Runs one autocannon load in its own process (bench/api.ts spawns it), so the load generator
 * does not share an event loop with the server it measures. Options in argv[2], the figures out
 * on stdout as JSON.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const result = await autocannon(options);
process.stdout.write(
  JSON.stringify({
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    perSecond: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
  }),
);
