import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Video } from "@streamkit/core";
import { StreamModel } from "./model";

/**
 * The model as the Stream API on a loopback port, for the proxy's tests: the API's paths under
 * `/client/v4/accounts/{id}/stream`, its bearer token, and every request recorded raw (headers
 * and bytes), enough to see what the proxy forwards and what it passes back.
 */

export interface RecordedRequest {
  method: string;
  /** Path after `/accounts/{id}/stream`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeVideo {
  uid: string;
  creator: string | null;
  meta: Record<string, unknown>;
  status: { state: string; pctComplete: string; errorReasonCode: string; errorReasonText: string };
  [key: string]: unknown;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export interface FakeUpstream {
  apiBase: string;
  origin: string;
  accountId: string;
  token: string;
  model: StreamModel;
  requests: RecordedRequest[];
  videos: Map<string, FakeVideo>;
  addVideo(fields?: Partial<FakeVideo>): FakeVideo;
  /** Answers instead of the model when it returns something. */
  override: ((request: RecordedRequest) => FakeAnswer | undefined) | undefined;
  close(): Promise<void>;
}

export const uid = (): string => randomBytes(16).toString("hex");

const failure = (code: number, message: string) =>
  JSON.stringify({ result: null, success: false, errors: [{ code, message }], messages: [] });

/** Hop-by-hop and framing headers: the model gets the body whole. */
const DROPPED = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
]);

function headersOf(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !DROPPED.has(name))
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const accountId = randomBytes(16).toString("hex");
  const token = `fake-token-${randomBytes(12).toString("hex")}`;
  const prefix = `/client/v4/accounts/${accountId}/stream`;
  const model = new StreamModel({
    base: prefix,
    uploadBase: "https://upload.example",
    tusBase: "/tus",
    tusLocation: (id) => `/tus/${id}?tusv2=true`,
    signToken: (id) => `api-signed.${id}`,
    lenient: true,
  });
  const requests: RecordedRequest[] = [];

  const addVideo = (fields: Partial<FakeVideo> = {}): FakeVideo => {
    const video: FakeVideo = {
      uid: uid(),
      creator: null,
      meta: {},
      status: {
        state: "ready",
        pctComplete: "100.000000",
        errorReasonCode: "",
        errorReasonText: "",
      },
      created: new Date().toISOString(),
      ...fields,
    };
    model.videos.set(video.uid, video as unknown as Video);
    return video;
  };

  const fake: FakeUpstream = {
    apiBase: "",
    origin: "",
    accountId,
    token,
    model,
    requests,
    videos: model.videos as unknown as Map<string, FakeVideo>,
    addVideo,
    override: undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function answer(recorded: RecordedRequest, url: URL): Promise<FakeAnswer> {
    if (recorded.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: failure(10000, "Authentication error") };
    }
    if (!url.pathname.startsWith(prefix)) {
      return { status: 404, body: failure(7003, "No route for the URI") };
    }
    const bodyless = recorded.method === "GET" || recorded.method === "HEAD";
    const response = await model.fetch(url, {
      method: recorded.method,
      headers: headersOf(recorded.headers),
      body: bodyless ? null : new Uint8Array(recorded.body),
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      // the proxy cut the upload off (a body over its cap): nothing to answer
      res.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", fake.origin);
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(recorded);
    const reply = fake.override?.(recorded) ?? (await answer(recorded, url));
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body ?? "");
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  fake.origin = `http://127.0.0.1:${port}`;
  fake.apiBase = `${fake.origin}/client/v4`;
  return fake;
}
