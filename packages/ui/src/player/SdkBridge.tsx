import { type ReactNode, useEffect, useRef } from "react";
import type { PlayerLink } from "./link";
import {
  eventOf,
  PLAYER_EVENT_PROPS,
  type PlayerEventProps,
  type StreamPlayerApi,
  type StreamPlayerHandle,
} from "./types";
import { type LiveProps, useSdkProperties } from "./useSdkProperties";
import { useStreamApi } from "./useStreamApi";

/** The player's props the bridge needs: event props, live properties, `streamRef`, `onReady`. */
export interface BridgedProps extends PlayerEventProps, LiveProps {
  streamRef?: { current: StreamPlayerApi | undefined };
  onReady?: (player: StreamPlayerHandle) => void;
  /** Present for a signed video: asks for a fresh token. */
  signing?: { refresh: () => void };
}

export interface SdkBridgeProps {
  iframe: HTMLIFrameElement | null;
  sdkUrl: string;
  link: PlayerLink;
  handle: StreamPlayerHandle;
  props: BridgedProps;
  /** A video that just finished processing: play once the player object exists. */
  autoplay: boolean;
  setAutoplay: (value: boolean) => void;
  /** A fresh token was asked for after one was rejected: reload when it arrives. */
  setReloadAfterRefresh: (value: boolean) => void;
  /** Fresh tokens keep being rejected (true), or the player plays again (false). */
  setTokenRefused: (value: boolean) => void;
}

/**
 * The player's link to the Stream SDK: loads the script, binds the SDK's player object to the
 * iframe, calls event props and handle listeners, keeps live props in sync and resolves the
 * handle's waiting calls. It only matters once an iframe exists, after hydration, so it is
 * loaded apart from the view (`React.lazy`) and stays out of the first bundle. Renders nothing.
 */
export function SdkBridge({
  iframe,
  sdkUrl,
  link,
  handle,
  props,
  autoplay,
  setAutoplay,
  setReloadAfterRefresh,
  setTokenRefused,
}: SdkBridgeProps): ReactNode {
  const { api, error } = useStreamApi(iframe, sdkUrl);
  const latest = useRef(props);
  latest.current = props;
  // Reloads for a rejected token since the player last played; past two, the token is not the cause.
  const tokenReloads = useRef(0);

  // Without the SDK the iframe still plays; only events and the ref go quiet, so say it once.
  useEffect(() => {
    if (error) console.warn(`streamkit: ${error.message}; player events and ref are unavailable.`);
  }, [error]);

  useEffect(() => {
    if (!api) return;
    const { streamRef, onReady } = latest.current;
    link.api = api;
    if (streamRef) streamRef.current = api;
    for (const resolve of link.waiters.splice(0)) resolve(api);
    const bound = PLAYER_EVENT_PROPS.map((prop): [string, EventListener] => {
      const event = eventOf(prop);
      return [
        event,
        (e: Event) => {
          const { signing } = latest.current;
          if (event === "error" && signing) {
            // Most likely an expired or rejected token: fetch a new one and reload with it, twice at most.
            if (tokenReloads.current < 2) {
              tokenReloads.current += 1;
              setReloadAfterRefresh(true);
              signing.refresh();
            } else {
              setTokenRefused(true);
            }
          }
          if (event === "playing" || event === "loadeddata") {
            tokenReloads.current = 0;
            setTokenRefused(false);
          }
          latest.current[prop]?.(e);
          for (const listener of link.listeners.get(event) ?? []) listener(e);
        },
      ];
    });
    for (const [event, listener] of bound) api.addEventListener(event, listener);
    onReady?.(handle);
    return () => {
      for (const [event, listener] of bound) api.removeEventListener(event, listener);
      if (link.api === api) link.api = undefined;
      if (streamRef?.current === api) streamRef.current = undefined;
    };
  }, [api, link, handle, setReloadAfterRefresh, setTokenRefused]);

  useEffect(() => {
    if (!api || !autoplay) return;
    setAutoplay(false);
    // Autoplay with sound is usually refused; muted playback is the documented fallback.
    api.play().catch(() => {
      api.muted = true;
      return api.play().catch(() => {});
    });
  }, [api, autoplay, setAutoplay]);

  useSdkProperties(api, props);
  return null;
}
