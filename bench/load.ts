// The load generator, run in its own process so it never competes with a server's event loop.
// Usage: node --import tsx bench/load.ts '<json LoadOptions>'; prints a LoadReport as JSON.
import { keepAliveAgent, send } from './http.js';
import { msSince, percentile } from './stats.js';

export interface LoadOptions {
  url: string;
  body: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Sent with every request, e.g. a team session's cookie and the page's Origin. */
  headers?: Record<string, string>;
}

export interface LoadReport {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

async function run(options: LoadOptions): Promise<LoadReport> {
  const agent = keepAliveAgent(options.connections);
  const begin = process.hrtime.bigint();
  const measureFrom = begin + BigInt(options.warmupMs) * 1_000_000n;
  const end = measureFrom + BigInt(options.durationMs) * 1_000_000n;
  const latencies: number[] = [];
  let errors = 0;

  // Closed loop: each connection sends its next request as soon as the previous one is answered.
  const client = async () => {
    while (process.hrtime.bigint() < end) {
      const start = process.hrtime.bigint();
      const { status } = await send(agent, options.url, 'POST', options.body, options.headers);
      if (start < measureFrom) continue;
      if (status === 201) latencies.push(msSince(start));
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  agent.destroy();
  const measuredMs = Number(process.hrtime.bigint() - measureFrom) / 1e6;
  return {
    requests: latencies.length,
    errors,
    rps: (latencies.length / measuredMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const report = await run(JSON.parse(process.argv[2] ?? '{}') as LoadOptions);
process.stdout.write(`${JSON.stringify(report)}\n`);
