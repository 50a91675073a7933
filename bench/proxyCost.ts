import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { toNodeHandler } from "@streamkit/proxy/node";
import { type Stack, startStack } from "@streamkit/test-utils/stack";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

export type Operation = "list" | "get" | "copy";

export interface ProxyCostFigures {
  proxy: Record<Operation, LoadResult>;
  bare: Record<Operation, LoadResult>;
  /** Throughput through the proxy over the forwarder's, per round, the median. */
  ratios: Record<Operation, number>;
}

/**
 * The smallest thing that could stand in front of Stream: the path mapped onto the account, the
 * token added, the answer passed back. What `createStreamProxy` does beyond it (routing, the
 * allowlist, request-shape checks, scoping, header filtering, error envelopes) is its cost.
 */
function bareForwarder(stack: Stack) {
  const { emulator } = stack;
  const base = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
  return toNodeHandler(async (request: Request) => {
    const url = new URL(request.url);
    const upstream = await fetch(
      `${base}${url.pathname.slice("/api/stream".length)}${url.search}`,
      {
        method: request.method,
        headers: {
          authorization: `Bearer ${emulator.token}`,
          "content-type": request.headers.get("content-type") ?? "application/json",
        },
        body: request.method === "GET" ? null : await request.arrayBuffer(),
      },
    );
    // fetch decoded the body: its length and encoding headers no longer describe it.
    const headers = new Headers(upstream.headers);
    headers.delete("content-encoding");
    headers.delete("content-length");
    return new Response(upstream.body, { status: upstream.status, headers });
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Load from bench/loadChild.ts, a process of its own. */
async function load(
  url: string,
  method: string,
  body: string | undefined,
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  const { stdout } = await run(
    path.join(root, "node_modules/.bin/tsx"),
    [
      path.join(root, "bench/loadChild.ts"),
      JSON.stringify({ url, method, body, concurrency, seconds }),
    ],
    { cwd: root, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as LoadResult;
}

/**
 * List, get and copy through the proxy and through the bare forwarder, to the same emulator on
 * loopback, each for `seconds` at `concurrency`, in `rounds` that alternate which setup goes
 * first, so that neither always meets a warmer (or fuller) emulator. On two cores the load, the
 * emulator and the server under test share the machine, and one pair of runs can read either
 * way by a fifth; each figure is the median over the rounds.
 */
export async function measureProxyCost(
  seconds: number,
  concurrency: number,
  rounds = 1,
): Promise<ProxyCostFigures> {
  const stack = await startStack({ emulator: { ffmpegPath: false } });
  const bare = createServer(bareForwarder(stack));
  try {
    const bareUrl = `${await listen(bare)}/api/stream`;
    // A library to list: 50 videos, one of which is fetched by id.
    const tiny = await fetch(`${stack.emulator.url}/samples/tiny.mp4`);
    const bytes = new Uint8Array(await tiny.arrayBuffer());
    let uid = "";
    for (let i = 0; i < 50; i++) uid = await stack.upload(bytes);
    const ops: [Operation, string, string, string | undefined][] = [
      ["list", "GET", "?limit=20", undefined],
      ["get", "GET", `/${uid}`, undefined],
      // A URL that refuses at once: the copy is created, then errors without a download.
      ["copy", "POST", "/copy", JSON.stringify({ url: "http://127.0.0.1:9/missing.mp4" })],
    ];
    const figures = { proxy: {}, bare: {}, ratios: {} } as ProxyCostFigures;
    for (const [op, method, suffix, body] of ops) {
      const urls = { proxy: `${stack.baseUrl}${suffix}`, bare: `${bareUrl}${suffix}` };
      // Warm both paths (connections, JIT) before either is measured.
      await load(urls.proxy, method, body, concurrency, 0.3);
      await load(urls.bare, method, body, concurrency, 0.3);
      const runs: Record<"proxy" | "bare", LoadResult[]> = { proxy: [], bare: [] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? (["proxy", "bare"] as const) : (["bare", "proxy"] as const);
        for (const side of order)
          runs[side].push(await load(urls[side], method, body, concurrency, seconds));
      }
      figures.proxy[op] = medianResult(runs.proxy);
      figures.bare[op] = medianResult(runs.bare);
      figures.ratios[op] = median(
        runs.proxy.map((result, i) => result.rps / (runs.bare[i]?.rps ?? Number.NaN)),
      );
    }
    return figures;
  } finally {
    bare.closeAllConnections();
    await new Promise((resolve) => bare.close(resolve));
    await stack.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Each figure the median over the rounds; requests and errors summed. */
function medianResult(results: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  return {
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    rps: median(results.map((r) => r.rps)),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
  };
}
