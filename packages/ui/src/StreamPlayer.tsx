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
  lazy,
  type ReactNode,
  type Ref,
  Suspense,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import { cx } from "./cx";
import { useMessages } from "./messages/context";
import { playerMessages } from "./messages/player";
import { aspectRatioOf } from "./player/aspect";
import { createHandle } from "./player/handle";
import type { PlayerLink } from "./player/link";
import { ProcessingStatus } from "./player/ProcessingStatus";
import type {
  PlayerEventProps,
  Preload,
  StreamPlayerApi,
  StreamPlayerHandle,
} from "./player/types";
import { useInView } from "./player/useInView";

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

/**
 * The SDK side of the player (script, player object, events, live props) is a chunk of its own:
 * it is needed only once an iframe exists, after hydration, so the first bundle carries just the
 * poster, the box and the iframe. The handle works before it arrives (see `PlayerLink`).
 */
const SdkBridge = lazy(() =>
  import("./player/SdkBridge").then(
    (module) => ({ default: module.SdkBridge }),
    // As when the SDK script fails: the iframe still plays, only events and the ref go quiet.
    (error: Error) => {
      console.warn(`streamkit: ${error.message}; player events and ref are unavailable.`);
      return { default: () => null };
    },
  ),
);

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
  const text = useMessages("player", playerMessages);
  const video = status?.video ?? props.video;
  const delivery = useMemo<DeliveryConfig | undefined>(() => {
    if (props.deliveryOrigin) return { deliveryOrigin: props.deliveryOrigin };
    if (props.customerCode) return { customerCode: props.customerCode };
    return context?.delivery;
  }, [props.deliveryOrigin, props.customerCode, context?.delivery]);
  const sdkUrl = props.sdkUrl ?? context?.sdkUrl ?? DEFAULT_SDK_URL;

  // The latest props, for the URL of a new iframe.
  const propsRef = useRef(props);
  propsRef.current = props;

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
      // Properties the SDK changes live are only read here, when an iframe is (re)created.
      const latest = propsRef.current;
      const params: IframeParams = {
        ...latest,
        autoplay: latest.autoplay || clicked,
        controls: latest.controls ?? false,
        preload: latest.preload ?? "metadata",
      };
      const url = delivery ? iframeUrl(id, delivery, params) : legacyIframeUrl(id, params);
      const poster = thumbnailUrl(id, delivery ?? { deliveryOrigin: LEGACY_DELIVERY_ORIGIN });
      return { url, poster };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [src, urlToken, id, delivery, adUrl, defaultTextTrack, startTime, clicked]);

  const showIframe = wanted && playable && target.url !== undefined;

  // The handle outlives iframes: listeners added through it follow the player across reloads.
  const [link] = useState<PlayerLink>(() => ({ iframe, waiters: [], listeners: new Map() }));
  link.iframe = iframe;
  const handle = useMemo(() => createHandle(link), [link]);
  useImperativeHandle(handleRef, () => handle, [handle]);

  useEffect(() => {
    if (!showIframe) setLoaded(false);
  }, [showIframe]);
  // After a click on the poster, focus follows the player so keyboard users keep their place.
  useEffect(() => {
    if (clicked && loaded) iframe?.focus();
  }, [clicked, loaded, iframe]);

  const ratio = aspectRatioOf(props.aspectRatio, video);
  // A video known to be processing or failed has no frame to show yet (the thumbnail answers
  // 404 or 424): the box keeps its size and shows the status instead of a broken image.
  const hasFrames = playable || waitingForStatus;
  const posterUrl = props.poster ?? (signing?.pending || !hasFrames ? undefined : target.poster);
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
      {wanted && (
        <Suspense fallback={null}>
          <SdkBridge
            iframe={iframe}
            sdkUrl={sdkUrl}
            link={link}
            handle={handle}
            props={props}
            autoplay={autoplayWhenReady}
            setAutoplay={setAutoplayWhenReady}
            setReloadAfterRefresh={setReloadAfterRefresh}
            setTokenRefused={setTokenRefused}
          />
        </Suspense>
      )}
      {posterUrl && <img className="sk-player__poster" src={posterUrl} alt="" decoding="async" />}
      {showIframe && (
        <iframe
          key={target.url}
          ref={setIframe}
          className="sk-player__frame"
          src={target.url}
          title={title ?? name ?? text.title}
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
          aria-label={text.play(name)}
          onClick={() => setClicked(true)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M8 5v14l11-7z" />
          </svg>
        </button>
      )}
      {state === "processing" && video && (
        <div className="sk-player__overlay">
          <ProcessingStatus video={video} />
          <span>{text.processing}</span>
        </div>
      )}
      {(state === "error" || state === "invalid" || signing?.error || tokenRefused) && (
        <div className="sk-player__overlay" role="alert">
          {text.failed(
            reason ??
              target.error ??
              signing?.error?.message ??
              (tokenRefused ? text.tokenRefused : ""),
          )}
        </div>
      )}
    </div>
  );
}
