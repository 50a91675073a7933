import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small stand-in for the Stream API: records every request it gets and answers envelopes from
 * an in-memory video store, enough to see what the proxy forwards and what it passes back.
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
  requests: RecordedRequest[];
  videos: Map<string, FakeVideo>;
  addVideo(fields?: Partial<FakeVideo>): FakeVideo;
  /** Answers instead of the store when it returns something. */
  override: ((request: RecordedRequest) => FakeAnswer | undefined) | undefined;
  close(): Promise<void>;
}

export const uid = (): string => randomBytes(16).toString("hex");

const envelope = (result: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ result, success: true, errors: [], messages: [], ...extra });
const failure = (code: number, message: string) =>
  JSON.stringify({ result: null, success: false, errors: [{ code, message }], messages: [] });

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const accountId = randomBytes(16).toString("hex");
  const token = `fake-token-${randomBytes(12).toString("hex")}`;
  const videos = new Map<string, FakeVideo>();
  const requests: RecordedRequest[] = [];
  const prefix = `/client/v4/accounts/${accountId}/stream`;

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
    videos.set(video.uid, video);
    return video;
  };

  const fake: FakeUpstream = {
    apiBase: "",
    origin: "",
    accountId,
    token,
    requests,
    videos,
    addVideo,
    override: undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      // the proxy cut the upload off (a body over its cap): nothing to answer
      res.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://fake");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(recorded);
    const answer = fake.override?.(recorded) ?? store(recorded, url.pathname.startsWith(prefix));
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(answer.body ?? "");
  });

  function store(request: RecordedRequest, underPrefix: boolean): FakeAnswer {
    if (request.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: failure(10000, "Authentication error") };
    }
    if (!underPrefix) return { status: 404, body: failure(7003, "No route for the URI") };
    const parts = request.path.split("/").filter(Boolean);
    const json = (): Record<string, unknown> =>
      request.body.length ? JSON.parse(request.body.toString()) : {};
    const ok = (result: unknown, status = 200): FakeAnswer => ({ status, body: envelope(result) });
    const missing: FakeAnswer = { status: 404, body: failure(10005, "Video not found") };
    const [first, second, third, fourth] = parts;

    if (parts.length === 0 && request.method === "GET") {
      const creator = request.query.get("creator");
      const list = [...videos.values()].filter((v) => creator === null || v.creator === creator);
      return { status: 200, body: envelope(list, { range: 0, total: list.length }) };
    }
    if (parts.length === 0 && request.method === "POST" && request.headers["tus-resumable"]) {
      const creator = request.headers["upload-creator"];
      const video = addVideo({
        creator: typeof creator === "string" ? creator : null,
        status: {
          state: "pendingupload",
          pctComplete: "0",
          errorReasonCode: "",
          errorReasonText: "",
        },
      });
      return {
        status: 201,
        headers: {
          location: `/tus/${video.uid}?tusv2=true`,
          "stream-media-id": video.uid,
          "tus-resumable": "1.0.0",
        },
      };
    }
    if (first === "copy" && request.method === "POST") {
      const body = json();
      const header = request.headers["upload-creator"];
      const creator =
        (body.creator as string | undefined) ?? (typeof header === "string" ? header : null);
      return ok(addVideo({ creator, meta: { "downloaded-from": body.input ?? body.url } }));
    }
    if (first === "direct_upload" && request.method === "POST") {
      const body = json();
      const video = addVideo({ creator: (body.creator as string | undefined) ?? null });
      return ok({ uploadURL: `https://upload.example/${video.uid}`, uid: video.uid });
    }
    if (first === "storage-usage") {
      return ok({
        creator: request.query.get("creator"),
        totalStorageMinutes: 1,
        totalStorageMinutesLimit: 1000,
        videoCount: 1,
      });
    }
    const video = first === undefined ? undefined : videos.get(first);
    if (!video) return missing;
    if (parts.length === 1) {
      if (request.method === "GET") return ok(video);
      if (request.method === "POST") {
        Object.assign(video, json());
        return ok(video);
      }
      if (request.method === "DELETE") {
        videos.delete(video.uid);
        return { status: 200, body: "" };
      }
    }
    if (second === "token" && request.method === "POST")
      return ok({ token: `api-signed.${video.uid}` });
    if (second === "captions") {
      if (third === undefined) return ok([]);
      if (fourth === "vtt")
        return { status: 200, headers: { "content-type": "text/vtt" }, body: "WEBVTT\n\n" };
      if (fourth === "generate")
        return ok({ language: third, label: third, generated: true, status: "inprogress" });
      if (request.method === "PUT") {
        return ok({
          language: third,
          label: third,
          generated: false,
          status: "ready",
          bytes: request.body.length,
        });
      }
      if (request.method === "DELETE") return ok("");
      return ok({ language: third, label: third, generated: false, status: "ready" });
    }
    if (second === "downloads") {
      if (request.method === "DELETE") return ok("ok");
      const type = third ?? "default";
      return ok(
        request.method === "POST" ? { [type]: { status: "inprogress", percentComplete: 0 } } : {},
      );
    }
    return { status: 404, body: failure(7003, "No route for the URI") };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  fake.origin = `http://127.0.0.1:${port}`;
  fake.apiBase = `${fake.origin}/client/v4`;
  return fake;
}
