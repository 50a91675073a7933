import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { useStreamClient, useStreamContext } from "../context";
import { StreamProvider } from "../StreamProvider";
import { useVideo } from "../useVideo";
import { useVideoStatus } from "../useVideoStatus";

const model = new StreamModel();
serveModel(model);

describe("StreamProvider", () => {
  it("uses the app's own QueryClientProvider when there is one", () => {
    const appClient = new QueryClient();
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={appClient}>
          <StreamProvider baseUrl={BASE}>{children}</StreamProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current).toBe(appClient);
  });

  it("brings a QueryClient when the app has none", () => {
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => <StreamProvider baseUrl={BASE}>{children}</StreamProvider>,
    });
    expect(result.current).toBeInstanceOf(QueryClient);
  });

  it("makes a client from baseUrl and exposes the delivery config", () => {
    const { result } = renderHook(() => ({ client: useStreamClient(), ctx: useStreamContext() }), {
      wrapper: ({ children }) => (
        <StreamProvider baseUrl="/api/stream/" deliveryOrigin="http://127.0.0.1:8787">
          {children}
        </StreamProvider>
      ),
    });
    expect(result.current.client.baseUrl).toBe("/api/stream");
    expect(result.current.ctx.delivery).toEqual({ deliveryOrigin: "http://127.0.0.1:8787" });
  });

  it("reacts to a new baseUrl after mount", async () => {
    let current = "/a";
    const { result, rerender } = renderHook(() => useStreamClient().baseUrl, {
      wrapper: ({ children }) => <StreamProvider baseUrl={current}>{children}</StreamProvider>,
    });
    expect(result.current).toBe("/a");
    current = "/b";
    rerender();
    await waitFor(() => expect(result.current).toBe("/b"));
  });

  it("keeps polling under StrictMode's mount, unmount, mount", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress"));
    function Phase() {
      return <p>{useVideoStatus(uid).phase ?? "none"}</p>;
    }
    render(
      <StrictMode>
        <StreamProvider baseUrl={BASE} polling={{ processingMs: 50, jitter: 0 }}>
          <Phase />
        </StreamProvider>
      </StrictMode>,
    );
    expect(await screen.findByText("processing")).toBeInTheDocument();
    model.videos.set(uid, makeVideo(uid, "ready"));
    expect(await screen.findByText("ready")).toBeInTheDocument();
  });

  it("explains a hook used outside it", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useVideo(makeUid()))).toThrow(/StreamProvider/);
    spy.mockRestore();
  });

  it("shares the cache between useVideo and useVideoStatus", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "ready"));
    function Both() {
      const video = useVideo(uid);
      const status = useVideoStatus(uid);
      return (
        <p>
          {video.data?.meta?.name as string}/{status.phase}
        </p>
      );
    }
    render(
      <StreamProvider baseUrl={BASE}>
        <Both />
      </StreamProvider>,
    );
    expect(await screen.findByText(/\/ready$/)).toBeInTheDocument();
  });
});
