import { createStreamClient, StreamValidationError } from "@streamkit/core";
import { act, renderHook } from "@testing-library/react";
import fc from "fast-check";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import {
  useCaptions,
  useCreateDownload,
  useDeleteCaption,
  useDeleteDownload,
  useDownloads,
  useGenerateCaption,
  useUploadCaption,
} from "../captionsEntry";
import { StreamProvider } from "../StreamProvider";
import { useDeleteVideo } from "../useDeleteVideo";
import { useSignedToken } from "../useSignedToken";
import { useUpdateVideo } from "../useUpdateVideo";
import { useVideo } from "../useVideo";
import { useVideoStatus } from "../useVideoStatus";
import { testQueryClient } from "./render";

/**
 * Hooks hand ids to core, which refuses hostile ones: a query hook given one never fetches and
 * fails with StreamValidationError, and so does a mutation.
 */

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";
const HOSTILE = [
  "../",
  "%2e%2e",
  "?x",
  "#",
  "/",
  `${UID}/../keys`,
  `${UID}?x`,
  "é",
  "🎬",
  "x".repeat(5000),
  UID.toUpperCase(),
  "__proto__",
];

function setup() {
  const fetch = vi.fn(async () => new Response("{}", { status: 500 }));
  const client = createStreamClient({ baseUrl: "/api/stream", fetch });
  const queryClient = testQueryClient();
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StreamProvider client={client} queryClient={queryClient} polling={{ jitter: 0 }}>
        {children}
      </StreamProvider>
    );
  }
  return { fetch, Wrapper };
}

/** Lets effects, timers of 0 ms and microtasks run. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe("query hooks never fetch with a hostile uid", () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h.slice(0, 20)), h]))("%s", async (_shown, uid) => {
    const { fetch, Wrapper } = setup();
    const { result, unmount } = renderHook(
      () => ({
        video: useVideo(uid),
        status: useVideoStatus(uid),
        token: useSignedToken(uid),
        captions: useCaptions(uid),
        downloads: useDownloads(uid),
      }),
      { wrapper: Wrapper },
    );
    await settle();
    expect(fetch).not.toHaveBeenCalled();
    // Each hook says what is wrong instead of waiting forever.
    expect(result.current.status.error).toBeInstanceOf(StreamValidationError);
    expect(result.current.video.error).toBeInstanceOf(StreamValidationError);
    expect(result.current.token.error).toBeInstanceOf(StreamValidationError);
    expect(result.current.captions.error).toBeInstanceOf(StreamValidationError);
    expect(result.current.downloads.error).toBeInstanceOf(StreamValidationError);
    expect(result.current.video.fetchStatus).toBe("idle");
    unmount();
  });
});

type Mutations = ReturnType<typeof useMutations>;
function useMutations() {
  return {
    delete: useDeleteVideo(),
    update: useUpdateVideo(),
    upload: useUploadCaption(),
    generate: useGenerateCaption(),
    deleteCaption: useDeleteCaption(),
    createDownload: useCreateDownload(),
    deleteDownload: useDeleteDownload(),
  };
}
const VTT = "WEBVTT\n";
/** Each mutation with the hostile value in one position. */
const calls: Array<[string, (m: Mutations, bad: string) => Promise<unknown>]> = [
  ["useDeleteVideo", (m, bad) => m.delete.mutateAsync(bad)],
  ["useUpdateVideo", (m, bad) => m.update.mutateAsync({ uid: bad, changes: { meta: {} } })],
  [
    "useUploadCaption uid",
    (m, bad) => m.upload.mutateAsync({ uid: bad, language: "en", file: VTT }),
  ],
  [
    "useUploadCaption language",
    (m, bad) => m.upload.mutateAsync({ uid: UID, language: bad, file: VTT }),
  ],
  ["useGenerateCaption uid", (m, bad) => m.generate.mutateAsync({ uid: bad, language: "en" })],
  ["useGenerateCaption language", (m, bad) => m.generate.mutateAsync({ uid: UID, language: bad })],
  ["useDeleteCaption uid", (m, bad) => m.deleteCaption.mutateAsync({ uid: bad, language: "en" })],
  [
    "useDeleteCaption language",
    (m, bad) => m.deleteCaption.mutateAsync({ uid: UID, language: bad }),
  ],
  ["useCreateDownload uid", (m, bad) => m.createDownload.mutateAsync({ uid: bad })],
  [
    "useCreateDownload type",
    (m, bad) => m.createDownload.mutateAsync({ uid: UID, type: bad as "audio" }),
  ],
  ["useDeleteDownload uid", (m, bad) => m.deleteDownload.mutateAsync({ uid: bad })],
  [
    "useDeleteDownload type",
    (m, bad) => m.deleteDownload.mutateAsync({ uid: UID, type: bad as "audio" }),
  ],
];

describe("mutation hooks refuse a hostile id before any request", () => {
  it.each(calls)("%s", async (_name, call) => {
    const { fetch, Wrapper } = setup();
    const { result } = renderHook(useMutations, { wrapper: Wrapper });
    for (const bad of HOSTILE) {
      let error: unknown;
      await act(async () => {
        error = await call(result.current, bad).catch((e: unknown) => e);
      });
      expect(error, bad).toBeInstanceOf(StreamValidationError);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it("and generated ones too (fast-check)", async () => {
    const { fetch, Wrapper } = setup();
    const { result } = renderHook(useMutations, { wrapper: Wrapper });
    const junk = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("/", "..", "?", "#", "%2f", "\\", " "),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: calls.length - 1 }),
        fc
          .tuple(junk, junk)
          .map(([a, b]) => `${a}${UID}${b}`)
          .filter((v) => v !== UID),
        async (i, bad) => {
          const call = (calls[i] as (typeof calls)[number])[1];
          let error: unknown;
          await act(async () => {
            error = await call(result.current, bad).catch((e: unknown) => e);
          });
          expect(error).toBeInstanceOf(StreamValidationError);
        },
      ),
      { numRuns: 100 },
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});
