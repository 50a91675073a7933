import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FaultConfig, type FaultState, parseFaultConfig } from "../faults";
import { startEmulator } from "../server";
import { json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

const MiB = 1024 * 1024;
const ADMIN = "/__emulator/faults";

let emu: TestEmulator;
let uid: string;

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

function admin(method: string, body?: unknown, token: string | null = emu.token) {
  return fetch(`${emu.url}${ADMIN}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function setFaults(config: FaultConfig | FaultConfig["rules"]): Promise<FaultState> {
  const response = await admin("PUT", config);
  const { status, body } = await json<FaultState>(response);
  expect(status, JSON.stringify(body.errors)).toBe(200);
  return body.result;
}

async function faultState(): Promise<FaultState> {
  return (await json<FaultState>(await admin("GET"))).body.result;
}

/** One raw HTTP exchange, so a cut answer can be seen byte for byte. */
function rawGet(url: string): Promise<{
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

describe("fault configuration", () => {
  it("rejects bad rules with the field at fault, at start and through the admin endpoint", async () => {
    expect(() => parseFaultConfig({ rules: [{ type: "error", status: 404 }] })).toThrow(
      /rules\[0\]\.status: expected a number 500\.\.599/,
    );
    expect(() => parseFaultConfig([{ type: "nope" }])).toThrow(/rules\[0\]\.type/);
    expect(() => parseFaultConfig([{ type: "latency", ms: [5, 1] }])).toThrow(/ms/);
    expect(() => parseFaultConfig([{ type: "reset", keepBytes: 3 }])).toThrow(
      /rules\[0\]\.keepBytes: unknown for a reset fault/,
    );
    expect(() => parseFaultConfig([{ type: "error", rate: 2 }])).toThrow(/rate/);
    expect(() => parseFaultConfig([{ type: "error", path: "stream" }])).toThrow(/path/);
    await expect(
      startEmulator({ dataDir: await makeDataDir(), log: false, faults: [{ type: "x" } as never] }),
    ).rejects.toThrow(/^startEmulator: faults\.rules\[0\]\.type/);

    const refused = await json(await admin("PUT", { rules: [{ type: "error", times: -1 }] }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]?.message).toMatch(/rules\[0\]\.times/);
    expect((await admin("PUT", "not json at all")).status).toBe(400);
  });

  it("guards the admin endpoint with the API token and never faults it", async () => {
    expect((await admin("GET", undefined, null)).status).toBe(401);
    expect((await admin("GET", undefined, "wrong")).status).toBe(403);
    await setFaults([{ type: "error", status: 503 }]); // every path, every method
    expect((await admin("GET")).status).toBe(200);
    expect((await emu.api(`/${uid}`)).status).toBe(503);
    const state = await faultState();
    expect(state.requests).toBe(1);
    expect(state.injected).toMatchObject({ total: 1, error: 1 });
    // DELETE answers the state just before, then nothing is injected any more.
    const cleared = (await json<FaultState>(await admin("DELETE"))).body.result;
    expect(cleared.rules).toHaveLength(1);
    expect(cleared.injected.error).toBe(1);
    expect((await emu.api(`/${uid}`)).status).toBe(200);
    expect((await faultState()).rules).toEqual([]);
  });

  it("starts with the rules given in the options", async () => {
    const other = await startTestEmulator({ faults: { seed: 3, rules: [{ type: "html" }] } });
    try {
      const response = await other.api("");
      expect(response.status).toBe(502);
      expect(other.faults.state()).toMatchObject({ seed: 3, injected: { html: 1 } });
    } finally {
      await other.dispose();
    }
  });
});

describe("scoping and counting", () => {
  it("scopes by method and path: only GET /stream (the list) fails", async () => {
    await setFaults([
      { name: "list", method: "GET", path: "/stream", type: "error", status: 503, code: 10503 },
    ]);
    const list = await json(await emu.api(""));
    expect(list.status).toBe(503);
    expect(list.body).toMatchObject({ success: false, result: null, errors: [{ code: 10503 }] });
    expect((await emu.api(`/${uid}`)).status).toBe(200);
    expect((await emu.api("?limit=1")).status).toBe(503); // the query is not part of the path
    expect((await emu.api(`/${uid}`, { method: "POST", body: {} })).status).toBe(200);
    const state = await faultState();
    expect(state.rules[0]).toMatchObject({ name: "list", matched: 2, injected: 2 });
    expect(state.requests).toBe(4);
    expect(state.recent.map((r) => `${r.method} ${r.faults.join(",")}`)).toEqual([
      "GET error",
      "GET ",
      "GET error",
      "POST ",
    ]);
  });

  it("globs: * is one segment, ** any depth; full paths work too", async () => {
    await setFaults([
      { path: "/stream/*", type: "error", status: 500 },
      { path: "/client/v4/accounts/*/stream/*/captions/**", type: "error", status: 502 },
    ]);
    expect((await emu.api(`/${uid}`)).status).toBe(500);
    expect((await emu.api("")).status).toBe(200);
    expect((await emu.api(`/${uid}/captions/en/vtt`)).status).toBe(502);
  });

  it("skip lets requests through first; times stops after N (429 with retry-after)", async () => {
    await setFaults([{ path: "/stream/*", type: "rate-limit", retryAfter: 3, skip: 1, times: 2 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await emu.api(`/${uid}`);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get("retry-after")).toBe("3");
        expect(((await response.json()) as { errors: { code: number }[] }).errors[0]?.code).toBe(
          971,
        );
      }
    }
    expect(statuses).toEqual([200, 429, 429, 200, 200]);
    expect((await faultState()).rules[0]).toMatchObject({ matched: 5, injected: 2 });
  });

  it("a rate draws from the seeded generator: the same seed, the same requests fail", async () => {
    const pattern = async () => {
      await setFaults({ seed: 42, rules: [{ path: "/stream/*", type: "error", rate: 0.5 }] });
      const seen: number[] = [];
      for (let i = 0; i < 24; i++) seen.push((await emu.api(`/${uid}`)).status);
      return seen;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(20);
    expect((await faultState()).injected.error).toBe(failed);
  });

  it("adds latency, fixed or drawn from a range, before the request goes on", async () => {
    await setFaults([
      { path: "/stream/*", method: "GET", type: "latency", ms: 400, times: 1 },
      { path: "/stream/*", method: "GET", type: "latency", ms: [20, 40], skip: 1 },
    ]);
    let started = performance.now();
    expect((await emu.api(`/${uid}`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
    started = performance.now();
    expect((await emu.api(`/${uid}`)).status).toBe(200);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(18);
    expect(took).toBeLessThan(380); // the 400 ms rule is spent
    expect((await faultState()).injected.latency).toBe(2);
  });
});

describe("broken answers", () => {
  it("reset: headers and part of the body, then the connection is gone", async () => {
    await setFaults([{ path: "/stream/*", type: "reset", afterBytes: 40, times: 1 }]);
    const cut = await rawGet(`${emu.stream}/${uid}`);
    expect(cut.status).toBe(200);
    expect(Number(cut.headers["content-length"])).toBeGreaterThan(40);
    expect(cut.body.byteLength).toBe(40);
    expect(cut.error).toBeDefined();
    // fetch: the answer arrives, its body does not.
    await setFaults([{ path: "/stream/*", type: "reset", times: 1 }]);
    const response = await emu.api(`/${uid}`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect((await emu.api(`/${uid}`)).status).toBe(200); // spent
  });

  it("reset before the handler: no answer at all, and nothing happened", async () => {
    await setFaults([{ method: "POST", path: "/stream/*", type: "reset", stage: "before" }]);
    await expect(
      emu.api(`/${uid}`, { method: "POST", body: { meta: { name: "never" } } }),
    ).rejects.toThrow();
    emu.faults.clear();
    const video = await json<{ meta: Record<string, unknown> }>(await emu.api(`/${uid}`));
    expect(video.body.result.meta.name).toBeUndefined();
  });

  it("reset after the handler: the change was made, only the answer is lost", async () => {
    await setFaults([{ method: "POST", path: "/stream/*", type: "reset" }]);
    const response = await emu.api(`/${uid}`, { method: "POST", body: { meta: { name: "kept" } } });
    await expect(response.text()).rejects.toThrow();
    emu.faults.clear();
    const video = await json<{ meta: Record<string, unknown> }>(await emu.api(`/${uid}`));
    expect(video.body.result.meta.name).toBe("kept");
  });

  it("malformed: the envelope cut short, status and content type kept", async () => {
    await setFaults([{ path: "/stream/*", type: "malformed", keepBytes: 30 }]);
    const response = await emu.api(`/${uid}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const text = await response.text();
    expect(text).toHaveLength(30);
    expect(text.startsWith('{"result":{')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("malformed leaves empty bodies alone and does not count them", async () => {
    const other = await json<{ uid: string }>(
      await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60 } }),
    );
    await setFaults([{ method: "DELETE", type: "malformed", times: 1 }]);
    const deleted = await emu.api(`/${other.body.result.uid}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toBe("");
    expect((await faultState()).injected.total).toBe(0);
  });

  it("html: a gateway's error page instead of JSON", async () => {
    await setFaults([{ path: "/stream", type: "html" }]);
    const response = await emu.api("");
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toContain("<title>502 Bad Gateway</title>");
  });

  it("error: any 5xx, with retry-after when asked", async () => {
    await setFaults([{ path: "/stream/*", type: "error", status: 503, retryAfter: 2 }]);
    const response = await emu.api(`/${uid}`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("truncated uploads", () => {
  const sha256 = (data: Buffer | Uint8Array) => createHash("sha256").update(data).digest("hex");

  async function createTus(length: number) {
    const response = await emu.api("", {
      method: "POST",
      headers: { "tus-resumable": "1.0.0", "upload-length": String(length) },
    });
    return {
      location: response.headers.get("location") ?? "",
      id: response.headers.get("stream-media-id") ?? "",
    };
  }

  const patch = (location: string, offset: number, body: Buffer) =>
    fetch(location, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${emu.token}`,
        "tus-resumable": "1.0.0",
        "upload-offset": String(offset),
        "content-type": "application/offset+octet-stream",
      },
      body: new Uint8Array(body),
    });

  async function headOffset(location: string): Promise<number> {
    const response = await fetch(location, {
      method: "HEAD",
      headers: { authorization: `Bearer ${emu.token}`, "tus-resumable": "1.0.0" },
    });
    return Number(response.headers.get("upload-offset"));
  }

  it("tus PATCH: short-offset, error and reset each keep part of a chunk, and the file still ends byte-exact", async () => {
    const file = randomBytes(5 * MiB + 1000);
    const { location, id } = await createTus(file.length);
    await setFaults([
      {
        method: "PATCH",
        path: "/tus/*",
        type: "truncate-upload",
        keepBytes: MiB,
        outcome: "short-offset",
        times: 1,
      },
      {
        method: "PATCH",
        path: "/tus/*",
        type: "truncate-upload",
        keepFraction: 0.25,
        outcome: "error",
        status: 503,
        skip: 1,
        times: 1,
      },
      {
        method: "PATCH",
        path: "/tus/*",
        type: "truncate-upload",
        keepBytes: 1000,
        outcome: "reset",
        skip: 2,
        times: 1,
      },
    ]);
    // short-offset: 204, but only 1 MiB counted.
    let response = await patch(location, 0, file);
    expect(response.status).toBe(204);
    expect(Number(response.headers.get("upload-offset"))).toBe(MiB);
    expect(await headOffset(location)).toBe(MiB);
    // error: a 503 (tus header kept); HEAD tells what was kept: a quarter of the 4 MiB + 1000 sent.
    const rest = file.subarray(MiB);
    response = await patch(location, MiB, rest);
    expect(response.status).toBe(503);
    expect(response.headers.get("tus-resumable")).toBe("1.0.0");
    const afterError = await headOffset(location);
    expect(afterError).toBe(MiB + Math.floor(rest.length * 0.25));
    // reset: the connection goes; 1000 more bytes are in.
    await expect(patch(location, afterError, file.subarray(afterError))).rejects.toThrow();
    expect(await headOffset(location)).toBe(afterError + 1000);
    // The rules are spent: the rest goes in whole.
    response = await patch(location, afterError + 1000, file.subarray(afterError + 1000));
    expect(response.status).toBe(204);
    expect(Number(response.headers.get("upload-offset"))).toBe(file.length);
    const stored = await readFile(path.join(emu.dataDir, "videos", id, "source"));
    expect(sha256(stored)).toBe(sha256(file));
    expect((await faultState()).injected["truncate-upload"]).toBe(3);
  });

  it("a direct upload: error reads the body and stores nothing, reset drops it; the URL still works", async () => {
    const created = await json<{ uid: string; uploadURL: string }>(
      await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60 } }),
    );
    const tiny = await readFile(path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4"));
    const send = () => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(tiny)], { type: "video/mp4" }), "tiny.mp4");
      return fetch(created.body.result.uploadURL, { method: "POST", body: form });
    };
    await setFaults([
      { method: "POST", path: "/upload/*", type: "truncate-upload", outcome: "error", times: 1 },
      {
        method: "POST",
        path: "/upload/*",
        type: "truncate-upload",
        outcome: "reset",
        skip: 1,
        times: 1,
      },
    ]);
    const failed = await send();
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /broke off/,
    );
    await expect(send()).rejects.toThrow();
    expect((await send()).status).toBe(200);
    const video = await json<{ size: number }>(await emu.api(`/${created.body.result.uid}`));
    expect(video.body.result.size).toBe(tiny.length);
  });

  it("never matches requests without a body", async () => {
    await setFaults([{ type: "truncate-upload" }]);
    expect((await emu.api(`/${uid}`)).status).toBe(200);
    expect((await faultState()).rules[0]).toMatchObject({ matched: 0, injected: 0 });
  });
});
