// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import type { StreamClient } from "../../client";
import { StreamApiError } from "../../errors";
import { createUpload } from "../upload";

/** A proxy that is down for maintenance and asks to come back in an hour. */
function busyClient() {
  const busy = () =>
    Promise.reject(new StreamApiError(503, [{ code: 10000, message: "busy" }], 3_600));
  return {
    baseUrl: "http://proxy.test/api/stream",
    request: vi.fn(busy),
    createDirectUpload: vi.fn(busy),
    deleteVideo: vi.fn(() => Promise.resolve()),
    getVideo: vi.fn(busy),
  };
}

describe("cancel during a retry wait", () => {
  it.each(["basic", "tus"] as const)(
    "returns at once and creates nothing (%s)",
    async (protocol) => {
      const client = busyClient();
      const upload = createUpload(new Blob([new Uint8Array(1_000)], { type: "video/mp4" }), {
        client: client as unknown as StreamClient,
        protocol,
        readDuration: false,
        retryDelays: [1_000, 1_000],
      });
      const run = upload.start();
      run.catch(() => {});
      const asked = protocol === "basic" ? client.createDirectUpload : client.request;
      await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
      // The retry now waits retry-after's hour; cancel must not.
      const started = Date.now();
      await upload.cancel();
      expect(Date.now() - started).toBeLessThan(1_000);
      await expect(run).rejects.toMatchObject({ name: "AbortError" });
      expect(upload.state).toBe("cancelled");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(asked).toHaveBeenCalledTimes(1);
      expect(client.deleteVideo).not.toHaveBeenCalled();
    },
  );
});
