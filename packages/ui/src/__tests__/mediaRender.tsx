import type { Video, VideoState } from "@streamkit/core";
import { StreamProvider } from "@streamkit/hooks";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ReactElement, ReactNode } from "react";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { MediaModel } from "../../../hooks/src/__tests__/mediaModel";
import { makeUid } from "../../../hooks/src/__tests__/streamModel";

/** The captions/downloads model of the hooks tests, served by msw for the panels. */
export const BASE = "http://app.test/media-api";
export const model = new MediaModel(BASE);

export function serveMediaModel(): void {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  beforeEach(() => {
    model.reset();
    server.resetHandlers(...model.handlers());
  });
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
