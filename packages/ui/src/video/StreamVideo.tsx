import { errorReason, isUid } from "@streamkit/core";
import { type DeliveryConfig, hlsUrl, LEGACY_DELIVERY_ORIGIN } from "@streamkit/core/urls";
import { useOptionalStreamContext } from "@streamkit/hooks";
import {
  type CSSProperties,
  forwardRef,
  type ReactNode,
  type Ref,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import { cx } from "../cx";
import { useMessages } from "../messages/context";
import { playerMessages } from "../messages/player";
import { aspectRatioOf } from "../player/aspect";
import {
  PlayButton,
  PlayerBox,
  type PlayerBoxState,
  PlayerOverlays,
  playability,
  type Signing,
  useSawProcessing,
  type WatchedStatus,
} from "../player/PlayerBox";
import { useDelivery, useWatchedVideo } from "../player/PlayerView";
import { playerTarget } from "../player/target";
import { useInView } from "../player/useInView";
import { defaultThumbnailTime } from "../thumbnail/defaultTime";
import { type Engine, listen, nativeEngine, type Resume } from "./engine";
import { readTracks, showTextTrack } from "./tracks";
import { StreamVideoError, type StreamVideoProps } from "./types";

const HLS_TYPE = "application/vnd.apple.mpegurl";
/** Fresh tokens tried after a refusal before the token is taken to be the cause. */
const TOKEN_RETRIES = 2;

interface InnerProps extends StreamVideoProps {
  videoRef: Ref<HTMLVideoElement>;
  status?: WatchedStatus | undefined;
  signing?: Signing | undefined;
}

/**
 * Stream playback in a real `<video>` from the HLS manifest: the browser's own HLS where it has
 * one, else hls.js, fetched on demand. Poster first and without layout shift (the box of
 * `StreamPlayer`), status-aware, signed tokens replaced while playing, the manifest's captions
 * and audio as the element's tracks, and the ref is the element itself.
 */
export const StreamVideo = forwardRef<HTMLVideoElement, StreamVideoProps>(
  function StreamVideo(props, ref) {
    const context = useOptionalStreamContext();
    const watch = context !== null && props.watchStatus !== false && isUid(props.src);
    return watch ? (
      <WatchedVideo {...props} videoRef={ref} />
    ) : (
      <VideoView {...props} videoRef={ref} />
    );
  },
);

function WatchedVideo(props: InnerProps): ReactNode {
  return (
    <VideoView
      {...props}
      {...useWatchedVideo(props.src, props.video, props.token, props.tokenOptions)}
    />
  );
}

/** Autoplay with sound is usually refused; muted playback is the documented fallback. */
function playMuteIfRefused(media: HTMLVideoElement): void {
  media.play().catch(() => {
    media.muted = true;
    return media.play().catch(() => {});
  });
}

const manifestUrl = (id: string, delivery: DeliveryConfig | undefined) =>
  hlsUrl(id, delivery ?? { deliveryOrigin: LEGACY_DELIVERY_ORIGIN });

function VideoView(props: InnerProps): ReactNode {
  const {
    src,
    token,
    customerCode,
    deliveryOrigin,
    poster,
    aspectRatio,
    responsive,
    width,
    height,
    video: knownVideo,
    watchStatus,
    tokenOptions,
    title,
    loading = "eager",
    engine: engineChoice = "auto",
    hlsConfig,
    currentTime,
    volume,
    playbackRate,
    textTrack,
    audioTrack,
    onTracksChange,
    onPlaybackError,
    slot,
    className,
    style,
    children,
    videoRef,
    status,
    signing,
    preload = "metadata",
    playsInline = true,
    ...element
  } = props;
  const text = useMessages("player", playerMessages);
  const video = status?.video ?? knownVideo;
  const delivery = useDelivery(props);
  const { phase, waitingForStatus, playable, hasFrames, processing } = playability(
    status,
    video,
    signing,
  );

  const [media, setMedia] = useState<HTMLVideoElement | null>(null);
  useImperativeHandle(videoRef, () => media as HTMLVideoElement, [media]);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const boxRef = useRef<HTMLDivElement>(null);
  const mediaRef = useRef<HTMLVideoElement>(null);
  mediaRef.current = media;
  const inView = useInView(slot === undefined ? boxRef : mediaRef, loading === "lazy");
  // `click`: nothing loads until the viewer asks to play, with the poster's button or any other
  // way of calling `play()` (a skin's button, the element's own controls).
  const [clicked, setClicked] = useState(false);
  const wanted = loading === "click" ? clicked : loading === "lazy" ? inView : hydrated;

  // The id delivery URLs carry: read by the engine at every request, so a refreshed token is
  // used from the next segment on, without a reload.
  const id = token ?? src;
  const latest = useRef({ id, token, props, signing });
  latest.current = { id, token, props, signing };

  const posterTime = defaultThumbnailTime(video);
  // Built with the token of the moment; a new token alone does not make a new engine.
  const target = useMemo(
    () => playerTarget(src, token, delivery, manifestUrl, posterTime),
    [src, token === undefined, delivery, posterTime],
  );

  const [failure, setFailure] = useState<StreamVideoError>();
  const [loaded, setLoaded] = useState(false);
  const [engine, setEngine] = useState<Engine>();
  // A reload at the current time: a native player's new token, a retry after a refused one.
  const [reload, setReload] = useState<{ count: number; resume?: Resume }>({ count: 0 });
  const retries = useRef({ count: 0, waiting: false });
  const [tracksVersion, setTracksVersion] = useState(0);
  const [sawProcessing, clearSawProcessing] = useSawProcessing(processing);

  const url = playable && wanted && !failure ? target.url : undefined;
  const hlsKey = JSON.stringify(hlsConfig ?? {});
  useEffect(() => {
    if (!media || !url) return;
    let active = true;
    let created: Engine | undefined;
    const native =
      engineChoice === "native" || (engineChoice === "auto" && media.canPlayType(HLS_TYPE) !== "");
    const createdWith = latest.current.id;
    const reloadHere = () =>
      setReload((r) => ({
        count: r.count + 1,
        resume: { time: media.currentTime, play: !media.paused || r.resume?.play === true },
      }));
    const options = {
      // The token of this moment: a reload or a new engine never starts with a stale one.
      url: playerTarget(src, latest.current.token, delivery, manifestUrl).url ?? url,
      // A full manifest URL (no poster either) is used as is; a uid or token URL follows `id`.
      currentId: () => (target.poster ? latest.current.id : undefined),
      resume: reload.resume,
      deferred: preload === "none" && !reload.resume,
      config: JSON.parse(hlsKey) as StreamVideoProps["hlsConfig"],
      // A refused request (expired token, say): a fresh token, which hls.js's own retries of
      // that request then carry. Past TOKEN_RETRIES since it last played, the token is not why.
      onTokenRejected: () => {
        const current = latest.current.signing;
        if (!active || !current || retries.current.count >= TOKEN_RETRIES) return;
        retries.current.count += 1;
        current.refresh();
      },
      onFatal: (failed: StreamVideoError) => {
        if (!active) return;
        let error = failed;
        const current = latest.current.signing;
        if (current && (error.status === 401 || error.status === 403)) {
          if (retries.current.count < TOKEN_RETRIES) {
            // Reload where it stopped, with the fresh token (now, if it is already here).
            retries.current.count += 1;
            if (latest.current.id !== createdWith) reloadHere();
            else {
              retries.current.waiting = true;
              current.refresh();
            }
            return;
          }
          error = new StreamVideoError("token-refused", error.message, error.status);
        }
        setFailure(error);
        latest.current.props.onPlaybackError?.(error);
      },
      onTracks: () => {
        if (active) setTracksVersion((v) => v + 1);
      },
    };
    const use = (next: Engine) => {
      created = next;
      setEngine(next);
    };
    if (native) use(nativeEngine(media, options));
    else
      import("./hlsEngine").then(
        ({ hlsEngine }) => {
          if (active) use(hlsEngine(media, options));
        },
        (error: Error) => {
          if (active) options.onFatal(new StreamVideoError("unsupported", error.message));
        },
      );
    return () => {
      active = false;
      created?.destroy();
      setEngine(undefined);
      setLoaded(false);
    };
  }, [media, url, engineChoice, reload, preload === "none", hlsKey]);

  // A new token: hls.js takes it at the next request; the browser's own HLS cannot, so it
  // reloads at the current time. After a refusal, either reloads where playback stopped.
  useEffect(() => {
    if (!engine || !media) return;
    if (engine.kind === "native" || retries.current.waiting) {
      retries.current.waiting = false;
      setReload((r) => ({
        count: r.count + 1,
        resume: { time: media.currentTime, play: !media.paused || r.resume?.play === true },
      }));
    }
    // Only a changed token matters here, not the engine it was made for.
  }, [token]);

  // Live properties the element has no attribute for.
  useEffect(() => {
    if (media && currentTime !== undefined && Math.abs(media.currentTime - currentTime) > 0.01)
      media.currentTime = currentTime;
  }, [media, currentTime]);
  useEffect(() => {
    if (media && volume !== undefined) media.volume = volume;
  }, [media, volume]);
  useEffect(() => {
    if (media && playbackRate !== undefined) media.playbackRate = playbackRate;
  }, [media, playbackRate]);

  // Tracks: the element's text tracks (hls.js adds the manifest's there) and the engine's audio.
  useEffect(() => {
    if (!media) return;
    return listen(media.textTracks, ["addtrack", "removetrack", "change"], () =>
      setTracksVersion((v) => v + 1),
    );
  }, [media]);
  const trackCount = media ? media.textTracks.length : 0;
  useEffect(() => {
    if (media && textTrack !== undefined) showTextTrack(media, textTrack);
  }, [media, textTrack, trackCount]);
  const audioCount = engine?.audio().length ?? 0;
  useEffect(() => {
    if (engine && audioTrack !== undefined) engine.selectAudio(audioTrack);
  }, [engine, audioTrack, audioCount]);
  const tracksJson = media ? JSON.stringify(readTracks(media, engine)) : "";
  useEffect(() => {
    if (media && tracksJson) latest.current.props.onTracksChange?.(JSON.parse(tracksJson));
  }, [tracksJson, tracksVersion]);

  // Loaded: the first frame is there. Playing again after a refusal: the token was fine.
  useEffect(() => {
    if (!media) return;
    const onLoaded = () => setLoaded(true);
    const onPlaying = () => {
      retries.current.count = 0;
    };
    media.addEventListener("loadeddata", onLoaded);
    media.addEventListener("playing", onPlaying);
    return () => {
      media.removeEventListener("loadeddata", onLoaded);
      media.removeEventListener("playing", onPlaying);
    };
  }, [media]);

  // A new source starts clean.
  const [failedFor, setFailedFor] = useState(target);
  if (failedFor !== target) {
    setFailedFor(target);
    setFailure(undefined);
    retries.current = { count: 0, waiting: false };
  }

  // Asked to play before anything loaded: load, play once the engine is there, and give the
  // element the focus the poster's button had, so keyboard users keep their place.
  useEffect(() => {
    if (!media || loading !== "click" || clicked) return;
    const onPlay = () => {
      setClicked(true);
      setPlayOnLoad((current) => current ?? "play");
    };
    media.addEventListener("play", onPlay);
    return () => media.removeEventListener("play", onPlay);
  }, [media, loading, clicked]);
  const [playOnLoad, setPlayOnLoad] = useState<"focus" | "play">();
  useEffect(() => {
    if (!engine || !media || !playOnLoad) return;
    setPlayOnLoad(undefined);
    if (playOnLoad === "focus") media.focus();
    playMuteIfRefused(media);
  }, [engine, media, playOnLoad]);

  // A video that finishes processing on the page plays by itself (muted if sound is refused).
  useEffect(() => {
    if (!engine || !media || !sawProcessing || phase !== "ready") return;
    clearSawProcessing();
    playMuteIfRefused(media);
  }, [engine, media, sawProcessing, phase]);

  const posterUrl = poster ?? (signing?.pending || !hasFrames ? undefined : target.poster);
  const name = typeof video?.meta?.name === "string" ? video.meta.name : undefined;
  const state: PlayerBoxState = target.error
    ? "invalid"
    : phase === "error" || failure
      ? "error"
      : !playable || waitingForStatus
        ? "processing"
        : loaded
          ? "playing"
          : "poster";
  const alert =
    phase === "error"
      ? (errorReason(video)?.text ?? "")
      : (target.error ??
        signing?.error?.message ??
        (failure?.code === "token-refused" ? text.tokenRefused : failure?.message));

  const mediaElement = (
    <video
      {...element}
      ref={setMedia}
      slot={slot}
      className={slot === undefined ? "sk-player__frame" : cx("sk-video", className)}
      style={
        slot === undefined
          ? undefined
          : ({
              aspectRatio: String(aspectRatioOf(aspectRatio, video)),
              width: "100%",
              ...style,
            } as CSSProperties)
      }
      poster={posterUrl}
      preload={preload}
      playsInline={playsInline}
      aria-label={title ?? name ?? text.title}
      // Focusable from script, so focus can move here from the poster's button.
      tabIndex={element.tabIndex ?? (loading === "click" ? -1 : undefined)}
      data-engine={engine?.kind}
    />
  );
  if (slot !== undefined)
    return (
      <>
        {mediaElement}
        <PlayerOverlays
          state={state}
          video={video}
          alert={alert}
          text={text}
          slot="centered-chrome"
        />
        {children}
      </>
    );
  return (
    <PlayerBox
      boxRef={boxRef}
      className={cx("sk-video", className)}
      style={style}
      responsive={responsive}
      width={width}
      height={height}
      aspectRatio={aspectRatio}
      video={video}
      state={state}
      poster={posterUrl}
      alert={alert}
      text={text}
    >
      {mediaElement}
      {loading === "click" && !clicked && playable && target.url && (
        <PlayButton
          label={text.play(title ?? name)}
          onPress={() => {
            setClicked(true);
            setPlayOnLoad("focus");
          }}
        />
      )}
      {children}
    </PlayerBox>
  );
}
