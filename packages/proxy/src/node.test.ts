import { request as httpRequest, type IncomingMessage } from "node:http";
import { signWebhook } from "@streamkit/core/webhooks";
import { type FakeUpstream, startFakeUpstream } from "@streamkit/test-utils/upstream";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createMemoryEventBus } from "./index";
import { expressHandler, toNodeHandler } from "./node";
import { proxyFor } from "./test/helpers";
import { listen, rawRequest } from "./test/http";

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
});

describe("toNodeHandler", () => {
  it("serves the proxy on Node's http server", async () => {
    const video = fake.addVideo();
    const app = await listen(toNodeHandler(proxyFor(fake)));
    try {
      const answer = await rawRequest(app.origin, "POST", `/api/stream/${video.uid}`, {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ meta: { name: "via node" } }),
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({
        success: true,
        result: { meta: { name: "via node" } },
      });
      expect(answer.headers["content-type"]).toBe("application/json");
      expect(answer.body).not.toContain(fake.token);
    } finally {
      await app.close();
    }
  });

  it("streams a request body through and the response back, chunk by chunk, without buffering", async () => {
    // An echo handler: each chunk must come back before the next one is sent, which only works
    // when neither the request nor the response is buffered by the adapter.
    const app = await listen(
      toNodeHandler(async (request) => new Response(request.body, { status: 200 })),
    );
    try {
      const { hostname, port } = new URL(app.origin);
      const received = await new Promise<string[]>((resolve, reject) => {
        const echoes: string[] = [];
        let sent = 0;
        const req = httpRequest({
          hostname,
          port,
          method: "POST",
          path: "/echo",
          headers: { "transfer-encoding": "chunked" },
        });
        const sendNext = () => {
          if (sent === 5) req.end();
          else req.write(`chunk-${sent++};`);
        };
        req.on("response", (res: IncomingMessage) => {
          res.on("data", (data: Buffer) => {
            echoes.push(data.toString());
            sendNext();
          });
          res.on("end", () => resolve(echoes));
        });
        req.on("error", reject);
        sendNext();
        req.flushHeaders();
      });
      expect(received.join("")).toBe("chunk-0;chunk-1;chunk-2;chunk-3;chunk-4;");
      expect(received.length).toBeGreaterThanOrEqual(5);
    } finally {
      await app.close();
    }
  });

  it("streams a large caption upload to the API", async () => {
    const video = fake.addVideo();
    const app = await listen(toNodeHandler(proxyFor(fake)));
    try {
      const cue = "00:00.000 --> 00:01.000\nhello\n\n";
      const file = `WEBVTT\n\n${cue.repeat(60_000)}`;
      const boundary = "----streamkit";
      const body = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="en.vtt"\r\ncontent-type: text/vtt\r\n\r\n${file}\r\n--${boundary}--\r\n`;
      const answer = await rawRequest(app.origin, "PUT", `/api/stream/${video.uid}/captions/en`, {
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
      });
      expect(answer.status).toBe(200);
      expect(fake.requests.at(-1)?.body.length).toBe(Buffer.byteLength(body));
    } finally {
      await app.close();
    }
  });

  it("answers 413 to an oversized chunked body instead of dropping the connection", async () => {
    const app = await listen(toNodeHandler(proxyFor(fake, { limits: { jsonBytes: 1024 } })));
    try {
      const { hostname, port } = new URL(app.origin);
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({
          hostname,
          port,
          method: "POST",
          path: "/api/stream/copy",
          headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        });
        req.on("response", (res: IncomingMessage) => {
          let body = "";
          res.on("data", (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        for (let i = 0; i < 8; i++) req.write("x".repeat(512));
        req.end();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).errors[0].message).toContain("limits.jsonBytes");
      expect(fake.requests).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it("refuses traversal in the raw path before the URL parser can resolve it", async () => {
    const app = await listen(toNodeHandler(proxyFor(fake)));
    try {
      for (const path of [
        "/api/stream/../keys",
        "/api/stream/%2e%2e/keys",
        "/api/stream/%2e%2e%2fkeys",
        "/api/stream/%252e%252e/keys",
        "/api/stream/..\\keys",
        "/api/stream/./events",
      ]) {
        const answer = await rawRequest(app.origin, "GET", path);
        expect(answer.status, path).toBe(400);
        const body = JSON.parse(answer.body) as {
          success: boolean;
          errors: { code: number; message: string }[];
        };
        expect(body.success).toBe(false);
        expect(body.errors[0]?.message).toMatch(/^Invalid path: /);
      }
      expect(fake.requests).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it("delivers webhooks over SSE and unsubscribes when the browser disconnects", async () => {
    const bus = createMemoryEventBus();
    const secret = "s3cret";
    const proxy = proxyFor(fake, { webhookSecret: secret, events: bus, sse: { heartbeatMs: 50 } });
    const api = await listen(toNodeHandler(proxy));
    const hook = await listen(toNodeHandler(proxy.handleWebhook));
    try {
      const { hostname, port } = new URL(api.origin);
      const got = new Promise<{ text: string; destroy: () => void }>((resolve, reject) => {
        const req = httpRequest({ hostname, port, path: "/api/stream/events" }, (res) => {
          expect(res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
          let text = "";
          res.on("data", (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes("event: video")) resolve({ text, destroy: () => req.destroy() });
          });
        });
        req.on("error", reject);
        req.end();
      });
      await vi.waitFor(() => expect(bus.size).toBe(1));
      const body = JSON.stringify({
        uid: "6b9e68b07dfee8cc2d116e4c51d6a957",
        status: { state: "ready" },
      });
      const accepted = await rawRequest(hook.origin, "POST", "/", {
        headers: {
          "content-type": "application/json",
          "webhook-signature": await signWebhook(secret, body),
        },
        body,
      });
      expect(accepted.status).toBe(200);
      const { text, destroy } = await got;
      expect(text).toContain(`data: ${body}\n\n`);
      destroy();
      await vi.waitFor(() => expect(bus.size).toBe(0));
    } finally {
      await Promise.all([api.close(), hook.close()]);
    }
  });

  it("answers 500 with an envelope when the handler throws", async () => {
    const errors: unknown[] = [];
    const app = await listen(
      toNodeHandler(
        () => {
          throw new Error("boom");
        },
        { onError: (error) => errors.push(error) },
      ),
    );
    try {
      const answer = await rawRequest(app.origin, "GET", "/x");
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toMatchObject({ success: false, errors: [{ code: 9500 }] });
      expect(errors).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

describe("expressHandler", () => {
  it("works mounted on a path, and with a body parser in front of it", async () => {
    const video = fake.addVideo();
    const app = express();
    app.use("/api/stream", express.json(), expressHandler(proxyFor(fake)));
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/stream/${video.uid}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ meta: { name: "parsed first" } }),
      });
      expect(response.status).toBe(200);
      expect(fake.requests.at(-1)?.path).toBe(`/${video.uid}`);
      expect(JSON.parse(fake.requests.at(-1)?.body.toString() ?? "")).toEqual({
        meta: { name: "parsed first" },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
