import { createStreamClient, StreamValidationError } from "@streamkit/core";
import { MEDIA_STACK, type Stack, sampleVideo, startStack } from "@streamkit/test-utils/stack";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useCaptions, useDeleteCaption, useGenerateCaption, useUploadCaption } from "../captions";
import { useCreateDownload, useDeleteDownload, useDownloads } from "../downloads";
import { StreamProvider } from "../StreamProvider";
import { useVideoStatus } from "../useVideoStatus";

// The hooks against the real chain: React Query → core client → proxy (node:http) → emulator.

const VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n";
let stack: Stack;

beforeAll(async () => {
  stack = await startStack(MEDIA_STACK);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

/**
 * Node's fetch cannot read this test DOM's FormData, so a multipart body is written out by hand
 * here; in a browser the client's FormData goes to fetch as it is.
 */
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

function renderMedia(uid: string) {
  const client = createStreamClient({ baseUrl: stack.baseUrl, fetch: nodeFetch });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StreamProvider client={client} polling={{ waitingMs: 200, processingMs: 200, jitter: 0 }}>
      {children}
    </StreamProvider>
  );
  /** Every status of each language the component rendered, in order. */
  const statuses: Record<string, string[]> = {};
  const hook = renderHook(
    () => ({
      status: useVideoStatus(uid),
      captions: record(useCaptions(uid, { intervalMs: 100 })),
      upload: useUploadCaption(),
      generate: useGenerateCaption(),
      removeCaption: useDeleteCaption(),
      downloads: useDownloads(uid, { intervalMs: 100 }),
      create: useCreateDownload(),
      removeDownload: useDeleteDownload(),
    }),
    { wrapper },
  );
  function record<T extends { data?: { language: string; status?: string }[] }>(query: T): T {
    for (const caption of query.data ?? []) {
      statuses[caption.language] ??= [];
      const seen = statuses[caption.language] ?? [];
      if (caption.status && seen.at(-1) !== caption.status) seen.push(caption.status);
    }
    return query;
  }
  return { ...hook, statuses };
}

it("uploads, generates, deletes captions and makes the MP4 through the proxy and emulator", async () => {
  const { uid, send } = await stack.createUpload();
  const { result, unmount, statuses } = renderMedia(uid);
  await waitFor(() => expect(result.current.status.phase).toBe("awaiting-upload"));

  // Not ready yet: refused with a message that says so, and no generate request goes out.
  let refusal: unknown;
  await act(async () => {
    refusal = await result.current.generate.mutateAsync({ uid, language: "en" }).catch((e) => e);
  });
  expect(refusal).toBeInstanceOf(StreamValidationError);
  expect((refusal as Error).message).toBe(
    "video: Generating captions needs a ready video; this one is awaiting-upload",
  );
  expect(stack.proxyRequests.some((r) => r.includes("/generate"))).toBe(false);

  await send(await sampleVideo(stack));
  await waitFor(() => expect(result.current.status.isReady).toBe(true), { timeout: 45_000 });

  // A File from an <input type="file">, multipart through the proxy.
  await act(async () => {
    await result.current.upload.mutateAsync({
      uid,
      language: "de",
      file: new File([VTT], "de.vtt", { type: "text/vtt" }),
    });
  });
  // React Query tells components on a timer tick: read results through waitFor.
  await waitFor(() =>
    expect(result.current.captions.data).toContainEqual({
      language: "de",
      label: "Deutsch",
      generated: false,
      status: "ready",
    }),
  );
  expect(await (await fetch(`${stack.baseUrl}/${uid}/captions/de/vtt`)).text()).toBe(VTT);

  // A bad file never leaves the browser.
  const before = stack.proxyRequests.length;
  await act(async () => {
    await result.current.upload
      .mutateAsync({ uid, language: "en", file: new File(["<html>"], "x.vtt") })
      .catch(() => {});
  });
  await waitFor(() => expect(result.current.upload.error).toBeInstanceOf(StreamValidationError));
  expect(stack.proxyRequests.length).toBe(before);

  // Generated: inprogress at once, followed by polling until ready.
  await act(async () => {
    await result.current.generate.mutateAsync({ uid, language: "es" });
  });
  await waitFor(
    () =>
      expect(result.current.captions.data?.find((c) => c.language === "es")?.status).toBe("ready"),
    { timeout: 10_000 },
  );
  expect(statuses.es).toEqual(["inprogress", "ready"]);

  await act(async () => {
    await result.current.removeCaption.mutateAsync({ uid, language: "de" });
  });
  await waitFor(() => expect(result.current.captions.data?.map((c) => c.language)).toEqual(["es"]));

  // The MP4: created, followed until ready, served.
  await act(async () => {
    await result.current.create.mutateAsync({ uid });
  });
  await waitFor(() => expect(result.current.downloads.data?.default?.status).toBe("ready"), {
    timeout: 30_000,
  });
  const url = result.current.downloads.data?.default?.url ?? "";
  const mp4 = await fetch(url);
  expect(mp4.headers.get("content-type")).toBe("video/mp4");
  expect(new TextDecoder().decode(new Uint8Array(await mp4.arrayBuffer()).slice(4, 8))).toBe(
    "ftyp",
  );
  await act(async () => {
    await result.current.removeDownload.mutateAsync({ uid });
  });
  await waitFor(() => expect(result.current.downloads.data).toEqual({}));

  // Nothing polls once everything is settled and the hooks are gone.
  unmount();
  const settled = stack.proxyRequests.length;
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(stack.proxyRequests.length).toBe(settled);
}, 90_000);
