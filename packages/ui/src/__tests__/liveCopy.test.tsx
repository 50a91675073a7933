import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CopyButton } from "../live/CopyButton";
import { defaultLiveMessages } from "../live/messages";
import { failOnConsoleError } from "./dashboardRender";

failOnConsoleError();
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  // jsdom has no clipboard: each test's own goes with it.
  Reflect.deleteProperty(navigator, "clipboard");
});

const text = defaultLiveMessages.panel;

/** A clipboard that accepts everything, and the fake clock (timers only). */
function fakeClipboardAndClock() {
  const writeText = vi.fn(async (_text: string) => {});
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  return writeText;
}

/** Presses a button and lets the clipboard's answer land. */
async function press(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

describe("CopyButton", () => {
  it("shows Copied for two seconds, then goes back", async () => {
    const writeText = fakeClipboardAndClock();
    const { container } = render(
      <CopyButton value="rtmps://x.test/live/" name="RTMPS URL" text={text} />,
    );
    await press("Copy RTMPS URL");
    expect(writeText).toHaveBeenCalledWith("rtmps://x.test/live/");
    expect(screen.getByRole("status")).toHaveTextContent("Copied");
    expect(container.firstElementChild).toHaveAttribute("data-state", "copied");
    await act(async () => vi.advanceTimersByTime(1_999));
    expect(screen.getByRole("status")).toHaveTextContent("Copied");
    await act(async () => vi.advanceTimersByTime(1));
    expect(screen.getByRole("status")).toHaveTextContent("");
    expect(container.firstElementChild).toHaveAttribute("data-state", "idle");
  });

  it("leaves no timer behind when it unmounts while Copied shows", async () => {
    fakeClipboardAndClock();
    const { unmount } = render(<CopyButton value="abc" name="Stream key" text={text} />);
    await press("Copy Stream key");
    expect(screen.getByRole("status")).toHaveTextContent("Copied");
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("changes nothing when the clipboard answers after unmount", async () => {
    const user = userEvent.setup();
    let finish: () => void = () => {};
    vi.spyOn(navigator.clipboard, "writeText").mockReturnValue(
      new Promise<void>((resolve) => {
        finish = resolve;
      }),
    );
    const { unmount } = render(<CopyButton value="abc" name="Stream key" text={text} />);
    await user.click(screen.getByRole("button", { name: "Copy Stream key" }));
    unmount();
    vi.useFakeTimers();
    await act(async () => finish());
    expect(vi.getTimerCount()).toBe(0);
  });

  it("says the clipboard is missing (an insecure page) like a refusal", async () => {
    expect(navigator.clipboard).toBeUndefined();
    render(<CopyButton value="abc" name="Stream key" text={text} />);
    await press("Copy Stream key");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The browser did not allow copying.",
    );
  });
});
