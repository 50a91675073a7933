// A load generator in a process of its own, so it does not share the event loop it measures:
// `node bench/loadChild.ts` is run by bench/proxyCost.ts with one JSON argument
// { url, method, body?, concurrency, seconds } and prints one JSON line:
// { requests, errors, rps, p50Ms, p99Ms }.
import { Agent, request } from "node:http";

interface Load {
  url: string;
  method: string;
  body?: string;
  concurrency: number;
  seconds: number;
}

const load = JSON.parse(process.argv[2] ?? "{}") as Load;
const target = new URL(load.url);
const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
const latencies: number[] = [];
let errors = 0;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const start = performance.now();
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: load.method,
        headers: load.body ? { "content-type": "application/json" } : {},
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          if ((res.statusCode ?? 500) >= 400) errors++;
          latencies.push(performance.now() - start);
          resolve();
        });
      },
    );
    req.on("error", () => {
      errors++;
      resolve();
    });
    req.end(load.body);
  });
}

const deadline = performance.now() + load.seconds * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: load.concurrency }, async () => {
    while (performance.now() < deadline) await once();
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  }),
);
agent.destroy();
