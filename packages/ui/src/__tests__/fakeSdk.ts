import { vi } from "vitest";
import type { StreamPlayerApi, StreamSdk } from "../player/types";

/** A stand-in for the SDK's player object: an EventTarget with the media properties. */
export class FakePlayer extends EventTarget implements StreamPlayerApi {
  adUrl?: string;
  autoplay = false;
  buffered = { length: 0 } as TimeRanges;
  controls = false;
  currentTime = 0;
  duration = 10;
  ended = false;
  letterboxColor?: string;
  loop = false;
  muted = false;
  paused = true;
  playbackRate = 1;
  played = { length: 0 } as TimeRanges;
  poster?: string;
  preload: StreamPlayerApi["preload"] = "metadata";
  primaryColor?: string;
  src = "";
  videoHeight = 720;
  videoWidth = 1280;
  volume = 1;
  refuseUnmuted = false;
  constructor(readonly iframe: HTMLIFrameElement) {
    super();
  }
  play = vi.fn(async () => {
    if (this.refuseUnmuted && !this.muted)
      throw new DOMException("autoplay refused", "NotAllowedError");
    this.paused = false;
    this.dispatchEvent(new Event("play"));
  });
  pause = vi.fn(() => {
    this.paused = true;
    this.dispatchEvent(new Event("pause"));
  });
}

/** Installs `window.Stream` and returns every player it made. */
export function installFakeSdk(): FakePlayer[] {
  const players: FakePlayer[] = [];
  const sdk: StreamSdk = (iframe) => {
    const player = new FakePlayer(iframe);
    players.push(player);
    return player;
  };
  window.Stream = sdk;
  return players;
}
