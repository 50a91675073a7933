import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import {
  type Connect,
  createServer as createViteServer,
  defaultClientConditions,
  type ViteDevServer,
} from "vite";
import { type RunningEmulator, startEmulator } from "../packages/emulator/src/index";
import { createStreamProxy } from "../packages/proxy/src/index";
import { toNodeHandler } from "../packages/proxy/src/node";

export interface TestEmulator {
  emulator: RunningEmulator;
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Copies a sample and waits until it is ready; returns its uid. */
  readyVideo(sample?: string): Promise<string>;
  stop(): Promise<void>;
}

/** A real emulator on a free loopback port with a throwaway data folder. */
export async function startTestEmulator(): Promise<TestEmulator> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-e2e-"));
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    samples: false,
    log: false,
    processing: { ladder: [360, 180], preset: "ultrafast" },
  });
  const base = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${base}${p}`, {
      ...init,
      headers: {
        authorization: `Bearer ${emulator.token}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });
  return {
    emulator,
    api,
    async readyVideo(sample = "testsrc2-6s") {
      const created = await api("/copy", {
        method: "POST",
        body: JSON.stringify({
          input: `${emulator.url}/samples/${sample}.mp4`,
          meta: { name: sample },
        }),
      });
      const uid = ((await created.json()) as { result: { uid: string } }).result.uid;
      await expect
        .poll(
          async () =>
            ((await (await api(`/${uid}`)).json()) as { result: { status: { state: string } } })
              .result.status.state,
          { timeout: 90_000, intervals: [250] },
        )
        .toBe("ready");
      return uid;
    },
    async stop() {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The page's backend: the reference proxy in front of `emulator`, answering `/api/stream` on the
 * page's own origin (a `middleware` for `serveFixture` or the bench's `previewFixture`).
 */
export function proxyOnPage(emulator: RunningEmulator): Connect.NextHandleFunction {
  const api = toNodeHandler(
    createStreamProxy({
      accountId: emulator.accountId,
      apiToken: emulator.token,
      upstream: emulator.apiBase,
      basePath: "/api/stream",
    }),
  );
  return (req, res, next) => (req.url?.startsWith("/api/stream") ? api(req, res) : next());
}

export interface FixtureOptions {
  /**
   * Runs before Vite's own middlewares, e.g. a Stream proxy on `/api/stream`, so the page and its
   * backend share an origin: `proxyOnPage(emulator)`.
   */
  middleware?: Connect.NextHandleFunction;
}

/** Serves a fixture page folder with Vite, reading workspace packages from source. */
export async function serveFixture(
  folder: string,
  { middleware }: FixtureOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server: ViteDevServer = await createViteServer({
    root: path.join(import.meta.dirname, "fixtures", folder),
    configFile: false,
    // One dependency cache per fixture: two servers sharing one invalidate each other's bundles.
    cacheDir: path.join(
      import.meta.dirname,
      "../node_modules/.vite/fixtures",
      path.basename(folder),
    ),
    logLevel: "error",
    resolve: { conditions: ["@streamkit/source", ...defaultClientConditions] },
    server: { port: 0, host: "127.0.0.1" },
    plugins: [
      (await import("@vitejs/plugin-react")).default(),
      ...(middleware
        ? [
            {
              name: "fixture-middleware",
              configureServer: (vite: ViteDevServer) => {
                vite.middlewares.use(middleware);
              },
            },
          ]
        : []),
    ],
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/**
 * Sums every layout shift not caused by input, from the first paint on, as the CLS metric does.
 * Call before `page.goto`; the returned function reads the sum so far.
 */
export async function observeLayoutShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { cls: number }).cls);
}
