import { errorReason, type Video, videoPhase } from "@streamkit/core";
import {
  DEFAULT_SDK_URL,
  type DeliveryConfig,
  iframeUrl,
  legacyIframeUrl,
  playerPoster,
} from "@streamkit/core/urls";
import {
  type UseSignedTokenOptions,
  useOptionalStreamContext,
  useSignedToken,
  useVideoStatus,
} from "@streamkit/hooks";
import { type ReactNode, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { useMessages } from "../messages/context";
import { playerMessages } from "../messages/player";
import { defaultThumbnailTime } from "../thumbnail/defaultTime";
import { createHandle } from "./handle";
import type { PlayerLink, UrlToken } from "./link";
import {
  PlayButton,
  PlayerBox,
  playability,
  type Signing,
  useSawProcessing,
  type WatchedStatus,
} from "./PlayerBox";
import type { InnerProps } from "./props";
import { playerTarget } from "./target";
import { useInView } from "./useInView";
import { usePlayerBridge } from "./usePlayerBridge";

const ALLOW = "accelerometer; gyroscope; autoplay; encrypted-media; picture-in-picture;";

/**
 * The player box: poster, iframe, status. Props map onto the SDK bridge (`playerBridge`, loaded
 * once an iframe is wanted) with one effect per concern; the URL is the only thing built here.
 */
export function PlayerView(props: InnerProps): ReactNode {
  const {
    src,
    token,
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
  const delivery = useDelivery(props);
  const sdkUrl = props.sdkUrl ?? context?.sdkUrl ?? DEFAULT_SDK_URL;
  const { phase, waitingForStatus, playable, hasFrames, processing } = playability(
    status,
    video,
    signing,
  );

  const [clicked, setClicked] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const boxRef = useRef<HTMLDivElement>(null);
  const inView = useInView(boxRef, loading === "lazy");
  const wanted = loading === "click" ? clicked : loading === "lazy" ? inView : hydrated;

  // The handle outlives iframes: listeners added through it follow the player across reloads.
  const [link] = useState<PlayerLink>(() => ({ iframe: null, waiters: [], listeners: new Map() }));
  const handle = useMemo(() => createHandle(link), [link]);
  useImperativeHandle(handleRef, () => handle, [handle]);
  const [iframe, setIframe] = useState<HTMLIFrameElement | null>(null);
  useEffect(() => {
    link.iframe = iframe;
  }, [link, iframe]);
  const [loaded, setLoaded] = useState(false);

  // The token in the URL. A refreshed token must not reload a player that is playing: a loaded
  // iframe keeps the token it was loaded with, and takes the current one only for a new src or
  // once the player rejected its own. Adjusted while rendering, so no iframe mounts with a stale one.
  const [urlToken, setUrlToken] = useState<UrlToken>({ src, token });
  if (
    urlToken.src !== src ||
    (urlToken.token !== token && (!loaded || urlToken.status === "rejected"))
  )
    setUrlToken({ src, token });
  const refused = urlToken.status === "refused";

  // Only what the SDK cannot change after load makes a new iframe URL; the live props are read
  // here too, as they are when an iframe is (re)created, and set on the player object after.
  const { defaultTextTrack, startTime } = props;
  const posterTime = defaultThumbnailTime(video);
  const target = useMemo(
    () =>
      playerTarget(
        src,
        urlToken.token,
        delivery,
        (id, config) => {
          const params = {
            ...props,
            poster: playerPoster(props.poster),
            autoplay: props.autoplay || clicked,
            controls: props.controls ?? false,
            preload: props.preload ?? "metadata",
          };
          return config ? iframeUrl(id, config, params) : legacyIframeUrl(id, params);
        },
        posterTime,
      ),
    [src, urlToken.token, delivery, defaultTextTrack, startTime, clicked, posterTime],
  );
  const showIframe = wanted && playable && target.url !== undefined;

  const bridge = usePlayerBridge(wanted, link, handle, setUrlToken);
  // Every render: event props are called as they are at the event, live props set on change.
  useEffect(() => bridge?.update(props));
  // A new iframe (new src or token) gets a new player object.
  useEffect(
    () => (bridge && iframe ? bridge.attach(iframe, sdkUrl) : undefined),
    [bridge, iframe, sdkUrl],
  );
  // A video that finishes processing while on the page plays by itself once it is ready.
  const [sawProcessing, clearSawProcessing] = useSawProcessing(processing);
  useEffect(() => {
    if (!bridge || !sawProcessing || phase !== "ready") return;
    clearSawProcessing();
    bridge.autoplay();
  }, [bridge, sawProcessing, phase]);

  // No iframe, nothing loaded: adjusted while rendering, so the poster never waits a commit.
  if (!showIframe && loaded) setLoaded(false);
  // After a click on the poster, focus follows the player so keyboard users keep their place.
  useEffect(() => {
    if (clicked && loaded) iframe?.focus();
  }, [clicked, loaded, iframe]);

  // A video known to be processing or failed has no frame to show yet (the thumbnail answers
  // 404 or 424): the box keeps its size and shows the status instead of a broken image.
  const posterUrl = props.poster ?? (signing?.pending || !hasFrames ? undefined : target.poster);
  const name = typeof video?.meta?.name === "string" ? video.meta.name : undefined;
  const state = target.error
    ? "invalid"
    : phase === "error"
      ? "error"
      : !playable || waitingForStatus
        ? "processing"
        : loaded
          ? "playing"
          : "poster";

  return (
    <PlayerBox
      {...props}
      boxRef={boxRef}
      video={video}
      state={state}
      poster={posterUrl}
      text={text}
      alert={
        phase === "error"
          ? (errorReason(video)?.text ?? "")
          : (target.error ?? signing?.error?.message ?? (refused ? text.tokenRefused : undefined))
      }
    >
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
        <PlayButton label={text.play(title ?? name)} onPress={() => setClicked(true)} />
      )}
    </PlayerBox>
  );
}

/**
 * A uid's live status and, for a private video without a `token` of its own, a signed token
 * from the proxy (shared by every player of that video, replaced before it expires). Needs a
 * `StreamProvider`.
 */
export function useWatchedVideo(
  src: string,
  known: Video | undefined,
  token: string | undefined,
  tokenOptions?: Omit<UseSignedTokenOptions, "enabled">,
): { token: string | undefined; status: WatchedStatus; signing: Signing | undefined } {
  const live = useVideoStatus(src, { enabled: !known || videoPhase(known) !== "ready" });
  const video = live.video ?? known;
  const signed = Boolean(video?.requireSignedURLs) && token === undefined;
  const signedToken = useSignedToken(src, { ...tokenOptions, enabled: signed });
  return {
    token: signed ? signedToken.token : token,
    status: { video, failed: live.error !== undefined },
    signing: signed
      ? {
          pending: signedToken.token === undefined,
          error: signedToken.error,
          refresh: signedToken.refresh,
        }
      : undefined,
  };
}

/** The delivery origin: the props' own (`deliveryOrigin` wins), else the provider's. */
export function useDelivery(props: {
  deliveryOrigin?: string | undefined;
  customerCode?: string | undefined;
}): DeliveryConfig | undefined {
  const context = useOptionalStreamContext();
  return useMemo<DeliveryConfig | undefined>(() => {
    if (props.deliveryOrigin) return { deliveryOrigin: props.deliveryOrigin };
    if (props.customerCode) return { customerCode: props.customerCode };
    return context?.delivery;
  }, [props.deliveryOrigin, props.customerCode, context?.delivery]);
}
