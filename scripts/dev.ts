/**
 * `pnpm dev`: the main job. The emulator, the example dashboard (proxy included) and Storybook,
 * on 127.0.0.1; Ctrl-C stops them all. Ports: EMULATOR_PORT (8787), DASHBOARD_PORT (5173),
 * STORYBOOK_PORT (6006).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { startStack, usesRealAccount } from "./stack";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const stack = await startStack({
    emulatorPort: port("EMULATOR_PORT", 8787),
    dashboardPort: port("DASHBOARD_PORT", 5173),
  });
  const storybookPort = port("STORYBOOK_PORT", 6006);
  const storybook: ChildProcess = spawn(
    "pnpm",
    [
      "exec",
      "storybook",
      "dev",
      "--ci",
      "--quiet",
      "--port",
      String(storybookPort),
      "--host",
      "127.0.0.1",
    ],
    { stdio: ["ignore", "inherit", "inherit"], env: process.env },
  );

  const emulator = stack.emulator;
  console.log(
    [
      "",
      "  streamkit dev",
      "",
      `  Dashboard   ${stack.dashboardUrl}`,
      `  Storybook   http://127.0.0.1:${storybookPort}`,
      emulator
        ? `  Emulator    ${emulator.url}  (API ${emulator.apiBase}, token ${emulator.token})`
        : "  Stream      your Cloudflare account (STREAM_ACCOUNT_ID)",
      emulator?.degraded
        ? "  ffmpeg      not found: videos play as uploaded, thumbnails are placeholders"
        : "",
      "",
      "  Ctrl-C stops everything.",
      "",
    ]
      .filter((line, i, all) => line !== "" || all[i - 1] !== "")
      .join("\n"),
  );
  if (usesRealAccount()) console.log("  (real account: nothing is emulated)\n");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    storybook.kill("SIGTERM");
    await stack.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  storybook.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`pnpm dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
