import { type Dispatch, type SetStateAction, useEffect, useState } from "react";
import type { PlayerLink, UrlToken } from "./link";
import type { PlayerBridge } from "./playerBridge";
import type { StreamPlayerHandle } from "./types";

/**
 * The player's SDK bridge, once `wanted` (an iframe is, or is about to be, on the page). The
 * bridge's module is a chunk of its own, fetched then: the first bundle carries just the poster,
 * the box and the iframe, and the handle works before the chunk arrives (see `PlayerLink`).
 * Destroyed on unmount, or when no longer wanted.
 */
export function usePlayerBridge(
  wanted: boolean,
  link: PlayerLink,
  handle: StreamPlayerHandle,
  setUrlToken: Dispatch<SetStateAction<UrlToken>>,
): PlayerBridge | undefined {
  const [bridge, setBridge] = useState<PlayerBridge>();
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    let created: PlayerBridge | undefined;
    import("./playerBridge").then(
      ({ createPlayerBridge }) => {
        if (cancelled) return;
        // The bridge says how the player took its token; the view decides the URL.
        created = createPlayerBridge(link, handle, (status) =>
          setUrlToken((current) => ({ ...current, status })),
        );
        setBridge(created);
      },
      // As when the SDK script fails: the iframe still plays, only events and the ref go quiet.
      (error: Error) =>
        console.warn(`streamkit: ${error.message}; player events and ref are unavailable.`),
    );
    return () => {
      cancelled = true;
      created?.destroy();
      setBridge(undefined);
    };
  }, [wanted, link, handle, setUrlToken]);
  return bridge;
}
