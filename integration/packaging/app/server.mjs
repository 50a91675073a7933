// The packed emulator and proxy behind the built app, on loopback: prints one JSON line with the
// app's URL and the emulator's, then serves until it is killed.
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator } from "@streamkit/emulator";
import { createStreamProxy } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";

const emulator = await startEmulator({
  port: 0,
  dataDir: await mkdtemp(path.join(tmpdir(), "streamkit-packed-")),
  samples: false,
  log: false,
  processing: { ladder: [144, 72], preset: "ultrafast" },
});
const proxy = toNodeHandler(
  createStreamProxy({
    accountId: emulator.accountId,
    apiToken: emulator.token,
    upstream: emulator.apiBase,
    basePath: "/api/stream",
  }),
);
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const server = createServer(async (req, res) => {
  if (req.url?.startsWith("/api/stream")) return proxy(req, res);
  const file = new URL(req.url ?? "/", "http://x").pathname;
  const target = path.join("dist", file === "/" ? "index.html" : path.normalize(file));
  try {
    const body = await readFile(target);
    res.writeHead(200, {
      "content-type": types[path.extname(target)] ?? "application/octet-stream",
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, emulator: emulator.url }));
});
const stop = async () => {
  server.close();
  await emulator.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
