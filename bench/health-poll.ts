export {};
/**
 * Polls GET /health one request after another for `seconds` (bench/drafts.ts spawns it, so the
 * poller does not share an event loop with the server it measures). argv[2]: the URL, argv[3]: the
 * seconds. Prints, as JSON, each poll's start (epoch ms) and how long its answer took.
 */
const [url = '', seconds = '3'] = process.argv.slice(2);
const polls: { startedAt: number; ms: number; status: number }[] = [];
const until = Date.now() + Number(seconds) * 1000;
while (Date.now() < until) {
  const startedAt = Date.now();
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  polls.push({ startedAt, ms: performance.now() - started, status: response.status });
  await new Promise((resolve) => setTimeout(resolve, 10));
}
process.stdout.write(JSON.stringify(polls));
