// Drives one scenario of the read benchmark with autocannon and prints its figures as one JSON line.
// Usage: node measure.js <scenario.json>
// The scenario: { "origin": "http://127.0.0.1:7300", "connections": 16, "warmupSeconds": 3, "seconds": 20,
//                 "requests": [ { "path": "/api/...", "headers": { ... } }, ... ] }
// Each request sent picks the next entry of the list, starting from a different place per connection, so many
// different persons are read, none twice in a row. Latencies are kept whole (not autocannon's histogram buckets),
// because the benchmark compares p95, which autocannon's summary does not report.
'use strict';
const fs = require('fs');
const autocannon = require('autocannon');

const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const requests = scenario.requests;
let next = 0;

// run({ seconds }) for a time, or run({ amount }) for a number of requests.
function run({ seconds, amount }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const instance = autocannon({
      url: scenario.origin,
      connections: scenario.connections,
      ...(amount ? { amount } : { duration: seconds }),
      timeout: 60,
      requests: [{
        method: 'GET',
        setupRequest: (request) => {
          const chosen = requests[next];
          next = (next + 7919) % requests.length;
          return { ...request, path: chosen.path, headers: chosen.headers };
        },
      }],
    }, (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses })));
    instance.on('response', (client, statusCode, bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] || 0) + 1;
    });
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

(async () => {
  // The warm-up sends every distinct request once, then goes on for warmupSeconds: the figures are the steady
  // state's, the same rule for every scenario, raw reads included.
  let warmup = (await run({ amount: Math.max(requests.length, scenario.connections) })).latencies.length;
  warmup += scenario.warmupSeconds > 0 ? (await run({ seconds: scenario.warmupSeconds })).latencies.length : 0;
  const { result, latencies, statuses } = await run({ seconds: scenario.seconds });
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({
    warmupRequests: warmup,
    requests: latencies.length,
    seconds: result.duration,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
