import { describe, expect, it } from "vitest";
import { type FaultState, parseFaultConfig } from "../faults";
import { startEmulator } from "../server";
import { admin, emu, faultState, serveFaultEmulator, setFaults, uid } from "./faultsSetup";
import { json, makeDataDir, startTestEmulator } from "./helpers";

serveFaultEmulator();

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
