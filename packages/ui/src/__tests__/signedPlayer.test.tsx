import { StreamProvider } from "@streamkit/hooks";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { act, render, screen, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { StreamPlayer } from "../StreamPlayer";
import { type FakePlayer, installFakeSdk } from "./fakeSdk";

const ORIGIN = "http://127.0.0.1:8787";
const model = new StreamModel();
const server = setupServer();
let players: FakePlayer[];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.videos.clear();
  model.tokens = [];
  model.tokenTtl = 3600;
  model.failures = [];
  server.resetHandlers(...model.handlers());
  players = installFakeSdk();
});
afterEach(() => {
  vi.useRealTimers();
  window.Stream = undefined;
});

const frameSrc = () => document.querySelector("iframe")?.getAttribute("src") ?? "";
const privateVideo = (uid: string) => ({ ...makeVideo(uid, "ready"), requireSignedURLs: true });

function mount(uid: string) {
  return render(
    <StreamProvider baseUrl={BASE} deliveryOrigin={ORIGIN}>
      <StreamPlayer src={uid} />
    </StreamProvider>,
  );
}

describe("StreamPlayer with a private video", () => {
  it("waits for a signed token and puts it in place of the uid", async () => {
    const uid = makeUid();
    model.add(privateVideo(uid));
    const { container } = mount(uid);
    await waitFor(() => expect(document.querySelector("iframe")).not.toBeNull());
    expect(model.tokens).toHaveLength(1);
    expect(frameSrc()).toBe(`${ORIGIN}/${model.tokens[0]}/iframe?controls=false&preload=metadata`);
    expect(frameSrc()).not.toContain(uid);
    expect(container.querySelector("img")?.getAttribute("src")).toContain(
      `/${model.tokens[0]}/thumbnails/`,
    );
  });

  it("shares one token among every player of the same video", async () => {
    const uid = makeUid();
    model.add(privateVideo(uid));
    render(
      <StreamProvider baseUrl={BASE} deliveryOrigin={ORIGIN}>
        <StreamPlayer src={uid} />
        <StreamPlayer src={uid} />
        <StreamPlayer src={uid} />
      </StreamProvider>,
    );
    await waitFor(() => expect(document.querySelectorAll("iframe")).toHaveLength(3));
    expect(model.tokens).toHaveLength(1);
  });

  it("replaces a token before it expires without reloading a playing player", async () => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    });
    const uid = makeUid();
    model.tokenTtl = 120; // refreshed 60 s before expiry
    model.add(privateVideo(uid));
    mount(uid);
    // One act per step: React 18 renders queued updates only when an act scope ends.
    for (let i = 0; i < 200 && !document.querySelector("iframe"); i++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
        await new Promise((resolve) => setImmediate(resolve));
      });
    }
    const iframe = document.querySelector("iframe") as HTMLIFrameElement;
    const firstSrc = frameSrc();
    act(() => iframe.dispatchEvent(new Event("load")));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(61_000);
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    });
    expect(model.tokens.length).toBeGreaterThanOrEqual(2);
    expect(document.querySelector("iframe")).toBe(iframe);
    expect(frameSrc()).toBe(firstSrc);
    expect(players).toHaveLength(1);
  });

  it("fetches a new token and reloads when the player rejects the old one", async () => {
    const uid = makeUid();
    model.add(privateVideo(uid));
    mount(uid);
    await waitFor(() => expect(players).toHaveLength(1));
    act(() => void document.querySelector("iframe")?.dispatchEvent(new Event("load")));
    const firstSrc = frameSrc();
    act(() => void players[0]!.dispatchEvent(new Event("error")));
    await waitFor(() => expect(frameSrc()).not.toBe(firstSrc));
    expect(frameSrc()).toContain(model.tokens.at(-1));
  });

  it("stops reloading and says why when fresh tokens keep being refused", async () => {
    const uid = makeUid();
    model.add(privateVideo(uid));
    mount(uid);
    for (let attempt = 0; attempt < 3; attempt++) {
      await waitFor(() => expect(players).toHaveLength(attempt + 1));
      act(() => void players.at(-1)?.dispatchEvent(new Event("error")));
    }
    expect(await screen.findByRole("alert")).toHaveTextContent(/signed link was refused/);
    expect(model.tokens).toHaveLength(3);
  });

  it("shows a clear error when no token can be had", async () => {
    const uid = makeUid();
    model.add(privateVideo(uid));
    const { http, HttpResponse } = await import("msw");
    server.use(
      http.post(`${BASE}/:uid/token`, () =>
        HttpResponse.json(
          {
            result: null,
            success: false,
            errors: [{ code: 10000, message: "Authentication error" }],
            messages: [],
          },
          { status: 403 },
        ),
      ),
    );
    mount(uid);
    expect(await screen.findByRole("alert")).toHaveTextContent(/cannot play.*Authentication error/);
    expect(document.querySelector("iframe")).toBeNull();
  });
});
