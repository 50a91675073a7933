import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createStreamClient, type StreamApiError, StreamValidationError } from "@streamkit/core";
import {
  MEDIA_STACK,
  multipartFile,
  type Stack,
  sampleVideo,
  startStack,
} from "@streamkit/test-utils/stack";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  useAddAudioTrack,
  useAudioTracks,
  useDeleteAudioTrack,
  useUpdateAudioTrack,
} from "../audioTracks";
import { StreamProvider } from "../StreamProvider";
import { useUploadFromUrl } from "../useUploadFromUrl";
import { useVideoStatus } from "../useVideoStatus";
import { useCreateWatermark, useDeleteWatermark, useWatermarks } from "../watermarks";

// Watermark profiles and audio tracks against the real chain: React Query → core client →
// proxy (node:http) → emulator.

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
let stack: Stack;
/** Serves the audio the emulator downloads for `audio/copy`. */
let origin: Server;
let audioBytes: Uint8Array = new Uint8Array();

beforeAll(async () => {
  stack = await startStack(MEDIA_STACK);
  origin = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "audio/mp4", "content-length": audioBytes.length });
    response.end(audioBytes);
  });
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => origin?.close(resolve));
});

/** Node's fetch cannot read this test DOM's FormData: write the multipart body out by hand. */
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

/** What the app's server does with the API token: create a profile from an image file. */
async function createProfileAsAdmin(): Promise<string> {
  const { emulator } = stack;
  const form = multipartFile(new Uint8Array(PNG), "logo.png");
  const answer = await fetch(
    `${emulator.apiBase}/accounts/${emulator.accountId}/stream/watermarks`,
    { ...form, headers: { ...form.headers, authorization: `Bearer ${emulator.token}` } },
  );
  const body = (await answer.json()) as { result: { uid: string } };
  expect(answer.status).toBe(200);
  return body.result.uid;
}

it("lists watermark profiles through the proxy; creating and deleting are an admin's", async () => {
  const uid = await createProfileAsAdmin();
  const { result, unmount } = renderHook(
    () => ({
      list: useWatermarks(),
      create: useCreateWatermark(),
      remove: useDeleteWatermark(),
      copy: useUploadFromUrl(),
    }),
    { wrapper },
  );
  await waitFor(
    () => {
      expect(result.current.list.error).toBeNull();
      expect(result.current.list.data?.map((w) => w.uid)).toContain(uid);
    },
    { timeout: 10_000 },
  );
  expect(result.current.list.data?.find((w) => w.uid === uid)).toMatchObject({
    width: 1,
    height: 1,
    position: "upperRight",
    scale: 0.15,
  });

  // A bad file never leaves the browser.
  const before = stack.proxyRequests.length;
  let refusal: unknown;
  await act(async () => {
    refusal = await result.current.create
      .mutateAsync({ file: new File(["not an image"], "x.png", { type: "image/png" }) })
      .catch((e) => e);
  });
  expect(refusal).toBeInstanceOf(StreamValidationError);
  expect(stack.proxyRequests.length).toBe(before);

  // The reference proxy refuses profile changes by default (403).
  await act(async () => {
    refusal = await result.current.create
      .mutateAsync({ file: new File([PNG], "logo.png", { type: "image/png" }), name: "Mine" })
      .catch((e) => e);
  });
  expect((refusal as StreamApiError).status).toBe(403);
  await act(async () => {
    refusal = await result.current.remove.mutateAsync(uid).catch((e) => e);
  });
  expect((refusal as StreamApiError).status).toBe(403);
  // The optimistic removal was rolled back.
  await waitFor(() => expect(result.current.list.data?.map((w) => w.uid)).toContain(uid));

  // A profile chosen for a copy reaches the emulator, which embeds it in the video.
  let video: Awaited<ReturnType<typeof result.current.copy.mutateAsync>> | undefined;
  await act(async () => {
    video = await result.current.copy.mutateAsync({
      input: `${stack.emulator.url}/samples/tiny.mp4`,
      watermark: { uid },
    });
  });
  expect(video?.watermark?.uid).toBe(uid);
  unmount();
}, 60_000);

it("adds, follows, renames, makes default and deletes audio tracks through the proxy", async () => {
  const { uid, send } = await stack.createUpload();
  const { result, unmount } = renderHook(
    () => ({
      status: useVideoStatus(uid),
      tracks: useAudioTracks(uid, { intervalMs: 100 }),
      add: useAddAudioTrack(),
      update: useUpdateAudioTrack(),
      remove: useDeleteAudioTrack(),
    }),
    { wrapper },
  );
  await waitFor(
    () => {
      expect(result.current.tracks.error).toBeNull();
      expect(result.current.tracks.data).toEqual([]);
    },
    { timeout: 10_000 },
  );

  // Not ready yet: refused before any add request.
  let refusal: unknown;
  await act(async () => {
    refusal = await result.current.add
      .mutateAsync({ uid, label: "Early", url: "https://example.com/a.m4a" })
      .catch((e) => e);
  });
  expect((refusal as Error).message).toMatch(/^video: An audio track needs a ready video/);
  expect(stack.proxyRequests.some((r) => r.includes("/audio/copy"))).toBe(false);

  const bytes = await sampleVideo(stack);
  audioBytes = bytes; // an MP4 with an AAC stream: the emulator takes its audio
  await send(bytes);
  await waitFor(() => expect(result.current.status.isReady).toBe(true), { timeout: 45_000 });

  // From a URL the emulator downloads. (A multipart `file` is covered by the model's tests: the
  // emulator's body-size guard cannot build its Request inside this jsdom environment.)
  const { port } = origin.address() as AddressInfo;
  await act(async () => {
    await result.current.add.mutateAsync({
      uid,
      label: "Commentary",
      url: `http://127.0.0.1:${port}/commentary.m4a`,
    });
  });
  await waitFor(() => expect(result.current.tracks.data?.[0]?.label).toBe("Commentary"));
  await waitFor(() => expect(result.current.tracks.data?.[0]?.status).toBe("ready"), {
    timeout: 30_000,
  });
  const track = result.current.tracks.data?.[0]?.uid ?? "";

  // A taken label is the API's refusal (409).
  await act(async () => {
    refusal = await result.current.add
      .mutateAsync({ uid, label: "Commentary", url: "https://example.com/a.m4a" })
      .catch((e) => e);
  });
  expect((refusal as StreamApiError).status).toBe(409);

  await act(async () => {
    await result.current.update.mutateAsync({
      uid,
      audioUid: track,
      label: "Director",
      default: true,
    });
  });
  await waitFor(() =>
    expect(result.current.tracks.data?.[0]).toMatchObject({ label: "Director", default: true }),
  );

  // The default track cannot be deleted: refused before any request.
  const before = stack.proxyRequests.length;
  await act(async () => {
    refusal = await result.current.remove.mutateAsync({ uid, audioUid: track }).catch((e) => e);
  });
  expect(refusal).toBeInstanceOf(StreamValidationError);
  expect(stack.proxyRequests.length).toBe(before);

  await act(async () => {
    await result.current.update.mutateAsync({ uid, audioUid: track, default: false });
  });
  await act(async () => {
    await result.current.remove.mutateAsync({ uid, audioUid: track });
  });
  await waitFor(() => expect(result.current.tracks.data).toEqual([]));

  unmount();
  const settled = stack.proxyRequests.length;
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(stack.proxyRequests.length).toBe(settled);
}, 120_000);
