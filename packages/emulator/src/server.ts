import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { AccountStore } from "./account";
import { createApp } from "./app";
import type { EmulatorContext } from "./context";
import { type FaultConfig, FaultController, type FaultState } from "./faults";
import { LiveNotifications } from "./live/notifications";
import { LiveService } from "./live/service";
import { LiveInputStore } from "./live/store";
import {
  type EmulatorOptions,
  type LiveNotificationTarget,
  liveNotifications,
  resolveOptions,
} from "./options";
import { recoverAudioTracks } from "./processing/audio-tracks";
import { recoverCaptions } from "./processing/captions";
import { recoverDownloads } from "./processing/downloads";
import { locateFfmpeg } from "./processing/ffmpeg";
import { Pipeline } from "./processing/pipeline";
import { JobQueue } from "./processing/queue";
import { Thumbnails } from "./processing/thumbnails";
import { recoverTusUploads } from "./routes/tus";
import { expireDirectUploads } from "./routes/uploads";
import { Samples } from "./samples";
import { VideoStore } from "./store";
import { WatermarkStore } from "./watermarks/store";
import { Webhooks } from "./webhooks";

export interface RunningEmulator {
  /** The server's origin, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Give this to the `cloudflare` SDK as `baseURL` (`<url>/client/v4`). */
  apiBase: string;
  /** Where players, manifests and thumbnails are served (the emulator itself). */
  deliveryOrigin: string;
  /** Where broadcasters push: `rtmp://host:port/live/`, then the input's stream key. */
  rtmpUrl: string;
  accountId: string;
  token: string;
  customerCode: string;
  dataDir: string;
  /** True without ffmpeg: originals play as they are, thumbnails are placeholders. */
  degraded: boolean;
  /** Fault injection, the same as `GET/PUT/DELETE /__emulator/faults`. */
  faults: EmulatorFaults;
  /**
   * Where live input notifications go from now on (`undefined`: nowhere), as
   * `live.notifications` at start; for an app whose receiver's URL is known only once it listens.
   * Throws a TypeError on a URL that is not http(s).
   */
  setLiveNotifications(target: LiveNotificationTarget | undefined): void;
  /** Stops the server and every job; state on disk is complete and consistent afterwards. */
  stop(): Promise<void>;
}

export interface EmulatorFaults {
  /** Replaces the rules (a list, or `{ seed, rules }`); counts restart. Throws on a bad rule. */
  set(config: FaultConfig | FaultConfig["rules"]): FaultState;
  /** Removes every rule; returns the state (counts included) just before. */
  clear(): FaultState;
  /** Rules, counts and the last requests seen. */
  state(): FaultState;
}

const SWEEP_MS = 30_000;

function originFor(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
  return `http://${name.includes(":") ? `[${name}]` : name}:${port}`;
}

/** `scheduledDeletion` that passed, and direct upload URLs that expired unused. */
async function sweep(ctx: EmulatorContext): Promise<void> {
  await sweepScheduledDeletions(ctx);
  await expireDirectUploads(ctx);
}

async function sweepScheduledDeletions(ctx: EmulatorContext): Promise<void> {
  const now = Date.now();
  for (const record of ctx.store.all()) {
    if (record.scheduledDeletion && Date.parse(record.scheduledDeletion) <= now) {
      await ctx.pipeline.cancel(record.uid);
      await ctx.store.delete(record.uid);
      ctx.log(`video ${record.uid} deleted (scheduledDeletion reached)`);
    }
  }
}

/**
 * Starts a local Cloudflare Stream on `host:port` with its state in `dataDir`. Work that was under
 * way when it last stopped (downloads, encodes, webhooks, tus uploads) picks up again.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const opts = resolveOptions(options);
  await mkdir(opts.dataDir, { recursive: true });
  const store = new VideoStore(opts.dataDir);
  const { skipped } = await store.load();
  const account = new AccountStore(opts.dataDir);
  await account.load();
  const watermarks = new WatermarkStore(opts.dataDir);
  const { skipped: skippedWatermarks } = await watermarks.load();
  const liveInputs = new LiveInputStore(opts.dataDir);
  const { skipped: skippedLiveInputs } = await liveInputs.load();
  const tools = await locateFfmpeg(opts.ffmpegPath, opts.ffprobePath);
  const shutdown = new AbortController();
  let origin = opts.publicUrl ?? "";

  // Each service gets the few pieces it uses; they are built in dependency order.
  const base = {
    options: opts,
    store,
    account,
    watermarks,
    tools,
    queue: new JobQueue(opts.processing.concurrency),
    origin: () => origin,
    shutdown: shutdown.signal,
    log: opts.log,
  };
  const webhooks = new Webhooks(base);
  const pipeline = new Pipeline({ ...base, webhooks });
  const notifications = new LiveNotifications(base);
  const ctx: EmulatorContext = {
    ...base,
    webhooks,
    pipeline,
    live: new LiveService({
      inputs: liveInputs,
      store,
      pipeline,
      tools,
      options: opts,
      notifications,
      origin: () => origin,
    }),
    thumbnails: new Thumbnails(base),
    samples: new Samples(base),
    faults: new FaultController(opts.faults, opts.log),
  };

  const app = createApp(ctx);
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
  origin = opts.publicUrl ?? originFor(opts.host, address.port);
  try {
    await ctx.live.start();
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw new Error(
      `the RTMP ingest could not listen on port ${opts.live.rtmpPort}: ${String(error)}`,
    );
  }

  for (const uid of skipped) opts.log(`skipped unreadable video record ${uid}`);
  for (const uid of skippedWatermarks) opts.log(`skipped unreadable watermark profile ${uid}`);
  for (const uid of skippedLiveInputs) opts.log(`skipped unreadable live input ${uid}`);
  if (tools) opts.log(`ffmpeg: ${tools.version}`);
  else {
    opts.log(
      opts.ffmpegPath === false
        ? "degraded mode (ffmpegPath: false): no transcoding; originals play as is, thumbnails are placeholders"
        : "ffmpeg/ffprobe not found: DEGRADED MODE; originals play as is, thumbnails are placeholders (install ffmpeg or pass ffmpegPath)",
    );
  }

  await recoverTusUploads(ctx);
  await ctx.pipeline.recover();
  await recoverDownloads(ctx);
  recoverAudioTracks(ctx);
  recoverCaptions(ctx);
  ctx.webhooks.resumePending();
  await sweep(ctx);
  const sweeper = setInterval(() => void sweep(ctx).catch(() => {}), SWEEP_MS);
  sweeper.unref();
  if (opts.samples) ctx.samples.prepare();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(sweeper);
      shutdown.abort();
      ctx.webhooks.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ("closeAllConnections" in server) server.closeAllConnections();
      await ctx.queue.close();
      await ctx.pipeline.close();
      await ctx.thumbnails.close();
      await ctx.live.stop();
      await closed;
      await store.flush();
      await account.flush();
    })();
    return stopping;
  };

  return {
    url: origin,
    apiBase: `${origin}/client/v4`,
    deliveryOrigin: origin,
    rtmpUrl: ctx.live.urls().rtmp,
    accountId: opts.accountId,
    token: opts.token,
    customerCode: opts.customerCode,
    dataDir: opts.dataDir,
    degraded: tools === undefined,
    faults: {
      set: (config) => ctx.faults.set(config),
      clear: () => ctx.faults.clear(),
      state: () => ctx.faults.state(),
    },
    setLiveNotifications: (target) =>
      notifications.setTarget(liveNotifications(target, "setLiveNotifications: target")),
    stop,
  };
}
