import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "@streamkit/core/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, startTestEmulator, type TestEmulator } from "./helpers";

interface Delivery {
  headers: IncomingHttpHeaders;
  rawBody: string;
  answered: number;
}

let emu: TestEmulator;
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];
/** Status codes to answer, in order; 200 once they run out. */
const script: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const answered = script.shift() ?? 200;
      deliveries.push({
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
        answered,
      });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stream`;
  emu = await startTestEmulator({ webhooks: { retryDelaysMs: [100, 100], timeoutMs: 2000 } });
});

afterAll(async () => {
  await emu?.dispose();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** §4.2 with node:crypto, independently of the emulator's and core's code. */
function verifyByHand(secret: string, rawBody: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const time = Number(parts.time);
  if (!Number.isFinite(time) || Math.abs(Date.now() / 1000 - time) > 300) return false;
  const expected = Buffer.from(
    createHmac("sha256", secret).update(`${parts.time}.${rawBody}`).digest("hex"),
  );
  const got = Buffer.from(parts.sig1 ?? "");
  return got.length === expected.length && timingSafeEqual(got, expected);
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`condition not met in time; log:\n${emu.logs.join("\n")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("webhooks", () => {
  it("posts the bare video, signed as Cloudflare signs, and retries a failed delivery", async () => {
    const { body } = await json<{ secret: string }>(
      await emu.api("/webhook", { method: "PUT", body: { notificationUrl: receiverUrl } }),
    );
    const secret = body.result.secret;
    script.push(500); // the first attempt fails
    const created = await json<VideoJson>(
      await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/tiny.mp4` } }),
    );
    const uid = created.body.result.uid ?? "";
    await emu.waitFor(uid, isTerminal);
    await until(() => deliveries.filter((d) => d.answered === 200).length >= 1);

    expect(deliveries.map((d) => d.answered)).toEqual([500, 200]);
    for (const delivery of deliveries) {
      const header = String(delivery.headers["webhook-signature"]);
      expect(header).toMatch(/^time=\d+,sig1=[0-9a-f]{64}$/);
      expect(delivery.headers["content-type"]).toBe("application/json");
      expect(await verifyWebhook(secret, delivery.rawBody, header)).toMatchObject({ ok: true });
      expect(verifyByHand(secret, delivery.rawBody, header)).toBe(true);
      expect(verifyByHand("0".repeat(32), delivery.rawBody, header)).toBe(false);
      expect(await verifyWebhook(secret, `${delivery.rawBody} `, header)).toMatchObject({
        ok: false,
        reason: "mismatch",
      });
    }
    const video = JSON.parse(deliveries[1]?.rawBody ?? "{}") as VideoJson & { result?: unknown };
    expect(video.result).toBeUndefined(); // no envelope
    expect(video.uid).toBe(uid);
    expect(video.status?.state).toBe("ready");
    expect(video.readyToStream).toBe(true);
  });

  it("notifies errors too", async () => {
    deliveries.length = 0;
    const created = await json<VideoJson>(
      await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/missing.mp4` } }),
    );
    await until(() => deliveries.length >= 1);
    const video = JSON.parse(deliveries[0]?.rawBody ?? "{}") as VideoJson;
    expect(video.uid).toBe(created.body.result.uid);
    expect(video.status).toMatchObject({
      state: "error",
      errorReasonCode: "ERR_FETCH_ORIGIN_ERROR",
    });
  });

  it("gives up after the configured retries", async () => {
    await emu.api("/webhook", {
      method: "PUT",
      body: { notificationUrl: "http://127.0.0.1:9/unreachable" },
    });
    const created = await json<VideoJson>(
      await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/tiny.mp4` } }),
    );
    const uid = created.body.result.uid ?? "";
    await emu.waitFor(uid, isTerminal);
    await until(() =>
      emu.logs.some((l) => l.includes(`webhook for ${uid} dropped after 3 attempts`)),
    );
  });
});
