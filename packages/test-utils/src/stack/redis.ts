import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import {
  createRedisEventBus,
  type RedisEventBus,
  type RedisEventBusOptions,
} from "@streamkit/proxy/redis";
import { Redis, type RedisOptions } from "ioredis";

export interface RunningRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** A new ioredis client on this server (closed by `stop`). */
  client(options?: RedisOptions): Redis;
  /**
   * A Redis event bus on a client of its own, as each proxy instance has (closed by `stop`);
   * `client` tunes that connection (a slow `retryStrategy`, say).
   */
  bus(options?: Omit<RedisEventBusOptions, "redis"> & { client?: RedisOptions }): RedisEventBus;
  /** Closes every client connection, as a Redis restart or a failover would. */
  killClients(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real `redis-server` (Debian's, installed by `.ci/run`) on a free loopback port, in memory
 * only (no RDB, no AOF), for the tests of the cross-instance event bus.
 */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const server = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await ready(server, port);
  const url = `redis://127.0.0.1:${port}`;
  const clients = new Set<Redis>();
  const buses = new Set<RedisEventBus>();
  const admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const client = (options?: RedisOptions) => {
    const created = new Redis(url, { maxRetriesPerRequest: 3, ...options });
    clients.add(created);
    return created;
  };
  return {
    url,
    port,
    client,
    bus({ client: clientOptions, ...options } = {}) {
      const created = createRedisEventBus({ ...options, redis: client(clientOptions) });
      buses.add(created);
      return created;
    },
    async killClients() {
      await admin.connect().catch(() => undefined);
      // Every connection but the admin's own, publishers and subscribers alike.
      await admin.call("CLIENT", "KILL", "SKIPME", "yes");
    },
    async stop() {
      for (const bus of buses) await bus.close();
      for (const created of clients) created.disconnect();
      admin.disconnect();
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
    },
  };
}

function ready(server: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        server.stdout?.off("data", onData);
        server.stdout?.resume();
        resolve();
      }
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once("error", (error) =>
      reject(
        new Error(
          `redis-server did not start (is it installed? apt-get install redis-server): ${error.message}`,
        ),
      ),
    );
    server.once("exit", (code) =>
      reject(new Error(`redis-server exited with ${code} before listening on ${port}:\n${output}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
