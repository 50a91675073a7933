import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHandle } from "../player/handle";
import type { PlayerLink, TokenStatus } from "../player/link";
import { createPlayerBridge } from "../player/playerBridge";
import { eventOf, PLAYER_EVENT_PROPS } from "../player/types";
import { type FakePlayer, installFakeSdk } from "./fakeSdk";

const SDK = "http://127.0.0.1:9/embed/sdk.latest.js";
let players: FakePlayer[];

beforeEach(() => {
  players = installFakeSdk();
});
afterEach(() => {
  window.Stream = undefined;
  vi.restoreAllMocks();
  for (const s of document.querySelectorAll("script")) s.remove();
  document.body.replaceChildren();
});

/** A loaded SDK binds on a microtask; a timer turn lets every pending `then` run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const link: PlayerLink = { iframe: null, waiters: [], listeners: new Map() };
  const handle = createHandle(link);
  const statuses: TokenStatus[] = [];
  const bridge = createPlayerBridge(link, handle, (status) => statuses.push(status));
  const iframe = document.body.appendChild(document.createElement("iframe"));
  return { link, handle, bridge, iframe, statuses };
}

describe("createPlayerBridge", () => {
  it("loads the SDK script once for every player, and binds each iframe when it arrives", async () => {
    window.Stream = undefined;
    const url = `${SDK}?once`;
    const a = setup();
    const b = setup();
    a.bridge.attach(a.iframe, url);
    b.bridge.attach(b.iframe, url);
    expect(document.querySelectorAll(`script[src="${url}"]`)).toHaveLength(1);
    expect(a.link.api).toBeUndefined();
    players = installFakeSdk();
    document.querySelector(`script[src="${url}"]`)?.dispatchEvent(new Event("load"));
    await settle();
    expect(players.map((p) => p.iframe)).toEqual([a.iframe, b.iframe]);
    expect(a.link.api).toBe(players[0]);
    expect(b.link.api).toBe(players[1]);
  });

  it("binds the player object: the link, streamRef, waiting play() calls, then onReady", async () => {
    const { link, handle, bridge, iframe } = setup();
    const streamRef = { current: undefined as FakePlayer | undefined };
    const onReady = vi.fn(() => expect(link.api).toBeDefined());
    bridge.update({ streamRef, onReady });
    const playing = handle.play();
    bridge.attach(iframe, SDK);
    await playing;
    const player = players[0]!;
    expect(link.api).toBe(player);
    expect(streamRef.current).toBe(player);
    expect(player.play).toHaveBeenCalledTimes(1);
    expect(onReady).toHaveBeenCalledWith(handle);
  });

  it("calls the latest event props and the handle's listeners", async () => {
    const { handle, bridge, iframe } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const heard = vi.fn();
    bridge.update({ onTimeUpdate: first });
    bridge.attach(iframe, SDK);
    await settle();
    handle.addEventListener("timeupdate", heard);
    players[0]!.dispatchEvent(new Event("timeupdate"));
    bridge.update({ onTimeUpdate: second });
    players[0]!.dispatchEvent(new Event("timeupdate"));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it("removes every listener it added when unbound, and lets go of the player object", async () => {
    const { link, bridge, iframe } = setup();
    const streamRef = { current: undefined as FakePlayer | undefined };
    const onPlay = vi.fn();
    bridge.update({ streamRef, onPlay });
    const detach = bridge.attach(iframe, SDK);
    await settle();
    const player = players[0]!;
    const add = vi.spyOn(player, "addEventListener");
    const remove = vi.spyOn(player, "removeEventListener");
    detach();
    expect(add).not.toHaveBeenCalled();
    const removed = remove.mock.calls.map(([event]) => event);
    expect(removed.sort()).toEqual(PLAYER_EVENT_PROPS.map(eventOf).sort());
    player.dispatchEvent(new Event("play"));
    expect(onPlay).not.toHaveBeenCalled();
    expect(link.api).toBeUndefined();
    expect(streamRef.current).toBeUndefined();
  });

  it("moves to a new iframe's player object, unbinding the last", async () => {
    const { link, bridge, iframe } = setup();
    const onPlay = vi.fn();
    bridge.update({ onPlay });
    bridge.attach(iframe, SDK);
    await settle();
    const next = document.body.appendChild(document.createElement("iframe"));
    bridge.attach(next, SDK);
    await settle();
    expect(players).toHaveLength(2);
    expect(link.api).toBe(players[1]);
    players[0]!.dispatchEvent(new Event("play"));
    players[1]!.dispatchEvent(new Event("play"));
    expect(onPlay).toHaveBeenCalledTimes(1);
  });

  it("sets live props on bind and when they change, and all of them on a new player object", async () => {
    const { bridge, iframe } = setup();
    bridge.update({ muted: true, volume: 0.4, currentTime: 12 });
    bridge.attach(iframe, SDK);
    await settle();
    const player = players[0]!;
    expect(player).toMatchObject({ muted: true, volume: 0.4, currentTime: 12 });
    // The viewer seeks; the same currentTime prop again must not seek back.
    player.currentTime = 30;
    bridge.update({ muted: true, volume: 0.4, currentTime: 12, loop: true });
    expect(player).toMatchObject({ currentTime: 30, loop: true });
    bridge.update({ muted: false, volume: 0.4, currentTime: 12, loop: true });
    expect(player.muted).toBe(false);
    bridge.attach(document.body.appendChild(document.createElement("iframe")), SDK);
    await settle();
    expect(players[1]).toMatchObject({ muted: false, volume: 0.4, currentTime: 12, loop: true });
  });

  it("plays once the player object exists, muted when sound is refused", async () => {
    const { bridge, iframe } = setup();
    const sdk = window.Stream!;
    window.Stream = (frame) => Object.assign(sdk(frame), { refuseUnmuted: true });
    bridge.autoplay();
    bridge.attach(iframe, SDK);
    await settle();
    const player = players[0]!;
    expect(player.play).toHaveBeenCalledTimes(2);
    expect(player.muted).toBe(true);
    expect(player.paused).toBe(false);
    // Asked once, played once: a later player object does not start by itself.
    bridge.attach(document.body.appendChild(document.createElement("iframe")), SDK);
    await settle();
    expect(players[1]!.play).not.toHaveBeenCalled();
  });

  describe("a rejected signed token", () => {
    it("asks for a fresh token twice, then reports it refused", async () => {
      const { bridge, iframe, statuses } = setup();
      const refresh = vi.fn();
      bridge.update({ signing: { refresh } });
      bridge.attach(iframe, SDK);
      await settle();
      // Each reload is a new iframe; the count carries across them.
      for (let attempt = 0; attempt < 3; attempt++) {
        players.at(-1)!.dispatchEvent(new Event("error"));
        bridge.attach(document.body.appendChild(document.createElement("iframe")), SDK);
        await settle();
      }
      expect(refresh).toHaveBeenCalledTimes(2);
      expect(statuses).toEqual(["rejected", "rejected", "refused"]);
    });

    it("starts counting again once the player plays", async () => {
      const { bridge, iframe, statuses } = setup();
      const refresh = vi.fn();
      bridge.update({ signing: { refresh } });
      bridge.attach(iframe, SDK);
      await settle();
      const player = players[0]!;
      player.dispatchEvent(new Event("playing")); // nothing was rejected: nothing to report
      player.dispatchEvent(new Event("error"));
      player.dispatchEvent(new Event("error"));
      player.dispatchEvent(new Event("playing"));
      player.dispatchEvent(new Event("error"));
      expect(statuses).toEqual(["rejected", "rejected", "accepted", "rejected"]);
      expect(refresh).toHaveBeenCalledTimes(3);
    });

    it("is left alone for a video that is not signed", async () => {
      const { bridge, iframe, statuses } = setup();
      const onError = vi.fn();
      bridge.update({ onError });
      bridge.attach(iframe, SDK);
      await settle();
      players[0]!.dispatchEvent(new Event("error"));
      expect(onError).toHaveBeenCalledTimes(1);
      expect(statuses).toEqual([]);
    });
  });

  describe("destroy", () => {
    it("unbinds the player object and removes its listeners", async () => {
      const { link, bridge, iframe } = setup();
      const onPlay = vi.fn();
      bridge.update({ onPlay });
      bridge.attach(iframe, SDK);
      await settle();
      const remove = vi.spyOn(players[0]!, "removeEventListener");
      bridge.destroy();
      expect(remove).toHaveBeenCalledTimes(PLAYER_EVENT_PROPS.length);
      players[0]!.dispatchEvent(new Event("play"));
      expect(onPlay).not.toHaveBeenCalled();
      expect(link.api).toBeUndefined();
    });

    it("drops a load still pending, a pending play, and later attaches", async () => {
      window.Stream = undefined;
      const url = `${SDK}?destroyed`;
      const { link, bridge, iframe } = setup();
      bridge.autoplay();
      bridge.attach(iframe, url);
      bridge.destroy();
      players = installFakeSdk();
      document.querySelector(`script[src="${url}"]`)?.dispatchEvent(new Event("load"));
      await settle();
      bridge.attach(iframe, SDK);
      await settle();
      expect(players).toHaveLength(0);
      expect(link.api).toBeUndefined();
    });
  });

  it("says once why events and the ref are quiet when the SDK script fails", async () => {
    window.Stream = undefined;
    const url = `${SDK}?broken`;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { link, bridge, iframe } = setup();
    bridge.attach(iframe, url);
    document.querySelector(`script[src="${url}"]`)?.dispatchEvent(new Event("error"));
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("player events and ref are unavailable"),
    );
    expect(link.api).toBeUndefined();
  });
});
