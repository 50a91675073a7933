#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EmulatorOptions } from "./options";
import { startEmulator } from "./server";

const HELP = `streamkit-emulator: a local Cloudflare Stream (API, uploads, ffmpeg processing, player, webhooks)

Usage: streamkit-emulator [options]

  --port <n>           port to listen on (default 8787; 0 picks a free one)
  --host <addr>        address to bind (default 127.0.0.1)
  --rtmp-port <n>      port of the RTMP ingest for live inputs (default 1935; 0 picks a free one)
  --live-notify <url>  send live input notifications (Cloudflare Notifications' format) here,
                       with $STREAMKIT_LIVE_NOTIFY_SECRET, if set, in cf-webhook-auth
  --data <dir>         state directory (default .streamkit)
  --token <t>          API token to accept (default: the documented dev token)
  --account-id <id>    32-hex account id (default: the documented dev account)
  --ffmpeg <path|none> ffmpeg binary, or "none" for degraded mode (default: ffmpeg on PATH)
  --concurrency <n>    encodes at once (default 2)
  --public-url <url>   origin clients see, when behind a proxy or port mapping
  --no-samples         do not generate the sample videos at start
  --faults <json|@file> fault injection rules: JSON ({"seed":1,"rules":[...]} or a list of
                       rules), or @path of a JSON file; change them at runtime with
                       GET/PUT/DELETE /__emulator/faults (see the README)
  -h, --help           this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8787" },
      host: { type: "string" },
      "rtmp-port": { type: "string", default: "1935" },
      "live-notify": { type: "string" },
      data: { type: "string", default: ".streamkit" },
      token: { type: "string" },
      "account-id": { type: "string" },
      ffmpeg: { type: "string" },
      concurrency: { type: "string" },
      "public-url": { type: "string" },
      "no-samples": { type: "boolean", default: false },
      faults: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: expected 0..65535, got ${values.port}`);
  const rtmpPort = Number(values["rtmp-port"]);
  if (!Number.isInteger(rtmpPort) || rtmpPort < 0 || rtmpPort > 65535)
    throw new Error(`--rtmp-port: expected 0..65535, got ${values["rtmp-port"]}`);
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  const faults = values.faults === undefined ? undefined : readFaults(values.faults);
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values.data ?? ".streamkit",
    token: values.token,
    accountId: values["account-id"],
    ffmpegPath: values.ffmpeg === "none" ? false : values.ffmpeg,
    publicUrl: values["public-url"],
    samples: !values["no-samples"],
    live: {
      rtmpPort,
      ...(values["live-notify"]
        ? {
            notifications: {
              url: values["live-notify"],
              secret: process.env.STREAMKIT_LIVE_NOTIFY_SECRET,
            },
          }
        : {}),
    },
    ...(faults !== undefined ? { faults } : {}),
    ...(concurrency !== undefined ? { processing: { concurrency } } : {}),
  });
  const lines = [
    "",
    "  streamkit emulator: a local Cloudflare Stream",
    "",
    `  API base         ${emulator.apiBase}`,
    `  account id       ${emulator.accountId}`,
    `  API token        ${emulator.token}`,
    `  delivery origin  ${emulator.deliveryOrigin}`,
    `  player SDK       ${emulator.deliveryOrigin}/embed/sdk.latest.js`,
    `  live ingest      ${emulator.rtmpUrl}<stream key>`,
    `  samples          ${emulator.url}/samples`,
    `  data             ${emulator.dataDir}`,
  ];
  const faultState = emulator.faults.state();
  if (faultState.rules.length > 0) {
    lines.push(
      `  faults           ${faultState.rules.length} rule(s), seed ${faultState.seed}: ${emulator.url}/__emulator/faults`,
    );
  }
  if (emulator.degraded) {
    lines.push(
      "  mode             DEGRADED (no ffmpeg): originals play as is, thumbnails are placeholders",
    );
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    void emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/** `--faults`: inline JSON, or `@file` with JSON in it. startEmulator checks the rules. */
function readFaults(value: string): EmulatorOptions["faults"] {
  const text = value.startsWith("@") ? readFileSync(value.slice(1), "utf8") : value;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `--faults: expected JSON or @file with JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`streamkit-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
