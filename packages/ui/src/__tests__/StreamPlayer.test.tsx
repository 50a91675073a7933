import type { StreamProps } from "@cloudflare/stream-react";
import { StreamProvider } from "@streamkit/hooks";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { createRef } from "react";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  expectTypeOf,
  it,
  vi,
} from "vitest";
import type { StreamPlayerApi, StreamPlayerHandle } from "../player/types";
import { usePlayer } from "../player/usePlayer";
import { StreamPlayer, type StreamPlayerProps } from "../StreamPlayer";
import { type FakePlayer, installFakeSdk } from "./fakeSdk";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";
const ORIGIN = "http://127.0.0.1:8787";
let players: FakePlayer[];

beforeEach(() => {
  players = installFakeSdk();
});
afterEach(() => {
  window.Stream = undefined;
});

const frame = () => document.querySelector("iframe");
const frameUrl = () => new URL(frame()?.getAttribute("src") ?? "about:blank");

describe("StreamPlayer", () => {
  it("accepts every prop of stream-react's <Stream>", () => {
    expectTypeOf<StreamProps>().toExtend<StreamPlayerProps>();
    const legacy: StreamProps = {
      src: UID,
      controls: true,
      onPlay: () => {},
      responsive: false,
      height: "360",
    };
    render(<StreamPlayer {...legacy} />);
    expect(frame()).not.toBeNull();
  });

  it("paints the poster in a box of the right aspect ratio, then the iframe over it", async () => {
    const { container } = render(
      <StreamPlayer
        src={UID}
        deliveryOrigin={ORIGIN}
        video={{ uid: UID, input: { width: 640, height: 480 } }}
      />,
    );
    const box = container.firstElementChild as HTMLElement;
    expect(box.style.getPropertyValue("--sk-aspect")).toBe(String(640 / 480));
    expect(container.querySelector("img")?.getAttribute("src")).toBe(
      `${ORIGIN}/${UID}/thumbnails/thumbnail.jpg`,
    );
    expect(frameUrl().pathname).toBe(`/${UID}/iframe`);
    expect(Object.fromEntries(frameUrl().searchParams)).toEqual({
      controls: "false",
      preload: "metadata",
    });
    expect(frame()).toHaveAttribute("title", "Video player");
    expect(frame()).toHaveAttribute("allowfullscreen");
    await waitFor(() => expect(players).toHaveLength(1));
  });

  it("falls back on 16/9 and the legacy hosts with no delivery config", () => {
    const { container } = render(<StreamPlayer src={UID} />);
    expect((container.firstElementChild as HTMLElement).style.getPropertyValue("--sk-aspect")).toBe(
      String(16 / 9),
    );
    expect(frame()?.getAttribute("src")).toBe(
      `https://iframe.videodelivery.net/${UID}?controls=false&preload=metadata`,
    );
  });

  it("uses a signed token in place of the uid everywhere", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    const { container } = render(<StreamPlayer src={UID} token={token} customerCode="abc123" />);
    expect(frame()?.getAttribute("src")).toContain(
      `https://customer-abc123.cloudflarestream.com/${token}/iframe`,
    );
    expect(container.querySelector("img")?.getAttribute("src")).toContain(`/${token}/thumbnails/`);
  });

  it("sets live properties on the player without reloading the iframe", async () => {
    const { rerender } = render(<StreamPlayer src={UID} deliveryOrigin={ORIGIN} />);
    await waitFor(() => expect(players).toHaveLength(1));
    const before = frame();
    rerender(
      <StreamPlayer
        src={UID}
        deliveryOrigin={ORIGIN}
        muted
        volume={0.3}
        loop
        controls
        primaryColor="#f00"
        currentTime={12}
        adUrl="https://ads.test/vast.xml"
        poster="/covers/new.jpg"
      />,
    );
    const player = players[0]!;
    await waitFor(() => expect(player.muted).toBe(true));
    expect(player).toMatchObject({
      volume: 0.3,
      loop: true,
      controls: true,
      primaryColor: "#f00",
      currentTime: 12,
      adUrl: "https://ads.test/vast.xml",
      // The SDK's player lives in another document: it gets the poster as the page means it.
      poster: `${window.location.origin}/covers/new.jpg`,
    });
    expect(frame()).toBe(before);
  });

  it("resolves a relative poster against the page, and plays on without a usable one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { rerender } = render(
      <StreamPlayer src={UID} deliveryOrigin={ORIGIN} poster="covers/cats.jpg" />,
    );
    expect(frameUrl().searchParams.get("poster")).toBe(
      new URL("covers/cats.jpg", document.baseURI).href,
    );
    // The box's own image takes it as written, like any <img> of the page.
    expect(document.querySelector(".sk-player__poster")).toHaveAttribute("src", "covers/cats.jpg");

    // Not an http(s) URL even against the page: left out of the player, said once, never fatal.
    rerender(<StreamPlayer src={makeUid()} deliveryOrigin={ORIGIN} poster="javascript:alert(1)" />);
    rerender(<StreamPlayer src={makeUid()} deliveryOrigin={ORIGIN} poster="javascript:alert(1)" />);
    expect(frame()).not.toBeNull();
    expect(frameUrl().searchParams.has("poster")).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();
    await waitFor(() => expect(players.at(-1)?.iframe).toBe(frame()));
    expect(players.at(-1)?.poster).toBeUndefined();
    expect(warn.mock.calls.filter(([m]) => String(m).includes("poster ignored"))).toHaveLength(1);
    warn.mockRestore();
  });

  it("reloads for what only the URL carries: src, token, defaultTextTrack, startTime", async () => {
    const other = makeUid();
    const { rerender } = render(<StreamPlayer src={UID} deliveryOrigin={ORIGIN} muted />);
    rerender(<StreamPlayer src={UID} deliveryOrigin={ORIGIN} muted defaultTextTrack="de" />);
    expect(frameUrl().searchParams.get("defaultTextTrack")).toBe("de");
    expect(frameUrl().searchParams.get("muted")).toBe("true");
    rerender(<StreamPlayer src={other} deliveryOrigin={ORIGIN} startTime="1m2s" />);
    expect(frameUrl().pathname).toBe(`/${other}/iframe`);
    expect(frameUrl().searchParams.get("startTime")).toBe("1m2s");
    await waitFor(() => expect(players.at(-1)?.iframe).toBe(frame()));
  });

  it("hears each SDK event under stream-react's prop name", async () => {
    // The map stream-react uses; the player derives the event names from a plain list of props.
    const events: Record<string, string> = {
      onAbort: "abort",
      onCanPlay: "canplay",
      onCanPlayThrough: "canplaythrough",
      onDurationChange: "durationchange",
      onEnded: "ended",
      onError: "error",
      onLoadedData: "loadeddata",
      onLoadedMetaData: "loadedmetadata",
      onLoadStart: "loadstart",
      onPause: "pause",
      onPlay: "play",
      onPlaying: "playing",
      onProgress: "progress",
      onRateChange: "ratechange",
      onResize: "resize",
      onSeeked: "seeked",
      onSeeking: "seeking",
      onStalled: "stalled",
      onSuspend: "suspend",
      onTimeUpdate: "timeupdate",
      onVolumeChange: "volumechange",
      onWaiting: "waiting",
      onStreamAdStart: "stream-adstart",
      onStreamAdEnd: "stream-adend",
      onStreamAdTimeout: "stream-adtimeout",
    };
    const handlers = Object.fromEntries(Object.keys(events).map((prop) => [prop, vi.fn()]));
    render(<StreamPlayer src={UID} {...handlers} />);
    await waitFor(() => expect(players).toHaveLength(1));
    for (const [prop, event] of Object.entries(events)) {
      act(() => void players[0]!.dispatchEvent(new Event(event)));
      expect(handlers[prop], prop).toHaveBeenCalledTimes(1);
    }
  });

  it("sets the live properties again on the player object of a new iframe", async () => {
    const { rerender } = render(<StreamPlayer src={UID} volume={0.4} muted />);
    await waitFor(() => expect(players[0]?.volume).toBe(0.4));
    rerender(<StreamPlayer src={makeUid()} volume={0.4} muted />);
    await waitFor(() => expect(players).toHaveLength(2));
    await waitFor(() => expect(players[1]).toMatchObject({ volume: 0.4, muted: true }));
  });

  it("gives a ref handle that works before the player's SDK side has loaded", () => {
    const ref = createRef<StreamPlayerHandle>();
    render(<StreamPlayer ref={ref} src={UID} />);
    expect(ref.current).toMatchObject({
      paused: true,
      currentTime: 0,
      muted: false,
      api: undefined,
    });
    ref.current!.volume = 0.5; // no player object yet: ignored, as on a <video> not loaded
    expect(ref.current!.volume).toBe(1);
    // What a <video> with nothing loaded reports.
    const handle = ref.current!;
    expect(handle).toMatchObject({ seeking: false, videoWidth: 0, videoHeight: 0 });
    expect(handle.buffered.length).toBe(0);
    expect(handle.played.length).toBe(0);
    expect(() => handle.buffered.start(0)).toThrow(RangeError);
    expect(() => {
      (handle as { duration: number }).duration = 3;
    }).toThrow(TypeError);
  });

  it("mirrors the player's ranges, size and seeking on the handle", async () => {
    const ref = createRef<StreamPlayerHandle>();
    render(<StreamPlayer ref={ref} src={UID} deliveryOrigin={ORIGIN} />);
    await waitFor(() => expect(players).toHaveLength(1));
    const player = players[0]!;
    await waitFor(() => expect(ref.current!.api).toBe(player));
    expect(ref.current).toMatchObject({ videoWidth: 1280, videoHeight: 720 });
    expect(ref.current!.buffered).toBe(player.buffered);
    expect(ref.current!.played).toBe(player.played);
    // The SDK's object has no `seeking`: the handle follows the events.
    act(() => void player.dispatchEvent(new Event("seeking")));
    expect(ref.current!.seeking).toBe(true);
    act(() => void player.dispatchEvent(new Event("seeked")));
    expect(ref.current!.seeking).toBe(false);
    expectTypeOf<StreamPlayerApi["defaultTextTrack"]>().toEqualTypeOf<string | undefined>();
  });

  it("gives a ref handle, a streamRef and onReady", async () => {
    const ref = createRef<StreamPlayerHandle>();
    const streamRef = { current: undefined as FakePlayer | undefined };
    const onReady = vi.fn();
    render(<StreamPlayer ref={ref} src={UID} streamRef={streamRef} onReady={onReady} />);
    const playing = ref.current!.play();
    await waitFor(() => expect(onReady).toHaveBeenCalledWith(ref.current));
    await playing;
    expect(players[0]!.play).toHaveBeenCalled();
    expect(streamRef.current).toBe(players[0]);
    ref.current!.currentTime = 5;
    expect(players[0]!.currentTime).toBe(5);
    expect(ref.current!.paused).toBe(false);
  });

  it("tracks playback state with usePlayer", async () => {
    function Custom() {
      const player = usePlayer();
      return (
        <>
          <StreamPlayer ref={player.ref} src={UID} />
          <output>{player.state.paused ? "paused" : `at ${player.state.currentTime}`}</output>
        </>
      );
    }
    render(<Custom />);
    await waitFor(() => expect(players).toHaveLength(1));
    act(() => {
      players[0]!.currentTime = 3;
      void players[0]!.play();
    });
    expect(await screen.findByText("at 3")).toBeInTheDocument();
  });

  it("waits for a click with loading='click', then plays and moves focus to the player", async () => {
    render(<StreamPlayer src={UID} loading="click" video={{ uid: UID, meta: { name: "Cats" } }} />);
    expect(frame()).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Play Cats" }));
    expect(frameUrl().searchParams.get("autoplay")).toBe("true");
    fireEvent.load(frame()!);
    await waitFor(() => expect(document.activeElement).toBe(frame()));
  });

  it("creates the iframe near the viewport with loading='lazy'", async () => {
    let callback: IntersectionObserverCallback = () => {};
    const disconnect = vi.fn();
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(cb: IntersectionObserverCallback) {
          callback = cb;
        }
        observe() {}
        disconnect = disconnect;
      },
    );
    const { unmount } = render(<StreamPlayer src={UID} loading="lazy" />);
    expect(frame()).toBeNull();
    act(() =>
      callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver),
    );
    expect(frame()).not.toBeNull();
    unmount();
    expect(disconnect).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it("refuses a bad src with a clear message and no iframe", () => {
    render(<StreamPlayer src="../../etc/passwd" />);
    expect(frame()).toBeNull();
    expect(screen.getByRole("alert")).toHaveTextContent(
      /src: expected a 32-hex video uid or a signed token/,
    );
  });
});

describe("StreamPlayer inside a StreamProvider", () => {
  const model = new StreamModel();
  const server = setupServer(...model.handlers());
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  function withProvider(ui: React.ReactNode) {
    return (
      <StreamProvider
        baseUrl={BASE}
        deliveryOrigin={ORIGIN}
        polling={{ waitingMs: 50, processingMs: 50, jitter: 0 }}
      >
        {ui}
      </StreamProvider>
    );
  }

  it("shows progress while processing, then the poster and the player when ready", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress", "40.000000"));
    const { container } = render(withProvider(<StreamPlayer src={uid} />));
    expect(await screen.findByText("Video status: Processing, 40%")).toBeInTheDocument();
    expect(frame()).toBeNull();
    // No frame exists yet: asking for the thumbnail would only fetch a 404.
    expect(container.querySelector("img.sk-player__poster")).toBeNull();
    model.set(uid, makeVideo(uid, "ready", "100.000000"));
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(container.querySelector("img.sk-player__poster")).not.toBeNull();
    await waitFor(() => expect(players[0]?.play).toHaveBeenCalled());
  });

  it("announces a new phase over the poster, and nothing at mount", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "queued", "0"));
    render(withProvider(<StreamPlayer src={uid} />));
    const region = await screen.findByRole("status");
    expect(region).toHaveTextContent(/^$/);
    model.set(uid, makeVideo(uid, "inprogress", "10.000000"));
    await waitFor(() => expect(region).toHaveTextContent("Video status: Processing, 10%"));
  });

  it("falls back on muted playback when autoplay with sound is refused", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "queued", "0"));
    const sdk = window.Stream!;
    window.Stream = (iframe) => Object.assign(sdk(iframe), { refuseUnmuted: true });
    render(withProvider(<StreamPlayer src={uid} />));
    await screen.findByText(/Queued/, { selector: ".sk-visually-hidden" });
    model.set(uid, makeVideo(uid, "ready"));
    await waitFor(() => expect(players[0]?.play).toHaveBeenCalledTimes(2));
    expect(players[0]?.muted).toBe(true);
  });

  it("shows why a failed video cannot play", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "error"));
    render(withProvider(<StreamPlayer src={uid} />));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This video cannot play: The file is not a video",
    );
    expect(frame()).toBeNull();
    expect(document.querySelector("img.sk-player__poster")).toBeNull();
  });

  it("plays a ready video at once, with no status overlay", async () => {
    const uid = makeUid();
    const video = makeVideo(uid, "ready");
    render(withProvider(<StreamPlayer src={uid} video={video} />));
    expect(frame()).not.toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
