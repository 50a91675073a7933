import { act, render, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StreamPlayer } from "../StreamPlayer";
import { type FakePlayer, installFakeSdk } from "./fakeSdk";

// How StreamPlayer drives its SDK bridge over a mount's life: the latest props, one player object
// per iframe, nothing left behind. The bridge's own behaviour is in playerBridge.test.ts.
const UID = "5d5bc37ffcf54c9b82e996823bffbb81";
let players: FakePlayer[];

beforeEach(() => {
  players = installFakeSdk();
});
afterEach(() => {
  window.Stream = undefined;
});

const frame = () => document.querySelector("iframe");

describe("StreamPlayer and its SDK bridge", () => {
  it("calls event props, always the latest one", async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<StreamPlayer src={UID} onPlay={first} />);
    await waitFor(() => expect(players).toHaveLength(1));
    act(() => void players[0]!.dispatchEvent(new Event("play")));
    rerender(<StreamPlayer src={UID} onPlay={second} />);
    act(() => void players[0]!.dispatchEvent(new Event("play")));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("binds one player object per iframe under StrictMode's double effects", async () => {
    const onPlay = vi.fn();
    const { unmount } = render(
      <StrictMode>
        <StreamPlayer src={UID} onPlay={onPlay} />
      </StrictMode>,
    );
    await waitFor(() => expect(players.at(-1)?.iframe).toBe(frame()));
    const player = players.at(-1)!;
    act(() => void player.dispatchEvent(new Event("play")));
    expect(onPlay).toHaveBeenCalledTimes(1);
    const remove = vi.spyOn(player, "removeEventListener");
    unmount();
    expect(remove).toHaveBeenCalledWith("play", expect.any(Function));
  });

  it("binds a new player object when sdkUrl changes, and lets go of the old one", async () => {
    const onPlay = vi.fn();
    const { rerender } = render(<StreamPlayer src={UID} onPlay={onPlay} />);
    await waitFor(() => expect(players).toHaveLength(1));
    rerender(<StreamPlayer src={UID} onPlay={onPlay} sdkUrl="http://127.0.0.1:9/sdk.js" />);
    await waitFor(() => expect(players).toHaveLength(2));
    act(() => void players[0]!.dispatchEvent(new Event("play")));
    expect(onPlay).not.toHaveBeenCalled();
    act(() => void players[1]!.dispatchEvent(new Event("play")));
    expect(onPlay).toHaveBeenCalledTimes(1);
  });

  it("binds nothing when unmounted before the bridge's chunk has arrived", async () => {
    const { unmount } = render(<StreamPlayer src={UID} />);
    unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(players).toHaveLength(0);
  });

  it("unbinds its listeners on unmount", async () => {
    const { unmount } = render(<StreamPlayer src={UID} onTimeUpdate={() => {}} />);
    await waitFor(() => expect(players).toHaveLength(1));
    const remove = vi.spyOn(players[0]!, "removeEventListener");
    unmount();
    expect(remove).toHaveBeenCalledWith("timeupdate", expect.any(Function));
  });
});
