import { errorReason, isUid, type Video, videoPhase } from "@streamkit/core";
import {
  assertDeliveryId,
  DEFAULT_SDK_URL,
  type DeliveryConfig,
  type IframeParams,
  iframeUrl,
  LEGACY_DELIVERY_ORIGIN,
  legacyIframeUrl,
  thumbnailUrl,
} from "@streamkit/core/urls";
import { useOptionalStreamContext, useSignedToken, useVideoStatus } from "@streamkit/hooks";
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
import { cx } from "./cx";
import { useStreamMessages } from "./messages";
import { aspectRatioOf } from "./player/aspect";
import { createHandle } from "./player/handle";
import {
  PLAYER_EVENTS,
  type PlayerEventProp,
  type PlayerEventProps,
  type Preload,
  type StreamPlayerApi,
  type StreamPlayerHandle,
} from "./player/types";
import { useInView } from "./player/useInView";
import { useStreamApi } from "./player/useStreamApi";
import { VideoStatusBadge } from "./VideoStatusBadge";

/**
 * Props of `@cloudflare/stream-react`'s `<Stream>`, same names and defaults (a type test keeps
 * them so), plus streamkit's own.
 */
export interface StreamPlayerProps extends PlayerEventProps {
  /** Video uid, signed token, or a full iframe URL (used as is). */
  src: string;
  adUrl?: string;
  /** Defaults to false. Browsers usually allow it only when `muted`. */
  autoplay?: boolean;
  className?: string;
  /** Defaults to false, as in stream-react (the raw iframe shows controls by default). */
  controls?: boolean;
  /** Seeks when it changes. */
  currentTime?: number;
  customerCode?: string;
  /** Caption language shown at start; changing it reloads the player. */
  defaultTextTrack?: string;
  /** CSS pixels, for `responsive={false}`. */
  height?: string;
  letterboxColor?: string;
  /** Defaults to false. */
  loop?: boolean;
  /** Defaults to false. */
  muted?: boolean;
  /** Defaults to 1. */
  playbackRate?: number;
  /** Image shown before playback; defaults to the video's thumbnail. */
  poster?: string;
  /** Defaults to "metadata". */
  preload?: Preload;
  primaryColor?: string;
  /** Keep the box at the video's aspect ratio. Defaults to true. */
  responsive?: boolean;
  /** Seconds or `1h12m27s`; changing it reloads the player. */
  startTime?: string | number;
  /** Receives the SDK player object, as in stream-react. */
  streamRef?: { current: StreamPlayerApi | undefined };
  /** Accessible name of the iframe. */
  title?: string;
  /** 0..1; defaults to 1. */
  volume?: number;
  /** CSS pixels, for `responsive={false}`. */
  width?: string;

  /** Any delivery origin (the emulator, a custom domain); wins over `customerCode`. */
  deliveryOrigin?: string;
  /** The player SDK script; defaults to the provider's, else Cloudflare's. */
  sdkUrl?: string;
  /** A signed token that replaces the uid in every URL (for `requireSignedURLs` videos). */
  token?: string;
  /** Width / height as a number, or `"16/9"`. Defaults to the video's size when known, else 16/9. */
  aspectRatio?: number | string;
  /**
   * When the iframe is created: `eager` after hydration (default), `lazy` near the viewport,
   * `click` when the viewer presses play on the poster.
   */
  loading?: "eager" | "lazy" | "click";
  /** The video, when the app already has it: gives the aspect ratio and status at once. */
  video?: Video;
  /**
   * Inside a `StreamProvider`, a uid still processing shows its progress over the poster and plays
   * when ready. Defaults to true.
   */
  watchStatus?: boolean;
  /** The SDK player object is bound and the handle's properties are live. */
  onReady?: (player: StreamPlayerHandle) => void;
  style?: CSSProperties;
}

/** The Stream player iframe, poster first and without layout shift, every prop live after mount. */
export const StreamPlayer = forwardRef<StreamPlayerHandle, StreamPlayerProps>(
  function StreamPlayer(props, ref) {
    const context = useOptionalStreamContext();
    const watch = context !== null && props.watchStatus !== false && isUid(props.src);
    return watch ? (
      <WatchedPlayer {...props} handleRef={ref} />
    ) : (
      <PlayerView {...props} handleRef={ref} />
    );
  },
);

interface InnerProps extends StreamPlayerProps {
  handleRef: Ref<StreamPlayerHandle>;
  status?: { video: Video | undefined; failed: boolean };
  /** Signed playback: waiting for the first token, and a way to replace a rejected one. */
  signing?: { pending: boolean; error: Error | undefined; refresh: () => void };
}

function WatchedPlayer(props: InnerProps): ReactNode {
  const live = useVideoStatus(props.src, {
    enabled: !props.video || videoPhase(props.video) !== "ready",
  });
  const video = live.video ?? props.video;
  // A private video plays with a token from the proxy, kept fresh by useSignedToken.
  const signed = Boolean(video?.requireSignedURLs) && props.token === undefined;
  const signedToken = useSignedToken(props.src, { enabled: signed });
  return (
    <PlayerView
      {...props}
      token={signed ? signedToken.token : props.token}
      status={{ video, failed: live.error !== undefined }}
      signing={
        signed
          ? {
              pending: signedToken.token === undefined,
              error: signedToken.error,
              refresh: signedToken.refresh,
            }
          : undefined
      }
    />
  );
}

const ALLOW = "accelerometer; gyroscope; autoplay; encrypted-media; picture-in-picture;";

function PlayerView(props: InnerProps): ReactNode {
  const {
    src,
    token,
    className,
    style,
    title,
    responsive = true,
    height,
    width,
    loading = "eager",
    status,
    signing,
    handleRef,
  } = props;
  const context = useOptionalStreamContext();
  const messages = useStreamMessages();
  const video = status?.video ?? props.video;
  const delivery = useMemo<DeliveryConfig | undefined>(() => {
    if (props.deliveryOrigin) return { deliveryOrigin: props.deliveryOrigin };
    if (props.customerCode) return { customerCode: props.customerCode };
    return context?.delivery;
  }, [props.deliveryOrigin, props.customerCode, context?.delivery]);
  const sdkUrl = props.sdkUrl ?? context?.sdkUrl ?? DEFAULT_SDK_URL;

  // Properties the SDK can change live are read from here when an iframe is (re)created.
  const live = {
    autoplay: props.autoplay ?? false,
    controls: props.controls ?? false,
    loop: props.loop ?? false,
    muted: props.muted ?? false,
    preload: props.preload ?? ("metadata" as Preload),
    primaryColor: props.primaryColor,
    letterboxColor: props.letterboxColor,
    poster: props.poster,
  };
  const liveRef = useRef(live);
  liveRef.current = live;

  const phase = video ? videoPhase(video) : undefined;
  const waitingForStatus = status !== undefined && !status.failed && phase === undefined;
  const playable =
    !signing?.pending &&
    (!status ||
      status.failed ||
      phase === "ready" ||
      phase === "live" ||
      (phase === undefined && !waitingForStatus));
  const [autoplayWhenReady, setAutoplayWhenReady] = useState(false);
  const sawProcessing = useRef(false);
  useEffect(() => {
    if (phase && phase !== "ready" && phase !== "live" && phase !== "error")
      sawProcessing.current = true;
    else if (phase === "ready" && sawProcessing.current) {
      sawProcessing.current = false;
      setAutoplayWhenReady(true);
    }
  }, [phase]);

  const [clicked, setClicked] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const inView = useInView(boxRef, loading === "lazy");
  const wanted = loading === "click" ? clicked : loading === "lazy" ? inView : hydrated;

  const [iframe, setIframe] = useState<HTMLIFrameElement | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [generation, setGeneration] = useState(0);
  // A refreshed token must not reload a player that is playing: the URL keeps the token it was
  // loaded with, and takes the new one when it loads again (new src, or after a rejected token).
  const pinned = useRef({ src, token, generation });
  if (!loaded || pinned.current.src !== src || pinned.current.generation !== generation) {
    pinned.current = { src, token, generation };
  }
  const urlToken = pinned.current.token;
  const [reloadAfterRefresh, setReloadAfterRefresh] = useState(false);
  // Reloads for a rejected token since the player last played; past two, the token is not the cause.
  const tokenReloads = useRef(0);
  const [tokenRefused, setTokenRefused] = useState(false);
  useEffect(() => {
    if (reloadAfterRefresh && token !== urlToken) {
      setReloadAfterRefresh(false);
      setGeneration((g) => g + 1);
    }
  }, [reloadAfterRefresh, token, urlToken]);

  // Only what the SDK cannot change after load makes a new iframe URL.
  const { adUrl, defaultTextTrack, startTime } = props;
  const id = urlToken ?? src;
  const target = useMemo((): { url?: string; poster?: string; error?: string } => {
    try {
      if (/^https?:\/\//i.test(src) && !urlToken) return { url: src };
      assertDeliveryId(id, urlToken ? "token" : "src");
      const initial = liveRef.current;
      const params: IframeParams = {
        ...initial,
        autoplay: initial.autoplay || clicked,
        adUrl,
        defaultTextTrack,
        startTime,
      };
      const url = delivery ? iframeUrl(id, delivery, params) : legacyIframeUrl(id, params);
      const poster = thumbnailUrl(id, delivery ?? { deliveryOrigin: LEGACY_DELIVERY_ORIGIN });
      return { url, poster };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [src, urlToken, id, delivery, adUrl, defaultTextTrack, startTime, clicked]);

  const { api, error: sdkError } = useStreamApi(iframe, sdkUrl);
  // Without the SDK the iframe still plays; only events and the ref go quiet, so say it once.
  useEffect(() => {
    if (sdkError)
      console.warn(`streamkit: ${sdkError.message}; player events and ref are unavailable.`);
  }, [sdkError]);
  const showIframe = wanted && playable && target.url !== undefined;

  // The handle outlives iframes: listeners added through it follow the player across reloads.
  const apiRef = useRef<StreamPlayerApi | undefined>(undefined);
  apiRef.current = api;
  const iframeRef = useRef<HTMLIFrameElement | null>(null);
  iframeRef.current = iframe;
  const waiters = useRef<((api: StreamPlayerApi) => void)[]>([]);
  const listeners = useRef(new Map<string, Set<EventListener>>());
  const handle = useMemo(
    () =>
      createHandle({
        api: () => apiRef.current,
        iframe: () => iframeRef.current,
        ready: () =>
          apiRef.current
            ? Promise.resolve(apiRef.current)
            : new Promise((resolve) => waiters.current.push(resolve)),
        listeners: listeners.current,
      }),
    [],
  );
  useImperativeHandle(handleRef, () => handle, [handle]);

  const propsRef = useRef(props);
  propsRef.current = props;
  useEffect(() => {
    if (!api) return;
    const { streamRef, onReady } = propsRef.current;
    if (streamRef) streamRef.current = api;
    for (const resolve of waiters.current.splice(0)) resolve(api);
    const bound: [string, EventListener][] = Object.entries(PLAYER_EVENTS).map(([prop, event]) => [
      event,
      (e: Event) => {
        if (event === "error" && propsRef.current.signing) {
          // Most likely an expired or rejected token: fetch a new one and reload with it, twice at most.
          if (tokenReloads.current < 2) {
            tokenReloads.current += 1;
            setReloadAfterRefresh(true);
            propsRef.current.signing.refresh();
          } else {
            setTokenRefused(true);
          }
        }
        if (event === "playing" || event === "loadeddata") {
          tokenReloads.current = 0;
          setTokenRefused(false);
        }
        propsRef.current[prop as PlayerEventProp]?.(e);
        for (const listener of listeners.current.get(event) ?? []) listener(e);
      },
    ]);
    for (const [event, listener] of bound) api.addEventListener(event, listener);
    onReady?.(handle);
    return () => {
      for (const [event, listener] of bound) api.removeEventListener(event, listener);
      if (streamRef?.current === api) streamRef.current = undefined;
    };
  }, [api, handle]);

  useEffect(() => {
    if (!api || !autoplayWhenReady) return;
    setAutoplayWhenReady(false);
    // Autoplay with sound is usually refused; muted playback is the documented fallback.
    api.play().catch(() => {
      api.muted = true;
      return api.play().catch(() => {});
    });
  }, [api, autoplayWhenReady]);

  useSdkProperty(api, "muted", props.muted);
  useSdkProperty(api, "controls", props.controls);
  useSdkProperty(api, "autoplay", props.autoplay);
  useSdkProperty(api, "loop", props.loop);
  useSdkProperty(api, "preload", props.preload);
  useSdkProperty(api, "primaryColor", props.primaryColor);
  useSdkProperty(api, "letterboxColor", props.letterboxColor);
  useSdkProperty(api, "poster", props.poster);
  useSdkProperty(api, "volume", props.volume);
  useSdkProperty(api, "playbackRate", props.playbackRate);
  useSdkProperty(api, "currentTime", props.currentTime);

  useEffect(() => {
    if (!showIframe) setLoaded(false);
  }, [showIframe]);
  // After a click on the poster, focus follows the player so keyboard users keep their place.
  useEffect(() => {
    if (clicked && loaded) iframe?.focus();
  }, [clicked, loaded, iframe]);

  const ratio = aspectRatioOf(props.aspectRatio, video);
  const posterUrl = props.poster ?? (signing?.pending ? undefined : target.poster);
  const name = typeof video?.meta?.name === "string" ? video.meta.name : undefined;
  const reason = phase === "error" ? errorReason(video)?.text : undefined;
  const state = target.error
    ? "invalid"
    : phase === "error"
      ? "error"
      : !playable || waitingForStatus
        ? "processing"
        : loaded
          ? "playing"
          : "poster";

  const boxStyle = {
    ...(responsive ? { "--sk-aspect": String(ratio) } : { width, height, aspectRatio: "auto" }),
    ...style,
  } as CSSProperties;

  return (
    <div ref={boxRef} className={cx("sk-player", className)} style={boxStyle} data-state={state}>
      {posterUrl && <img className="sk-player__poster" src={posterUrl} alt="" decoding="async" />}
      {showIframe && (
        <iframe
          key={target.url}
          ref={setIframe}
          className="sk-player__frame"
          src={target.url}
          title={title ?? name ?? messages.player.title}
          allow={ALLOW}
          allowFullScreen
          height={responsive ? undefined : height}
          width={responsive ? undefined : width}
          data-loaded={loaded}
          onLoad={() => setLoaded(true)}
        />
      )}
      {loading === "click" && !clicked && playable && target.url && (
        <button
          type="button"
          className="sk-player__play"
          aria-label={messages.player.play(name)}
          onClick={() => setClicked(true)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M8 5v14l11-7z" />
          </svg>
        </button>
      )}
      {state === "processing" && video && (
        <div className="sk-player__overlay">
          <VideoStatusBadge video={video} variant="full" />
          <span>{messages.player.processing}</span>
        </div>
      )}
      {(state === "error" || state === "invalid" || signing?.error || tokenRefused) && (
        <div className="sk-player__overlay" role="alert">
          {messages.player.failed(
            reason ??
              target.error ??
              signing?.error?.message ??
              (tokenRefused ? messages.player.tokenRefused : ""),
          )}
        </div>
      )}
    </div>
  );
}

/** Pushes a prop to the SDK object when it changes, as stream-react does. */
function useSdkProperty<K extends keyof StreamPlayerApi>(
  api: StreamPlayerApi | undefined,
  key: K,
  value: StreamPlayerApi[K] | undefined,
): void {
  useEffect(() => {
    if (api && value !== undefined) api[key] = value;
  }, [api, key, value]);
}
