import { connect, createServer, type Server } from "node:net";

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

export interface Relay {
  port: number;
  /** Connections cut so far. */
  cuts: number;
  /** Points the relay at its target (the emulator starts after the relay, to learn its URL). */
  target: number;
  /** Drops every connection, open or new, until called with false: the network is gone. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP relay that breaks connections: the first `cuts` connections that carry more
 * than `cutAfterBytes` towards the server are destroyed on both sides, mid-request, as a
 * dropped Wi-Fi would. Everything else is passed through with backpressure.
 */
export async function startRelay({
  cutAfterBytes,
  cuts,
}: {
  cutAfterBytes: number;
  cuts: number;
}): Promise<Relay> {
  const sockets = new Set<{ destroy(): void }>();
  let down = false;
  const relay: Relay = {
    port: 0,
    cuts: 0,
    target: 0,
    setDown(value) {
      down = value;
      if (down) for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(relay.target, "127.0.0.1");
    sockets.add(client);
    sockets.add(upstream);
    let carried = 0;
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("data", (chunk: Buffer) => {
      carried += chunk.length;
      if (relay.cuts < cuts && carried > cutAfterBytes) {
        relay.cuts += 1;
        drop();
        return;
      }
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once("drain", () => client.resume());
      }
    });
    upstream.pipe(client);
    client.on("end", () => upstream.end());
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
  });
  relay.port = await listen(server);
  return relay;
}
