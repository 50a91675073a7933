import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { FaultConfig, FaultState } from "../faults";
import { json, startTestEmulator, type TestEmulator } from "./helpers";

/** What the fault tests share: one emulator with a pending video, and the admin endpoint. */

export const MiB = 1024 * 1024;
export const ADMIN = "/__emulator/faults";

/** The emulator of the test file that called `serveFaultEmulator`, and a video on it (live bindings). */
export let emu: TestEmulator;
export let uid: string;

/** One emulator per test file, its faults cleared after each test. */
export function serveFaultEmulator(): void {
  beforeAll(async () => {
    emu = await startTestEmulator();
    const created = await json<{ uid: string }>(
      await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60 } }),
    );
    uid = created.body.result.uid;
  });

  afterAll(async () => {
    await emu?.dispose();
  });

  afterEach(() => {
    emu.faults.clear();
  });
}

export function admin(method: string, body?: unknown, token: string | null = emu.token) {
  return fetch(`${emu.url}${ADMIN}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function setFaults(config: FaultConfig | FaultConfig["rules"]): Promise<FaultState> {
  const response = await admin("PUT", config);
  const { status, body } = await json<FaultState>(response);
  expect(status, JSON.stringify(body.errors)).toBe(200);
  return body.result;
}

export async function faultState(): Promise<FaultState> {
  return (await json<FaultState>(await admin("GET"))).body.result;
}

/** One raw HTTP exchange, so a cut answer can be seen byte for byte. */
export function rawGet(url: string): Promise<{
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  error: string | undefined;
}> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let headers: Record<string, string | string[] | undefined> = {};
    const finish = (error?: string) =>
      resolve({ status, headers, body: Buffer.concat(chunks), error });
    const req = httpRequest(
      url,
      { headers: { authorization: `Bearer ${emu.token}`, connection: "close" } },
      (res) => {
        status = res.statusCode;
        headers = res.headers;
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => finish());
        res.on("aborted", () => finish("aborted"));
        res.on("error", (error) => finish(error.message));
      },
    );
    req.on("error", (error) => finish(error.message));
    req.end();
  });
}
