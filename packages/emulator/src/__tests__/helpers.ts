import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EmulatorOptions } from "../options";
import type { VideoJson } from "../records";
import { type RunningEmulator, startEmulator } from "../server";

export interface TestEmulator extends RunningEmulator {
  /** `<apiBase>/accounts/<id>/stream` */
  stream: string;
  logs: string[];
  /** fetch with the bearer token; JSON bodies are serialised. */
  api(
    pathname: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Polls GET /stream/<uid> until `until` holds. */
  waitFor(
    uid: string,
    until: (video: VideoJson) => boolean,
    timeoutMs?: number,
  ): Promise<VideoJson>;
  /** Stops it and removes its data directory (unless `keepData`). */
  dispose(keepData?: boolean): Promise<void>;
}

export const FAST_PROCESSING = { ladder: [144, 72], preset: "ultrafast", captionDelayMs: 200 };

export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "streamkit-emulator-test-"));
}

/** Starts an emulator on a free port with a temp data dir and fast, small processing. */
export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const logs: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    samples: false,
    log: (line) => logs.push(line),
    ...options,
    processing: { ...FAST_PROCESSING, ...options.processing },
    dataDir,
  });
  const stream = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
  const api: TestEmulator["api"] = (pathname, init = {}) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${emulator.token}`,
      ...init.headers,
    };
    let body: BodyInit | undefined;
    if (init.body instanceof FormData || typeof init.body === "string") body = init.body;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers["content-type"] = "application/json";
    }
    return fetch(`${stream}${pathname}`, { method: init.method ?? "GET", headers, body });
  };
  const waitFor: TestEmulator["waitFor"] = async (uid, until, timeoutMs = 45_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: VideoJson | undefined;
    while (Date.now() < deadline) {
      const response = await api(`/${uid}`);
      last = ((await response.json()) as { result: VideoJson }).result;
      if (until(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `timed out waiting for ${uid}; last status ${JSON.stringify(last?.status)}\n${logs.join("\n")}`,
    );
  };
  return {
    ...emulator,
    stream,
    logs,
    api,
    waitFor,
    dispose: async (keepData = false) => {
      await emulator.stop();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const isTerminal = (video: VideoJson) =>
  video.status?.state === "ready" || video.status?.state === "error";

export interface Envelope<T> {
  result: T;
  success: boolean;
  errors: Array<{ code: number; message: string }>;
  messages: unknown[];
  range?: number;
  total?: number;
}

export async function json<T = unknown>(
  response: Response,
): Promise<{ status: number; body: Envelope<T> }> {
  return { status: response.status, body: (await response.json()) as Envelope<T> };
}
