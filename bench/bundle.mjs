// Bundle weight, min+gzip, measured one way for every entry: esbuild bundles a one-line module
// that imports the entry, minifies it with code splitting on, as an app's bundler would, and
// gzip -9 measures each chunk. A figure is what a page loads up front: the entry chunk and the
// chunks it imports statically. Chunks reached only through `import()` load later and are
// reported apart (`player.deferred`: StreamPlayer's SDK bridge, loaded once an iframe exists).
// Peers (react, react-dom, @tanstack/*) are external; so are sibling @streamkit packages, so each
// figure is that package's own code. `player.total` adds the core and hooks code StreamPlayer
// pulls in.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const peers = [
  "react",
  "react-dom",
  "react/jsx-runtime",
  "@tanstack/react-query",
  "@tanstack/query-core",
];
const siblings = ["@streamkit/core", "@streamkit/hooks", "@streamkit/ui"];
// Dependencies, not our code, each loaded only when needed (a dynamic import): tus-js-client when
// a tus upload starts, hls.js when StreamVideo plays where the browser has no HLS of its own,
// TanStack Virtual when a VideoTable or VideoGrid holds more than a page.
const dependencies = ["tus-js-client", "hls.js", "@tanstack/virtual-core"];

/**
 * Bundles `contents`; `own` is the package being measured, the only sibling not left external.
 * Returns the gzipped bytes loaded up front (`initial`) and those behind a dynamic import.
 */
async function measureChunks(contents, { own, external, resolveDir = root } = {}) {
  external ??= [...peers, ...dependencies, ...siblings.filter((s) => s !== own)];
  const outdir = path.join(root, "bench/.bundle"); // never written: `write: false`
  const result = await build({
    stdin: { contents, resolveDir, loader: "tsx" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["@streamkit/source"],
    jsx: "automatic",
    external,
    splitting: true,
    outdir,
    absWorkingDir: root,
    metafile: true,
    write: false,
    logLevel: "silent",
    // The source condition points at TypeScript; esbuild compiles it as vite would.
    loader: { ".ts": "ts", ".tsx": "tsx" },
  });
  const gzipped = new Map(
    result.outputFiles.map((file) => [
      path.relative(root, file.path),
      gzipSync(file.contents, { level: 9 }).length,
    ]),
  );
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint !== undefined);
  // The entry chunk and, transitively, every chunk it imports statically.
  const initial = new Set([entry]);
  for (const file of initial) {
    for (const imported of outputs[file].imports) {
      if (!imported.external && imported.kind === "import-statement") initial.add(imported.path);
    }
  }
  let up = 0;
  let later = 0;
  for (const [file, size] of gzipped) {
    if (initial.has(file)) up += size;
    else later += size;
  }
  return { initial: up, deferred: later };
}

/** What a page loads up front for `contents`, in gzipped bytes. */
async function measure(contents, options) {
  return (await measureChunks(contents, options)).initial;
}

/** Every entry of a package at once (`@streamkit/ui` and its subpaths): what an app using all of it pays. */
function allEntries(name) {
  const dir = path.join(root, "packages", name.split("/")[1]);
  const { exports } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const entries = Object.keys(exports).filter((key) => !/\.(json|css)$/.test(key));
  return entries.map((key, i) => `export * as e${i} from "${name}${key.slice(1)}";`).join("\n");
}

export async function bundleSizes() {
  // Every file the one stylesheet imports, so a new part is weighed as soon as it is added.
  const sheet = readFileSync(path.join(root, "packages/ui/src/styles.css"), "utf8");
  const cssFiles = [...sheet.matchAll(/@import "\.\/styles\/([\w-]+)\.css";/g)].map((m) =>
    readFileSync(path.join(root, "packages/ui/src/styles", `${m[1]}.css`), "utf8"),
  );
  const minifyCss = (contents) =>
    build({ stdin: { contents, loader: "css" }, minify: true, write: false, logLevel: "silent" });
  const css = await minifyCss(cssFiles.join("\n"));
  // `@streamkit/ui/live.css`, a sheet of its own beside the one stylesheet.
  const liveCss = await minifyCss(
    readFileSync(path.join(root, "packages/ui/src/live.css"), "utf8"),
  );
  const streamReactDir = path.join(root, "packages/ui");
  const player = await measureChunks(`export { StreamPlayer } from "@streamkit/ui";`, {
    own: "@streamkit/ui",
  });
  const video = await measureChunks(`export * from "@streamkit/ui/video";`, {
    own: "@streamkit/ui",
  });
  const windowing = await measureChunks(`export { VideoTable } from "@streamkit/ui";`, {
    own: "@streamkit/ui",
    external: [
      ...peers,
      "tus-js-client",
      "hls.js",
      ...siblings.filter((s) => s !== "@streamkit/ui"),
    ],
  });
  // The same with hls.js bundled in: what a browser without HLS of its own loads in all, once
  // a StreamVideo plays (hls.js and the engine are a chunk fetched then).
  const videoWithHls = await measureChunks(`export * from "@streamkit/ui/video";`, {
    own: "@streamkit/ui",
    external: [...peers, "tus-js-client", ...siblings.filter((s) => s !== "@streamkit/ui")],
  });
  return {
    "bundle.core": await measure(`export * from "@streamkit/core";`, { own: "@streamkit/core" }),
    "bundle.hooks": await measure(`export * from "@streamkit/hooks";`, { own: "@streamkit/hooks" }),
    "bundle.hooksLibrary": await measure(`export * from "@streamkit/hooks/library";`, {
      own: "@streamkit/hooks",
    }),
    "bundle.ui": await measure(`export * from "@streamkit/ui";`, { own: "@streamkit/ui" }),
    // With what it shares with the main entry (StreamPlayer, the messages, the panels' shell).
    "bundle.uiLive": await measure(`export * from "@streamkit/ui/live";`, {
      own: "@streamkit/ui",
    }),
    // StreamVideo with the player parts it shares (box, poster, status, tokens); its hls.js
    // engine is fetched with hls.js, and only where the browser has no HLS of its own.
    "bundle.uiVideo": video.initial,
    "bundle.uiVideoHlsChunk": videoWithHls.deferred,
    "bundle.uiVideoWithHls": videoWithHls.initial + videoWithHls.deferred,
    "bundle.coreAll": await measure(allEntries("@streamkit/core"), { own: "@streamkit/core" }),
    "bundle.hooksAll": await measure(allEntries("@streamkit/hooks"), { own: "@streamkit/hooks" }),
    "bundle.uiAll": await measure(allEntries("@streamkit/ui"), { own: "@streamkit/ui" }),
    "bundle.player": player.initial,
    "bundle.playerDeferred": player.deferred,
    "bundle.playerTotal": await measure(`export { StreamPlayer } from "@streamkit/ui";`, {
      external: peers,
    }),
    "bundle.css": gzipSync(css.outputFiles[0].contents, { level: 9 }).length,
    "bundle.liveCss": gzipSync(liveCss.outputFiles[0].contents, { level: 9 }).length,
    // What a library bigger than a page fetches once: the windowing chunk with TanStack Virtual.
    "bundle.uiWindowing": windowing.deferred,
    "bundle.streamReact": await measure(`export { Stream } from "@cloudflare/stream-react";`, {
      external: peers,
      resolveDir: streamReactDir,
    }),
  };
}

/** Budgets in bytes, checked by `pnpm test` (bench/budgets.test.ts). */
export const BUDGETS = {
  // Was 6 KiB (6,012 B used). #15 moved the retry policy here from hooks (+220 B, hooks -79 B)
  // and made the client check watermark and publicDetails before any request (+160 B): 6,393 B.
  // Both are wanted on the main entry (the client and the poller use them), so the budget
  // follows; field lists and upload-settings checks stay on `@streamkit/core/requests`.
  "bundle.core": 6.5 * 1024,
  "bundle.hooks": 4 * 1024,
  // Includes the provider context and list options it shares with the main entry (~1.8 KB).
  "bundle.hooksLibrary": 2.5 * 1024,
  // Was 3.5 KiB (3,560 B used). The poster names its frame (thumbnailTimestampPct as `time`) so
  // a new choice is a new URL instead of an hour of the old frame from cache (#21): 3,626 B.
  // Was 3.625 KiB (3,628 B used). #19 made the poster box, its status overlays, the status and
  // token watching, the delivery config and the playability rules shared parts (functions and a
  // component with named props, in modules of their own) so StreamVideo reuses them instead of
  // copying them: 3,834 B. The budget follows, once, for that reuse.
  "bundle.player": 3.75 * 1024,
  // Was 16 KiB (16,380 B used); the same shared player parts: 16,601 B.
  // Was 16.25 KiB (16,620 B used). #20 windows VideoTable's and VideoGrid's rows: TanStack
  // Virtual and our code around it are a chunk fetched only for a library bigger than a page
  // (`bundle.uiWindowing`, 11 KB), but what decides to fetch it, the spacers, the measured rows
  // and the rows' ARIA positions are on the entry: 17,229 B. The budget follows for that, once.
  "bundle.ui": 16.875 * 1024,
  // `@streamkit/ui/live` (#16) with what it shares with the main entry, StreamPlayer among
  // them: 11,809 B. A subpath so the main entry, at its budget, does not grow for live video.
  "bundle.uiLive": 12 * 1024,
  // `@streamkit/ui/video` (#19): StreamVideo with the player parts it shares, 4,900 B up front;
  // hls.js (external, a dependency) and the engine that drives it load only where needed.
  "bundle.uiVideo": 5 * 1024,
  "bundle.css": 4 * 1024,
  // `@streamkit/ui/live.css` (843 B): a sheet of its own, since styles.css had 274 B left.
  "bundle.liveCss": 1024,
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await bundleSizes());
}
