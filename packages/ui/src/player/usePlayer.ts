import { useCallback, useEffect, useState } from "react";
import type { StreamPlayerHandle } from "./types";

export interface PlayerState {
  paused: boolean;
  ended: boolean;
  currentTime: number;
  duration: number;
  muted: boolean;
  volume: number;
}

const INITIAL: PlayerState = {
  paused: true,
  ended: false,
  currentTime: 0,
  duration: Number.NaN,
  muted: false,
  volume: 1,
};
const EVENTS = [
  "play",
  "pause",
  "playing",
  "ended",
  "timeupdate",
  "durationchange",
  "loadedmetadata",
  "volumechange",
  "seeked",
];

/**
 * Live playback state for custom controls: `const player = usePlayer()`, then
 * `<StreamPlayer ref={player.ref} …/>` and read `player.state.currentTime`.
 */
export function usePlayer(): {
  ref: (handle: StreamPlayerHandle | null) => void;
  handle: StreamPlayerHandle | null;
  state: PlayerState;
} {
  const [handle, setHandle] = useState<StreamPlayerHandle | null>(null);
  const [state, setState] = useState<PlayerState>(INITIAL);
  const ref = useCallback((next: StreamPlayerHandle | null) => setHandle(next), []);
  useEffect(() => {
    if (!handle) return;
    const read = () =>
      setState((previous) => {
        const next: PlayerState = {
          paused: handle.paused,
          ended: handle.ended,
          currentTime: handle.currentTime,
          duration: handle.duration,
          muted: handle.muted,
          volume: handle.volume,
        };
        const same = (Object.keys(next) as (keyof PlayerState)[]).every((k) =>
          Object.is(next[k], previous[k]),
        );
        return same ? previous : next;
      });
    for (const event of EVENTS) handle.addEventListener(event, read);
    return () => {
      for (const event of EVENTS) handle.removeEventListener(event, read);
    };
  }, [handle]);
  return { ref, handle, state };
}
