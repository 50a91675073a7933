import type { LiveInput, LiveInputStatus } from "@streamkit/core/live-inputs";
import { makeLiveInput, makeUid } from "@streamkit/test-utils";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LivePlayer } from "../LivePlayer";
import type { StreamPlayerHandle } from "../player/types";
import { failOnConsoleError } from "./dashboardRender";
import { installFakeSdk } from "./fakeSdk";
import { addVideo, model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();
failOnConsoleError();
beforeEach(() => {
  installFakeSdk();
});
afterEach(() => {
  window.Stream = undefined;
});

const root = (container: HTMLElement) => container.querySelector(".sk-live-player");
const frame = () => document.querySelector("iframe");
const announced = () => screen.getAllByRole("status").at(-1) as HTMLElement;

function seed(status: LiveInputStatus, fields: Partial<LiveInput> = {}): LiveInput {
  const input = makeLiveInput({ status, ...fields });
  model.liveInputs.set(input.uid, input);
  return input;
}
const setStatus = (input: LiveInput, status: LiveInputStatus) =>
  model.liveInputs.set(input.uid, { ...input, status });

describe("LivePlayer", () => {
  it("waits for the broadcast without an iframe, then plays it with the on-air mark", async () => {
    const input = seed(null);
    const { container } = renderMedia(<LivePlayer uid={input.uid} />);
    expect(root(container)).toHaveAttribute("data-state", "loading");
    expect(await screen.findByText("Waiting for the broadcast")).toBeVisible();
    expect(root(container)).toHaveAttribute("data-state", "idle");
    expect(screen.getByText("It plays here as soon as it starts.")).toBeVisible();
    expect(frame()).toBeNull();

    setStatus(input, "new_configuration_accepted");
    expect(await screen.findByText("The broadcast is starting…")).toBeVisible();
    expect(frame()).toBeNull();

    setStatus(input, "connected");
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(root(container)).toHaveAttribute("data-state", "live");
    expect(frame()?.getAttribute("src")).toContain(input.uid);
    expect(frame()).toHaveAttribute("title", "Live broadcast");
    expect(screen.getByText("Live", { selector: ".sk-live-player__on-air" })).toBeVisible();
    expect(announced()).toHaveTextContent("The broadcast is live.");
    // The live input is not a video: nothing asks for it as one.
    expect(model.count((r) => r.path === `/${input.uid}`)).toBe(0);
  });

  it("keeps the same player while the broadcaster reconnects, and says so", async () => {
    const input = seed("connected");
    const { container } = renderMedia(<LivePlayer uid={input.uid} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    const playing = frame();
    setStatus(input, "reconnecting");
    expect(
      await screen.findByText("The broadcaster lost its connection. Reconnecting…", {
        selector: ".sk-live-player__notice",
      }),
    ).toBeVisible();
    expect(root(container)).toHaveAttribute("data-state", "reconnecting");
    expect(frame()).toBe(playing);
    expect(container.querySelector(".sk-live-player__on-air")).toBeNull();
    setStatus(input, "reconnected");
    await waitFor(() => expect(root(container)).toHaveAttribute("data-state", "live"));
    expect(frame()).toBe(playing);
  });

  it("after the broadcast, plays its newest recording here when asked", async () => {
    const user = userEvent.setup();
    const input = seed("client_disconnect");
    addVideo("ready", { liveInput: input.uid, created: "2026-01-01T00:00:00Z" });
    const newest = addVideo("ready", { liveInput: input.uid, created: "2026-02-01T00:00:00Z" });
    addVideo("ready", { liveInput: makeUid(), created: "2026-03-01T00:00:00Z" });
    const { container } = renderMedia(<LivePlayer uid={input.uid} />);
    expect(await screen.findByText("The broadcast has ended.")).toBeVisible();
    expect(root(container)).toHaveAttribute("data-state", "ended");
    expect(frame()).toBeNull();
    await user.click(await screen.findByRole("button", { name: "Watch the recording" }));
    await waitFor(() => expect(frame()?.getAttribute("src")).toContain(newest));
    expect(root(container)).toHaveAttribute("data-state", "recording");
    expect(model.of("GET").some((r) => r.url.searchParams.get("live_input_id") === input.uid)).toBe(
      true,
    );
  });

  it("hands the recording to onPlayRecording instead, when given", async () => {
    const user = userEvent.setup();
    const input = seed("ttl_exceeded");
    const recording = addVideo("ready", { liveInput: input.uid });
    const onPlayRecording = vi.fn();
    renderMedia(<LivePlayer uid={input.uid} onPlayRecording={onPlayRecording} />);
    await user.click(await screen.findByRole("button", { name: "Watch the recording" }));
    expect(onPlayRecording).toHaveBeenCalledWith(recording);
    expect(frame()).toBeNull();
  });

  it("says when no recording was kept, and when the broadcast could not connect", async () => {
    const input = seed("client_disconnect");
    const { unmount } = renderMedia(<LivePlayer uid={input.uid} />);
    expect(await screen.findByText("No recording of it is available.")).toBeVisible();
    unmount();
    const failed = seed("failed_to_connect");
    const view = renderMedia(<LivePlayer uid={failed.uid} />);
    expect(await screen.findByText("The broadcast could not connect.")).toBeVisible();
    expect(root(view.container)).toHaveAttribute("data-state", "errored");
  });

  it("says a disabled input does not take broadcasts", async () => {
    const input = seed(null, { enabled: false });
    renderMedia(<LivePlayer uid={input.uid} />);
    expect(
      await screen.findByText("This input does not accept broadcasts at the moment."),
    ).toBeVisible();
  });

  it("says when the input does not exist", async () => {
    const { container } = renderMedia(<LivePlayer uid="5d5bc37ffcf54c9b82e996823bffbb81" />);
    expect(await screen.findByText("This live input does not exist (any more).")).toBeVisible();
    expect(root(container)).toHaveAttribute("data-state", "not-found");
  });

  it("takes the status from liveInput without fetching it, and follows it as a prop", async () => {
    const uid = makeUid();
    const { rerender, container } = renderMedia(
      <LivePlayer uid={uid} liveInput={{ status: null }} aspectRatio="4/3" />,
    );
    expect(screen.getByText("Waiting for the broadcast")).toBeVisible();
    const screenBox = container.querySelector<HTMLElement>(".sk-live-player__screen");
    expect(screenBox?.style.getPropertyValue("--sk-aspect")).toBe(String(4 / 3));
    rerender(<LivePlayer uid={uid} liveInput={{ status: "connected" }} aspectRatio="4/3" />);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(model.count((r) => r.path.startsWith("/live_inputs"))).toBe(0);
  });

  it("passes StreamPlayer props and the ref through", async () => {
    const input = seed("connected");
    const ref = createRef<StreamPlayerHandle>();
    render(<LivePlayer uid={input.uid} liveInput={input} muted controls ref={ref} className="x" />);
    await waitFor(() => expect(frame()).not.toBeNull());
    const url = new URL(frame()?.getAttribute("src") ?? "about:blank");
    expect(url.searchParams.get("muted")).toBe("true");
    expect(url.searchParams.get("controls")).toBe("true");
    expect(ref.current).not.toBeNull();
    expect(document.querySelector(".sk-live-player")).toHaveClass("x");
  });
});
