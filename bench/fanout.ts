import { type ChildProcess, spawn } from "node:child_process";
import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createInterface, type Interface } from "node:readline";

const root = path.resolve(import.meta.dirname, "..");

export interface FanoutFigures {
  subscribers: number;
  events: number;
  /** Events per second delivered to every subscriber (the last one's last event ends the clock). */
  eventsPerSecond: number;
  /** Event deliveries per second, all subscribers together. */
  deliveriesPerSecond: number;
  /** What each connected subscriber adds to the server process, after a GC. */
  rssPerSubscriberKB: number;
  heapPerSubscriberKB: number;
  /** How long the server's publish loop took (every event handed to every stream). */
  publishMs: number;
  /** A list request through the proxy (to a stub API on loopback): with no stream open… */
  listIdle: RequestTimes;
  /** …and with every subscriber's stream open. */
  listWithSubscribers: RequestTimes;
}

export interface RequestTimes {
  p50Ms: number;
  p99Ms: number;
}

/** A stand-in for the Stream API: one page of list results, answered at once. */
async function startStubApi(): Promise<{ server: Server; url: string }> {
  const body = JSON.stringify({
    success: true,
    errors: [],
    messages: [],
    result: [],
    result_info: { count: 0, total: 0 },
  });
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4` };
}

/** `count` list requests through the proxy, `concurrency` at a time; each one's own time. */
async function timeLists(port: number, count: number, concurrency = 4): Promise<RequestTimes> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next++ < count) {
      const start = performance.now();
      const answer = await fetch(`http://127.0.0.1:${port}/api/stream?limit=10`);
      await answer.arrayBuffer();
      if (!answer.ok) throw new Error(`list answered ${answer.status}`);
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

/**
 * One proxy instance (bench/fanoutServer.ts, its own process) with `subscribers` open `/events`
 * streams from this process on loopback, then `events` webhook videos published at once.
 */
export async function measureFanout(subscribers: number, events: number): Promise<FanoutFigures> {
  const api = await startStubApi();
  const server = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=@streamkit/source", "--expose-gc", path.join(root, "bench/fanoutServer.ts")],
    {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
      env: { ...process.env, STREAMKIT_BENCH_UPSTREAM: api.url },
    },
  );
  const lines = createInterface({ input: server.stdout as NonNullable<ChildProcess["stdout"]> });
  const ask = commander(server, lines);
  const streams: IncomingMessage[] = [];
  try {
    const { port } = (await ask()) as { port: number };
    // Warm the server's code paths with one subscriber first, so the baseline excludes them.
    streams.push(await subscribe(port, () => undefined));
    await ask("publish 1");
    const before = (await ask("memory")) as { rss: number; heapUsed: number };

    const counts = new Array<number>(subscribers).fill(0);
    let done = 0;
    let finished: () => void = () => undefined;
    const allReceived = new Promise<void>((resolve) => {
      finished = resolve;
    });
    for (let i = 0; i < subscribers; i++) {
      streams.push(
        await subscribe(port, (n) => {
          counts[i] = (counts[i] ?? 0) + n;
          if (counts[i] === events && ++done === subscribers) finished();
        }),
      );
    }
    let connected = 0;
    for (let tries = 0; connected < subscribers + 1 && tries < 200; tries++) {
      connected = ((await ask("memory")) as { subscribers: number }).subscribers;
    }
    const after = (await ask("memory")) as { rss: number; heapUsed: number };
    await timeLists(port, 100); // warm-up: the proxy's and fetch's code paths compiled
    const listWithSubscribers = await timeLists(port, 1000);

    const start = performance.now();
    const { ms: publishMs } = (await ask(`publish ${events}`)) as { ms: number };
    await allReceived;
    const seconds = (performance.now() - start) / 1000;

    // The same requests once every stream has gone (measured last: their garbage would
    // otherwise count in the memory per subscriber).
    for (const stream of streams.splice(0)) stream.destroy();
    for (let tries = 0; connected > 0 && tries < 200; tries++) {
      connected = ((await ask("memory")) as { subscribers: number }).subscribers;
    }
    const listIdle = await timeLists(port, 1000);
    return {
      subscribers,
      events,
      eventsPerSecond: events / seconds,
      deliveriesPerSecond: (events * subscribers) / seconds,
      rssPerSubscriberKB: (after.rss - before.rss) / subscribers / 1024,
      heapPerSubscriberKB: (after.heapUsed - before.heapUsed) / subscribers / 1024,
      publishMs,
      listIdle,
      listWithSubscribers,
    };
  } finally {
    for (const stream of streams) stream.destroy();
    api.server.close();
    server.stdin?.end("exit\n");
    if (server.exitCode === null) await new Promise((resolve) => server.once("exit", resolve));
  }
}

/** Sends a command line to the server (none: just read) and resolves with its JSON answer. */
function commander(server: ChildProcess, lines: Interface) {
  const answers: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else answers.push(line);
  });
  return (command?: string): Promise<unknown> => {
    if (command) server.stdin?.write(`${command}\n`);
    const ready = answers.shift();
    if (ready !== undefined) return Promise.resolve(JSON.parse(ready));
    return new Promise((resolve) => waiting.push((line) => resolve(JSON.parse(line))));
  };
}

/** An `/events` stream; `onEvents(n)` is called with how many video events each chunk completed. */
function subscribe(port: number, onEvents: (n: number) => void): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = get(
      { host: "127.0.0.1", port, path: "/api/stream/events", agent: false },
      (response) => {
        let carry = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          // Count whole event blocks; a block split across chunks counts once it ends.
          const text = carry + chunk;
          const end = text.lastIndexOf("\n\n");
          if (end < 0) {
            carry = text;
            return;
          }
          const n = text.slice(0, end).split("\nevent: video\n").length - 1;
          carry = text.slice(end + 2);
          if (n > 0) onEvents(n);
        });
        resolve(response);
      },
    );
    request.on("error", reject);
  });
}
