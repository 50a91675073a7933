/**
 * `pnpm dev`: the main job. The emulator, the example dashboard (proxy included) and Storybook,
 * on 127.0.0.1; Ctrl-C stops them all. Ports: EMULATOR_PORT (8787), DASHBOARD_PORT (5173),
 * STORYBOOK_PORT (6006), RTMP_PORT (1935, where broadcasters push to live inputs). The URLs are
 * printed once each of them answers.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { claimPorts } from "./ports";
import { type RunningStack, startStack, usesRealAccount } from "./stack";

const STORYBOOK_READY_MS = 5 * 60_000;
const root = path.resolve(import.meta.dirname, "..");

function startStorybook(port: number): ChildProcess {
  // Storybook's own binary, not through pnpm, so a signal sent to it reaches it; in the same
  // process group, so Ctrl-C in a terminal (or a signal to the group) reaches it directly too.
  return spawn(
    path.join(root, "node_modules/.bin/storybook"),
    ["dev", "--ci", "--quiet", "--port", String(port), "--host", "127.0.0.1"],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: process.env },
  );
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function stopStorybook(child: ChildProcess): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Resolves once Storybook serves its story index; rejects if it exits first. */
async function storybookReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + STORYBOOK_READY_MS;
  while (Date.now() < deadline) {
    if (!running(child))
      throw new Error(
        `Storybook exited (${child.exitCode ?? child.signalCode}) before it was ready`,
      );
    const answered = await fetch(`${url}/index.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Storybook did not answer at ${url} within ${STORYBOOK_READY_MS / 1000} s`);
}

function banner(stack: RunningStack, storybookUrl: string): string {
  const emulator = stack.emulator;
  return [
    "",
    "  streamkit dev",
    "",
    `  Dashboard   ${stack.dashboardUrl}`,
    `  Storybook   ${storybookUrl}`,
    emulator
      ? `  Emulator    ${emulator.url}  (API ${emulator.apiBase}, token ${emulator.token})`
      : "  Stream      your Cloudflare account (STREAM_ACCOUNT_ID)",
    emulator ? `  Live ingest ${emulator.rtmpUrl}<stream key>` : "",
    emulator?.degraded
      ? "  ffmpeg      not found: videos play as uploaded, thumbnails are placeholders"
      : "",
    usesRealAccount() ? "  (real account: nothing is emulated)" : "",
    "",
    "  Ctrl-C stops everything.",
    "",
  ]
    .filter((line, i, all) => line !== "" || all[i - 1] !== "")
    .join("\n");
}

async function main(): Promise<void> {
  const [emulatorPort, dashboardPort, storybookPort, rtmpPort] = await claimPorts([
    { what: "the emulator", variable: "EMULATOR_PORT", fallback: 8787 },
    { what: "the dashboard", variable: "DASHBOARD_PORT", fallback: 5173 },
    { what: "Storybook", variable: "STORYBOOK_PORT", fallback: 6006 },
    { what: "the emulator's RTMP ingest", variable: "RTMP_PORT", fallback: 1935 },
  ]);
  const storybookUrl = `http://127.0.0.1:${storybookPort}`;

  let stack: RunningStack | undefined;
  let storybook: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (storybook) await stopStorybook(storybook);
    await stack?.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(signal, () => void stop(0));
  // Whatever ends this process (short of SIGKILL), Storybook goes with it.
  process.on("exit", () => storybook && running(storybook) && storybook.kill("SIGKILL"));

  try {
    stack = await startStack({ emulatorPort, dashboardPort, rtmpPort });
    console.log(`\n  starting Storybook on ${storybookUrl} …\n`);
    storybook = startStorybook(storybookPort as number);
    const child = storybook;
    child.on("exit", (code) => {
      if (!stopping) console.error(`pnpm dev: Storybook exited (${code ?? child.signalCode})`);
      void stop(code ?? 1);
    });
    await storybookReady(child, storybookUrl);
  } catch (error) {
    console.error(`pnpm dev: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
    return;
  }
  if (!stopping) console.log(banner(stack, storybookUrl));
}

main().catch((error: unknown) => {
  console.error(`pnpm dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
