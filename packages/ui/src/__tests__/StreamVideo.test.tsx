import { StreamProvider } from "@streamkit/hooks";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { createRef } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { EngineOptions } from "../video/engine";
import { StreamVideo } from "../video/StreamVideo";
import { StreamVideoError } from "../video/types";

// hls.js needs Media Source, which jsdom lacks: the lazily loaded engine is replaced by one that
// records what StreamVideo asks of it.
const engines: { video: HTMLVideoElement; options: EngineOptions; destroyed: boolean }[] = [];
vi.mock("../video/hlsEngine", () => ({
  hlsEngine: (video: HTMLVideoElement, options: EngineOptions) => {
    const entry = { video, options, destroyed: false };
    engines.push(entry);
    return {
      kind: "hls.js",
      audio: () => [{ language: "en", label: "Original", enabled: true }],
      selectAudio: vi.fn(),
      destroy: () => {
        entry.destroyed = true;
      },
    };
  },
}));

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";
const ORIGIN = "http://127.0.0.1:8787";
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
const model = new StreamModel();
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  engines.length = 0;
  model.videos.clear();
  model.tokens = [];
  model.tokenTtl = 3600;
  server.resetHandlers(...model.handlers());
  vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
  vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, "canPlayType").mockReturnValue("");
});
afterEach(() => vi.restoreAllMocks());

const media = () => document.querySelector("video") as HTMLVideoElement;

describe("StreamVideo", () => {
  it("paints the poster box, then plays the manifest in a real <video> given to the ref", async () => {
    const ref = createRef<HTMLVideoElement>();
    const { container } = render(
      <StreamVideo
        ref={ref}
        src={UID}
        deliveryOrigin={ORIGIN}
        video={{ uid: UID, input: { width: 640, height: 480 } }}
      />,
    );
    const box = container.firstElementChild as HTMLElement;
    expect(box).toHaveClass("sk-player", "sk-video");
    expect(box.style.getPropertyValue("--sk-aspect")).toBe(String(640 / 480));
    expect(container.querySelector("img")?.getAttribute("src")).toBe(
      `${ORIGIN}/${UID}/thumbnails/thumbnail.jpg`,
    );
    expect(ref.current).toBeInstanceOf(HTMLVideoElement);
    expect(ref.current).toBe(media());
    expect(media()).toHaveAttribute("aria-label", "Video player");
    await waitFor(() => expect(engines).toHaveLength(1));
    expect(engines[0]!.options.url).toBe(`${ORIGIN}/${UID}/manifest/video.m3u8`);
    expect(media().dataset.engine).toBe("hls.js");
  });

  it("uses the browser's own HLS where it has one, and hls.js nowhere", async () => {
    vi.mocked(HTMLMediaElement.prototype.canPlayType).mockReturnValue("maybe");
    render(<StreamVideo src={UID} token={TOKEN} customerCode="abc123" title="Launch" />);
    await waitFor(() =>
      expect(media().src).toBe(
        `https://customer-abc123.cloudflarestream.com/${TOKEN}/manifest/video.m3u8`,
      ),
    );
    expect(media()).toHaveAttribute("aria-label", "Launch");
    expect(engines).toHaveLength(0);
  });

  it("gives hls.js a new token without a new engine, and reloads native HLS at the current time", async () => {
    const next = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ5In0.c2ln";
    const { rerender } = render(<StreamVideo src={UID} token={TOKEN} deliveryOrigin={ORIGIN} />);
    await waitFor(() => expect(engines).toHaveLength(1));
    expect(engines[0]!.options.currentId()).toBe(TOKEN);
    rerender(<StreamVideo src={UID} token={next} deliveryOrigin={ORIGIN} />);
    expect(engines[0]!.options.currentId()).toBe(next);
    expect(engines).toHaveLength(1);
    expect(engines[0]!.destroyed).toBe(false);

    vi.mocked(HTMLMediaElement.prototype.canPlayType).mockReturnValue("maybe");
    rerender(<StreamVideo src={UID} token={next} deliveryOrigin={ORIGIN} engine="native" />);
    await waitFor(() => expect(media().src).toContain(`/${next}/manifest/video.m3u8`));
    expect(engines[0]!.destroyed).toBe(true);
    const third = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6In0.c2ln";
    rerender(<StreamVideo src={UID} token={third} deliveryOrigin={ORIGIN} engine="native" />);
    await waitFor(() => expect(media().src).toContain(`/${third}/manifest/video.m3u8`));
  });

  it("sets the live properties on the element and follows every prop", async () => {
    const { rerender } = render(<StreamVideo src={UID} deliveryOrigin={ORIGIN} />);
    await waitFor(() => expect(engines).toHaveLength(1));
    rerender(
      <StreamVideo
        src={UID}
        deliveryOrigin={ORIGIN}
        volume={0.25}
        playbackRate={1.5}
        currentTime={3}
        muted
        audioTrack="en"
      />,
    );
    expect(media().volume).toBe(0.25);
    expect(media().playbackRate).toBe(1.5);
    expect(media().currentTime).toBe(3);
    expect(media().muted).toBe(true);
    const other = makeUid();
    rerender(<StreamVideo src={other} deliveryOrigin={ORIGIN} />);
    await waitFor(() => expect(engines).toHaveLength(2));
    expect(engines[0]!.destroyed).toBe(true);
    expect(engines[1]!.options.url).toBe(`${ORIGIN}/${other}/manifest/video.m3u8`);
  });

  it("reports the tracks and says a failure in words, with a typed error", async () => {
    const onTracksChange = vi.fn();
    const onPlaybackError = vi.fn();
    render(
      <StreamVideo
        src={UID}
        deliveryOrigin={ORIGIN}
        onTracksChange={onTracksChange}
        onPlaybackError={onPlaybackError}
      />,
    );
    await waitFor(() => expect(engines).toHaveLength(1));
    act(() => engines[0]!.options.onTracks());
    await waitFor(() =>
      expect(onTracksChange).toHaveBeenLastCalledWith({
        text: [],
        audio: [{ language: "en", label: "Original", enabled: true }],
      }),
    );
    act(() =>
      engines[0]!.options.onFatal(
        new StreamVideoError("network", "the video service answered 404", 404),
      ),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This video cannot play: the video service answered 404",
    );
    expect(onPlaybackError.mock.calls[0]![0]).toMatchObject({ code: "network", status: 404 });
    expect(engines[0]!.destroyed).toBe(true);
  });

  it("cleans up on unmount: engine destroyed, nothing left loading", async () => {
    const { unmount } = render(<StreamVideo src={UID} deliveryOrigin={ORIGIN} />);
    await waitFor(() => expect(engines).toHaveLength(1));
    unmount();
    expect(engines[0]!.destroyed).toBe(true);
  });

  it("loads nothing with loading='click' until asked, then plays and takes the focus", async () => {
    render(
      <StreamVideo
        src={UID}
        deliveryOrigin={ORIGIN}
        loading="click"
        video={{ uid: UID, meta: { name: "Cats" } }}
      />,
    );
    await act(async () => {});
    expect(engines).toHaveLength(0);
    const button = screen.getByRole("button", { name: "Play Cats" });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(engines).toHaveLength(1));
    expect(screen.queryByRole("button", { name: "Play Cats" })).toBeNull();
    await waitFor(() => expect(HTMLMediaElement.prototype.play).toHaveBeenCalled());
    expect(document.activeElement).toBe(media());
  });

  it("loads with loading='click' when anything else calls play(), such as a skin's button", async () => {
    render(<StreamVideo src={UID} deliveryOrigin={ORIGIN} loading="click" slot="media" />);
    await act(async () => {});
    expect(engines).toHaveLength(0);
    // A skin has its own play button: StreamVideo draws none in a slot.
    expect(screen.queryByRole("button")).toBeNull();
    act(() => void media().dispatchEvent(new Event("play")));
    await waitFor(() => expect(engines).toHaveLength(1));
    await waitFor(() => expect(HTMLMediaElement.prototype.play).toHaveBeenCalled());
    expect(document.activeElement).not.toBe(media());
  });

  it("rejects an id that is not a uid or token before any request", () => {
    render(<StreamVideo src="../../etc/passwd" deliveryOrigin={ORIGIN} />);
    expect(screen.getByRole("alert")).toHaveTextContent(/expected a 32-hex video uid/);
    expect(engines).toHaveLength(0);
  });
});

describe("StreamVideo in a StreamProvider", () => {
  const mount = (uid: string) =>
    render(
      <StreamProvider baseUrl={BASE} deliveryOrigin={ORIGIN}>
        <StreamVideo src={uid} tokenOptions={{ ttlSeconds: 120 }} />
      </StreamProvider>,
    );

  it("shows a video still processing over its box, and loads nothing", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress"));
    mount(uid);
    expect(await screen.findByText(/still being processed/)).toBeInTheDocument();
    expect(engines).toHaveLength(0);
    expect(document.querySelector("img")).toBeNull();
  });

  it("says why a failed video cannot play", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "error"));
    mount(uid);
    expect(await screen.findByRole("alert")).toHaveTextContent(/cannot play/);
    expect(engines).toHaveLength(0);
  });

  it("plays a private video with a token from the proxy, refreshed on a refusal", async () => {
    const uid = makeUid();
    model.add({ ...makeVideo(uid, "ready"), requireSignedURLs: true });
    mount(uid);
    await waitFor(() => expect(engines).toHaveLength(1));
    expect(model.tokens).toHaveLength(1);
    expect(engines[0]!.options.url).toBe(`${ORIGIN}/${model.tokens[0]}/manifest/video.m3u8`);
    act(() => engines[0]!.options.onTokenRejected());
    await waitFor(() => expect(model.tokens).toHaveLength(2));
    await waitFor(() => expect(engines[0]!.options.currentId()).toBe(model.tokens[1]));
    expect(engines).toHaveLength(1);
  });
});
