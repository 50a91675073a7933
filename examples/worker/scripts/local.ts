import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { Miniflare, type WorkerOptions } from "miniflare";

/**
 * The Worker on this machine without wrangler (wrangler 4 needs Node ≥ 22; this runs on Node 20):
 * esbuild bundles it from the packages' sources, and Miniflare 3 runs the bundle in workerd, the
 * runtime Cloudflare deploys it to, with the settings of wrangler.jsonc. `scripts/dev.ts` and the
 * tests in integration/workerd both start it this way.
 */

export const WORKER_DIR = path.resolve(import.meta.dirname, "..");

/** The parts of wrangler.jsonc this runner reads. */
export interface WranglerConfig {
  name: string;
  main: string;
  compatibility_date: string;
  compatibility_flags?: string[];
  vars?: Record<string, string>;
  durable_objects?: { bindings: { name: string; class_name: string }[] };
  migrations?: { tag: string; new_sqlite_classes?: string[]; new_classes?: string[] }[];
}

/** wrangler.jsonc, read as JSON once its whole-line `//` comments are dropped. */
export function readWranglerConfig(file = path.join(WORKER_DIR, "wrangler.jsonc")): WranglerConfig {
  const text = readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
  return JSON.parse(text) as WranglerConfig;
}

/**
 * One ES module with everything in it, as wrangler would upload: workspace packages come from
 * their TypeScript sources (the `@streamkit/source` condition), so nothing needs building first.
 * `platform: "browser"` with the `workerd` and `worker` conditions, as wrangler resolves; a
 * `node:` import would fail the build here, which is the point: the proxy must not need one.
 */
export async function bundleWorker(entry = path.join(WORKER_DIR, "src/index.ts")): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["@streamkit/source", "workerd", "worker"],
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  return output.text;
}

export interface LocalWorker {
  /** The name Miniflare knows it by (and `getDurableObjectNamespace` takes). */
  name: string;
  bindings: Record<string, string>;
  /** The class bound as STREAM_EVENTS, when it is not wrangler.jsonc's. */
  eventsClass?: string;
  /** Another worker of the same Miniflare whose Durable Object this one binds, as two deployments of one script share theirs. */
  eventsFrom?: string;
}

/**
 * Miniflare options for `script` under wrangler.jsonc's settings: each worker its own isolate,
 * listening on its own loopback port (read them with `mf.unsafeGetDirectURL(name)`).
 */
export function workerOptions(
  config: WranglerConfig,
  script: string,
  worker: LocalWorker,
): WorkerOptions {
  const sqlite = new Set(config.migrations?.flatMap((m) => m.new_sqlite_classes ?? []) ?? []);
  const durableObjects = Object.fromEntries(
    (config.durable_objects?.bindings ?? []).map(({ name, class_name }) => {
      const className = worker.eventsClass ?? class_name;
      return [
        name,
        worker.eventsFrom
          ? { className, scriptName: worker.eventsFrom }
          : { className, useSQLite: sqlite.has(class_name) },
      ];
    }),
  );
  return {
    name: worker.name,
    modules: true,
    script,
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags ?? [],
    bindings: { ...config.vars, ...worker.bindings },
    durableObjects,
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
  };
}

export { Miniflare };
