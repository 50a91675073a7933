import type { Video, VideoState } from "@streamkit/core";
import { StreamProvider } from "@streamkit/hooks";
import { makeUid, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";

/** The one test model, served by msw for the panels under a base of their own. */
export const BASE = "http://app.test/media-api";
export const model = new StreamModel(BASE);

export function serveMediaModel(): void {
  serveModel(model);
}

/** A video in the model, ready unless told otherwise. */
export function addVideo(state: VideoState = "ready", extra: Partial<Video> = {}): string {
  const uid = makeUid();
  model.videos.set(uid, {
    uid,
    status: { state, pctComplete: state === "ready" ? "100.000000" : "30.000000" },
    readyToStream: state === "ready",
    meta: { name: `Video ${uid.slice(-4)}` },
    requireSignedURLs: false,
    ...extra,
  });
  return uid;
}

/** Renders inside a StreamProvider (fast polling, no jitter) with a fresh QueryClient. */
export function renderMedia(ui: ReactElement) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { gcTime: Number.POSITIVE_INFINITY },
    },
  });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StreamProvider
        baseUrl={BASE}
        queryClient={queryClient}
        polling={{ waitingMs: 30, processingMs: 30, jitter: 0 }}
      >
        {children}
      </StreamProvider>
    );
  }
  return { ...render(ui, { wrapper: Wrapper }), queryClient };
}

export const VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n";
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
