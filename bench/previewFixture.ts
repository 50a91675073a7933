import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { build, type Connect, defaultClientConditions, type PreviewServer, preview } from "vite";

export interface PreviewedFixture {
  /** The page's origin with a trailing slash: `http://127.0.0.1:<port>/`. */
  url: string;
  close(): Promise<void>;
}

export interface PreviewFixtureOptions {
  /**
   * Runs before the built files are served, e.g. a Stream proxy on `/api/stream`, so the page and
   * its backend share an origin, as in e2e's `serveFixture`.
   */
  middleware?: Connect.NextHandleFunction;
  /**
   * A multi-page build: each `<page>.html` of the fixture is an entry of its own, so each page
   * loads only its own code (the shared modules are common chunks). Default: `index.html`.
   */
  pages?: readonly string[];
}

/**
 * Builds `bench/fixtures/<name>` (its index.html, or `pages`) for production and serves it with
 * `vite preview`: timings are then React's production build and bundled modules, what a visitor
 * gets, not a dev server transforming each module on request with React's dev checks. The
 * packages are read from source (the `@streamkit/source` condition), so no `pnpm build` first.
 */
export async function previewFixture(
  name: string,
  { middleware, pages }: PreviewFixtureOptions = {},
): Promise<PreviewedFixture> {
  const root = path.join(import.meta.dirname, "fixtures", name);
  // Not bench/.tmp: `pnpm bench` reads every file there as figures.
  const outDir = path.join(import.meta.dirname, "../node_modules/.cache/streamkit-bench", name);
  const shared = {
    root,
    configFile: false as const,
    mode: "production",
    logLevel: "warn" as const,
    cacheDir: `${outDir}-vite`,
  };
  // Vite and the React plugin read NODE_ENV, not only `mode`: a shell's NODE_ENV=test gives
  // development JSX (jsxDEV) against React's production build.
  const shellEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      ...shared,
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
      resolve: { conditions: ["@streamkit/source", ...defaultClientConditions] },
      plugins: [(await import("@vitejs/plugin-react")).default()],
      build: {
        outDir,
        emptyOutDir: true,
        // hls.js alone is 570 KB minified, a lazy chunk; the warning says nothing here.
        chunkSizeWarningLimit: 1024,
        // A CPU profile (STREAMKIT_BENCH_PROFILE) is read by function name.
        ...(process.env.STREAMKIT_BENCH_PROFILE && { minify: false }),
        ...(pages && {
          rolldownOptions: {
            input: Object.fromEntries(pages.map((page) => [page, path.join(root, `${page}.html`)])),
          },
        }),
      },
    });
  } finally {
    if (shellEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = shellEnv;
  }
  const assets = path.join(outDir, "assets");
  for (const file of (await readdir(assets)).filter((f) => f.endsWith(".js"))) {
    if ((await readFile(path.join(assets, file), "utf8")).includes("jsxDEV"))
      throw new Error(`previewFixture(${name}): ${file} has development JSX`);
  }

  const server: PreviewServer = await preview({
    ...shared,
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", strictPort: false },
    plugins: middleware
      ? [
          {
            name: "bench-middleware",
            configurePreviewServer(previewServer) {
              previewServer.middlewares.use(middleware);
            },
          },
        ]
      : [],
  });
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
