// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import type { StreamClient } from "../../client";
import { StreamValidationError } from "../../errors";
import { createUpload } from "../upload";

const file = () => new Blob([new Uint8Array(100)], { type: "video/mp4" });
const client = () => {
  const never = vi.fn(() => Promise.reject(new Error("no request expected")));
  return {
    baseUrl: "http://proxy.test/api/stream",
    request: never,
    createDirectUpload: never,
    deleteVideo: never,
    getVideo: never,
  };
};

describe("the new video's settings, checked with core's request shapes", () => {
  it.each([
    ["watermark.uid", { watermark: { uid: "not-a-uid" } }],
    ["thumbnailTimestampPct", { thumbnailTimestampPct: 2 }],
    ["scheduledDeletion", { scheduledDeletion: "soon" }],
    ["allowedOrigins", { allowedOrigins: "example.com" }],
  ] as const)("refuses a bad %s before any request (tus and basic alike)", async (field, bad) => {
    for (const protocol of ["basic", "tus"] as const) {
      const proxy = client();
      const upload = createUpload(file(), {
        client: proxy as unknown as StreamClient,
        protocol,
        readDuration: false,
        ...(bad as object),
      });
      const error = await upload.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamValidationError);
      expect(error).toMatchObject({ field });
      expect(upload.state).toBe("error");
      expect(upload.snapshot.validated).toBe(false);
      expect(proxy.request).not.toHaveBeenCalled();
    }
  });
});
