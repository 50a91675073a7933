import { playerPoster } from "@streamkit/core/urls";
import type { PlayerLink, TokenStatus } from "./link";
import { loadStreamSdk } from "./sdk";
import {
  eventOf,
  PLAYER_EVENT_PROPS,
  type PlayerEventProps,
  type StreamPlayerApi,
  type StreamPlayerHandle,
} from "./types";

/** Props the SDK's player object can change in place, without a new iframe. */
const LIVE_PROPS = [
  "muted",
  "controls",
  "autoplay",
  "loop",
  "preload",
  "primaryColor",
  "letterboxColor",
  "poster",
  "adUrl",
  "volume",
  "playbackRate",
  "currentTime",
] as const satisfies readonly (keyof StreamPlayerApi)[];

export type LiveProps = Partial<Pick<StreamPlayerApi, (typeof LIVE_PROPS)[number]>>;

/** The player's props the bridge reads: event props, live properties, `streamRef`, `onReady`. */
export interface BridgeProps extends PlayerEventProps, LiveProps {
  streamRef?: { current: StreamPlayerApi | undefined } | undefined;
  onReady?: ((player: StreamPlayerHandle) => void) | undefined;
  /** Present for a signed video: asks for a fresh token. */
  signing?: { refresh: () => void } | undefined;
}

export interface PlayerBridge {
  /**
   * Binds an SDK player object to the iframe, loading the SDK script first (once per page and
   * URL, whatever the number of players). Returns the unbinding; a new attach unbinds the last.
   */
  attach(iframe: HTMLIFrameElement, sdkUrl: string): () => void;
  /** The latest props: event props are called as they are at the event, live props set when changed. */
  update(props: BridgeProps): void;
  /** Plays once the player object exists, muted if sound is refused. */
  autoplay(): void;
  /** Unbinds and forgets: no listener, pending load or pending play is left behind. */
  destroy(): void;
}

/** Reloads for a rejected token since the player last played; past that, the token is not the cause. */
const TOKEN_RELOADS = 2;

/**
 * The SDK side of one player, framework-free: it outlives iframes (a new src or token makes a new
 * one, and a new player object), so token retries and handle listeners carry across reloads. It
 * is the lazily loaded part of `StreamPlayer`: nothing here is needed before an iframe exists.
 */
export function createPlayerBridge(
  /** Shared with the ref handle, which reads the player object and listeners from it. */
  link: PlayerLink,
  /** Given to `onReady`. */
  handle: StreamPlayerHandle,
  /** How the player took a signed token (see `TokenStatus`); the view owns the URL. */
  onToken?: (status: TokenStatus) => void,
): PlayerBridge {
  let props: BridgeProps = {};
  let api: StreamPlayerApi | undefined;
  /** What was last set on `api`, so a live prop is set only when it changes (as stream-react). */
  let sent: LiveProps = {};
  let wantsPlay = false;
  let tokenReloads = 0;
  let detach: (() => void) | undefined;
  let destroyed = false;

  // One listener per SDK event, kept for the bridge's life so every player object gets the same.
  const listeners = PLAYER_EVENT_PROPS.map((prop): [string, EventListener] => {
    const event = eventOf(prop);
    return [
      event,
      (e) => {
        if (event === "error" && props.signing) {
          // Most likely an expired or rejected token: ask for a fresh one and reload with it.
          if (tokenReloads < TOKEN_RELOADS) {
            tokenReloads += 1;
            onToken?.("rejected");
            props.signing.refresh();
          } else {
            onToken?.("refused");
          }
        }
        if (event === "seeking" || event === "seeked") link.seeking = event === "seeking";
        // It plays: the token was fine after all. Said only after a rejection, not at every play.
        if ((event === "playing" || event === "loadeddata") && tokenReloads > 0) {
          tokenReloads = 0;
          onToken?.("accepted");
        }
        props[prop]?.(e);
        for (const listener of link.listeners.get(event) ?? []) listener(e);
      },
    ];
  });

  const setLiveProps = () => {
    if (!api) return;
    for (const key of LIVE_PROPS) {
      const value = key === "poster" ? playerPoster(props.poster) : props[key];
      if (value !== undefined && !Object.is(value, sent[key])) {
        // Each key takes its own prop's type; TypeScript cannot follow that through the loop.
        Object.assign(api, { [key]: value });
        Object.assign(sent, { [key]: value });
      }
    }
  };

  const play = () => {
    if (!api || !wantsPlay) return;
    wantsPlay = false;
    const player = api;
    // Autoplay with sound is usually refused; muted playback is the documented fallback.
    player.play().catch(() => {
      player.muted = true;
      return player.play().catch(() => {});
    });
  };

  const bind = (player: StreamPlayerApi) => {
    const { streamRef, onReady } = props;
    api = player;
    sent = {};
    link.api = player;
    link.seeking = false;
    if (streamRef) streamRef.current = player;
    for (const [event, listener] of listeners) player.addEventListener(event, listener);
    setLiveProps();
    for (const resolve of link.waiters.splice(0)) resolve(player);
    onReady?.(handle);
    play();
    return () => {
      for (const [event, listener] of listeners) player.removeEventListener(event, listener);
      if (api === player) api = undefined;
      if (link.api === player) link.api = undefined;
      if (streamRef?.current === player) streamRef.current = undefined;
    };
  };

  return {
    attach(iframe, sdkUrl) {
      detach?.();
      if (destroyed) return () => {};
      let active = true;
      let unbind: (() => void) | undefined;
      loadStreamSdk(sdkUrl).then(
        (sdk) => {
          if (active) unbind = bind(sdk(iframe));
        },
        // Without the SDK the iframe still plays; only events and the ref go quiet.
        (error: Error) => {
          if (active)
            console.warn(`streamkit: ${error.message}; player events and ref are unavailable.`);
        },
      );
      const done = () => {
        active = false;
        unbind?.();
        unbind = undefined;
        if (detach === done) detach = undefined;
      };
      detach = done;
      return done;
    },
    update(next) {
      props = next;
      setLiveProps();
    },
    autoplay() {
      wantsPlay = true;
      play();
    },
    destroy() {
      destroyed = true;
      detach?.();
      wantsPlay = false;
      props = {};
    },
  };
}
