import type { Video } from "@streamkit/core";

/**
 * An in-process Stream behind the proxy contract, answering `fetch` directly (no network, no
 * msw), so benchmarks run under fake timers and count every request exactly.
 */
export class BenchModel {
  videos = new Map<string, Video>();
  requests = 0;

  add(uid: string, state: "inprogress" | "ready", pct = "50.000000"): void {
    this.videos.set(uid, {
      uid,
      created: new Date(Date.UTC(2026, 0, 1, 0, 0, this.videos.size)).toISOString(),
      meta: { name: `Video ${this.videos.size}` },
      status: { state, pctComplete: pct, errorReasonCode: "", errorReasonText: "" },
      readyToStream: state === "ready",
      duration: state === "ready" ? 30 : -1,
      input: { width: 1280, height: 720 },
    });
  }

  setAll(state: "inprogress" | "ready"): void {
    for (const uid of this.videos.keys()) this.add(uid, state);
  }

  fetch: typeof fetch = async (input) => {
    this.requests += 1;
    const url = new URL(String(input), "http://bench.test");
    const path = url.pathname.replace(/^\/api\/stream/, "");
    const json = (result: unknown, extra: Record<string, unknown> = {}) =>
      new Response(JSON.stringify({ result, success: true, errors: [], messages: [], ...extra }));
    if (path === "" || path === "/") {
      const ids = url.searchParams.get("id")?.split(",");
      let list = [...this.videos.values()];
      if (ids) list = list.filter((v) => ids.includes(v.uid ?? ""));
      const limit = Number(url.searchParams.get("limit") ?? 1000);
      return json(list.slice(0, limit), { range: Math.max(0, list.length - limit) });
    }
    const video = this.videos.get(path.slice(1));
    return video
      ? json(video)
      : new Response(
          JSON.stringify({
            result: null,
            success: false,
            errors: [{ code: 10003, message: "not found" }],
            messages: [],
          }),
          {
            status: 404,
          },
        );
  };
}

export function benchUid(i: number): string {
  return (0xbe000000 + i).toString(16).padStart(32, "0");
}
