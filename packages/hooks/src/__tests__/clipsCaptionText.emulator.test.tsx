import { createStreamClient } from "@streamkit/core";
import { MEDIA_STACK, type Stack, sampleVideo, startStack } from "@streamkit/test-utils/stack";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useUploadCaption } from "../captions";
import { useCaptionText } from "../captionText";
import { useCreateClip } from "../clips";
import { StreamProvider } from "../StreamProvider";
import { useStorageUsage } from "../storageUsage";
import { useVideoStatus } from "../useVideoStatus";

// Clips, storage usage and caption text against the real chain: React Query → core client →
// proxy (node:http) → emulator.

const VTT = "WEBVTT\n\n00:00.000 --> 00:01.500\nErste Zeile\n\n00:01.500 --> 00:03.000\nZweite\n";
let stack: Stack;

beforeAll(async () => {
  stack = await startStack(MEDIA_STACK);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

/** Node's fetch cannot read this test DOM's FormData: the multipart body is written by hand. */
const nodeFetch: typeof fetch = async (input, init = {}) => {
  if (!(init.body instanceof FormData)) return fetch(input, init);
  const boundary = "streamkit-jsdom-boundary";
  const parts: Uint8Array[] = [];
  for (const [name, value] of init.body.entries()) {
    const file = typeof value === "string" ? undefined : value;
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${file ? `; filename="${file.name}"\r\ncontent-type: ${file.type || "application/octet-stream"}` : ""}\r\n\r\n`,
      ),
      file ? new Uint8Array(await file.arrayBuffer()) : Buffer.from(String(value)),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const headers = new Headers(init.headers);
  headers.set("content-type", `multipart/form-data; boundary=${boundary}`);
  return fetch(input, { ...init, headers, body: Buffer.concat(parts) });
};

function wrapper({ children }: { children: ReactNode }) {
  const client = createStreamClient({ baseUrl: stack.baseUrl, fetch: nodeFetch });
  return (
    <StreamProvider client={client} polling={{ waitingMs: 200, processingMs: 200, jitter: 0 }}>
      {children}
    </StreamProvider>
  );
}

it("clips a ready video to a new one that reaches ready at the clipped length, and reads caption text back", async () => {
  const source = await stack.upload(await sampleVideo(stack));
  const { result } = renderHook(
    () => ({
      source: useVideoStatus(source),
      create: useCreateClip(),
      usage: useStorageUsage(),
      upload: useUploadCaption(),
      text: useCaptionText(source, "de"),
    }),
    { wrapper },
  );
  await waitFor(() => expect(result.current.source.isReady).toBe(true), { timeout: 45_000 });
  const sourceDuration = result.current.source.video?.duration ?? 0;
  expect(sourceDuration).toBeGreaterThan(5);

  // The clip: a new uid, clippedFrom the source, followed until ready.
  let clipUid = "";
  await act(async () => {
    const clip = await result.current.create.mutateAsync({
      clippedFromVideoUID: source,
      startTimeSeconds: 2,
      endTimeSeconds: 5,
      name: "Middle",
    });
    clipUid = String(clip.uid);
    expect(clip.clippedFrom).toBe(source);
  });
  expect(clipUid).not.toBe(source);
  const clip = renderHook(() => useVideoStatus(clipUid), { wrapper });
  await waitFor(() => expect(clip.result.current.isReady).toBe(true), { timeout: 45_000 });
  expect(clip.result.current.video?.meta?.name).toBe("Middle");
  expect(clip.result.current.video?.duration).toBeGreaterThanOrEqual(2.5);
  expect(clip.result.current.video?.duration).toBeLessThanOrEqual(3.5);

  // Storage usage counts both, through the proxy.
  await waitFor(() => expect(result.current.usage.data?.videoCount).toBe(2), { timeout: 10_000 });
  expect(result.current.usage.data?.totalStorageMinutes).toBeGreaterThan(0);

  // The API's refusal of a start past the end comes back typed.
  let refusal: unknown;
  await act(async () => {
    refusal = await result.current.create
      .mutateAsync({
        clippedFromVideoUID: source,
        startTimeSeconds: Math.ceil(sourceDuration) + 5,
        endTimeSeconds: Math.ceil(sourceDuration) + 8,
      })
      .catch((e: unknown) => e);
  });
  expect((refusal as { status?: number }).status).toBe(400);

  // Caption text round trip: what was uploaded is what `useCaptionText` reads.
  await waitFor(() => expect(result.current.text.isError).toBe(true));
  await act(async () => {
    await result.current.upload.mutateAsync({
      uid: source,
      language: "de",
      file: new File([VTT], "de.vtt", { type: "text/vtt" }),
    });
  });
  await waitFor(() => expect(result.current.text.data).toBe(VTT), { timeout: 10_000 });
}, 120_000);
