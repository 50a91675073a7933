import type { LiveInput } from "@streamkit/core/live-inputs";
import { liveInputKeys } from "@streamkit/hooks/live-inputs";
import { makeLiveInput } from "@streamkit/test-utils";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { LiveInputPanel } from "../LiveInputPanel";
import { failOnConsoleError } from "./dashboardRender";
import { model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();
failOnConsoleError();

const panel = () => screen.getByRole("region", { name: "Live input" });
const live = () => screen.getAllByRole("status").at(-1) as HTMLElement;

function seed(fields: Partial<LiveInput> = {}): LiveInput {
  const input = makeLiveInput({ meta: { name: "Town hall" }, ...fields });
  model.liveInputs.set(input.uid, input);
  return input;
}

/** The `<dd>` of one credential, by its name. */
const credential = (name: string) => {
  const term = screen.getByText(name, { selector: "dt" });
  return term.nextElementSibling as HTMLElement;
};

async function ready(input: LiveInput) {
  const view = renderMedia(<LiveInputPanel uid={input.uid} />);
  expect(panel()).toHaveAttribute("data-state", "loading");
  await screen.findByText("Town hall");
  expect(panel()).toHaveAttribute("data-state", "ready");
  return view;
}

describe("LiveInputPanel", () => {
  it("lists the ingest URLs with the secrets masked: not in the page until revealed", async () => {
    const user = userEvent.setup();
    const input = seed({ status: "connected" });
    await ready(input);
    const key = input.rtmps?.streamKey as string;
    const passphrase = input.srt?.passphrase as string;
    expect(
      screen.getByRole("heading", { level: 3, name: "Where to send the broadcast" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 3, name: "Test with ffmpeg" })).toBeInTheDocument();
    expect(credential("RTMPS URL")).toHaveTextContent("rtmps://live.cloudflare.com:443/live/");
    expect(credential("SRT URL")).toHaveTextContent(input.srt?.url as string);
    expect(credential("SRT stream ID")).toHaveTextContent(input.srt?.streamId as string);
    expect(credential("WebRTC (WHIP) URL")).toHaveTextContent(input.webRTC?.url as string);
    expect(document.body.textContent).not.toContain(key);
    expect(document.body.textContent).not.toContain(passphrase);
    expect(credential("Stream key")).toHaveTextContent("hidden");
    expect(screen.getByText("Broadcast status: Live")).toBeInTheDocument();

    const reveal = screen.getByRole("button", { name: "Reveal Stream key" });
    expect(reveal).toHaveAttribute("aria-pressed", "false");
    await user.click(reveal);
    expect(reveal).toHaveAttribute("aria-pressed", "true");
    expect(reveal).toHaveTextContent("Reveal");
    expect(credential("Stream key")).toHaveTextContent(key);
    // The ffmpeg command names the key too: it shows with it.
    expect(screen.getByText(/^ffmpeg -re/)).toHaveTextContent(key);
    // The passphrase has a toggle of its own.
    expect(document.body.textContent).not.toContain(passphrase);
    await user.click(reveal);
    expect(document.body.textContent).not.toContain(key);
  });

  it("copies a value (a masked secret too) and says Copied beside the button", async () => {
    const user = userEvent.setup();
    const input = seed();
    await ready(input);
    const key = input.rtmps?.streamKey as string;
    await user.click(
      within(credential("Stream key")).getByRole("button", { name: "Copy Stream key" }),
    );
    expect(await navigator.clipboard.readText()).toBe(key);
    expect(within(credential("Stream key")).getByRole("status")).toHaveTextContent("Copied");
    expect(document.body.textContent).not.toContain(key);

    await user.click(screen.getByRole("button", { name: "Copy ffmpeg command" }));
    expect(await navigator.clipboard.readText()).toBe(
      "ffmpeg -re -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440" +
        " -c:v libx264 -preset veryfast -tune zerolatency -g 60 -c:a aac -f flv" +
        ` rtmps://live.cloudflare.com:443/live/${key}`,
    );
  });

  it("says so when the browser refuses the clipboard", async () => {
    const user = userEvent.setup();
    await ready(seed());
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(
      new DOMException("denied", "NotAllowedError"),
    );
    const row = credential("RTMPS URL");
    await user.click(within(row).getByRole("button", { name: "Copy RTMPS URL" }));
    expect(await within(row).findByRole("alert")).toHaveTextContent(
      "The browser did not allow copying. Select the text and copy it yourself.",
    );
    expect(row.querySelector(".sk-live-copy")).toHaveAttribute("data-state", "failed");
    expect(within(row).getByRole("status")).toHaveTextContent("");
  });

  it("rotates keys only after the inline confirmation; Cancel sends nothing", async () => {
    const user = userEvent.setup();
    const input = seed();
    await ready(input);
    const confirmSpy = vi.spyOn(window, "confirm");
    await user.click(screen.getByRole("button", { name: "Rotate keys" }));
    expect(screen.getByText(/Replace the keys\?/)).toBeInTheDocument();
    const cancel = screen.getByRole("button", { name: "Cancel" });
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(screen.getByRole("button", { name: "Rotate keys" })).toHaveFocus();
    expect(model.count((r) => r.path.endsWith("/rotate_keys"))).toBe(0);

    await user.click(screen.getByRole("button", { name: "Rotate keys" }));
    await user.click(screen.getByRole("button", { name: "Rotate" }));
    await waitFor(() => expect(live()).toHaveTextContent("New keys are in place."));
    expect(model.of("POST").map((r) => r.path)).toEqual([`/live_inputs/${input.uid}/rotate_keys`]);
    const rotated = model.liveInputs.get(input.uid)?.rtmps?.streamKey as string;
    expect(rotated).not.toBe(input.rtmps?.streamKey);
    await user.click(screen.getByRole("button", { name: "Reveal Stream key" }));
    expect(credential("Stream key")).toHaveTextContent(rotated);
    expect(confirmSpy).not.toHaveBeenCalled();
  });

  it("turns broadcasts off and on, and puts the switch back when the API refuses", async () => {
    const user = userEvent.setup();
    const input = seed();
    await ready(input);
    const toggle = screen.getByRole("checkbox", { name: "Accept broadcasts" });
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/refuses broadcasts/);
    await user.click(toggle);
    expect(toggle).not.toBeChecked();
    await waitFor(() => expect(live()).toHaveTextContent("The input refuses broadcasts."));
    expect(model.liveInputs.get(input.uid)?.enabled).toBe(false);
    await user.click(toggle);
    await waitFor(() => expect(live()).toHaveTextContent("The input accepts broadcasts."));
    expect(model.liveInputs.get(input.uid)?.enabled).toBe(true);

    model.failures.push({ status: 403, method: "POST", message: "not yours" });
    await user.click(toggle);
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong. not yours.");
    expect(toggle).toBeChecked();
    expect(model.liveInputs.get(input.uid)?.enabled).toBe(true);
  });

  it("saves the recording settings, only what changed", async () => {
    const user = userEvent.setup();
    const input = seed();
    await ready(input);
    const save = screen.getByRole("button", { name: "Save recording settings" });
    await user.click(save);
    expect(await screen.findByText("Nothing to save.")).toBeInTheDocument();
    expect(model.count((r) => r.method === "PUT")).toBe(0);

    await user.click(screen.getByRole("radio", { name: "Automatically, as a video" }));
    const timeout = screen.getByRole("spinbutton", { name: /Wait for a dropped broadcaster/ });
    await user.clear(timeout);
    await user.type(timeout, "120");
    await user.click(screen.getByRole("checkbox", { name: /signed URLs/ }));
    await user.type(screen.getByRole("spinbutton", { name: /Delete recordings after/ }), "45");
    await user.click(save);
    expect(await screen.findByText("Recording settings saved.")).toBeInTheDocument();
    const stored = model.liveInputs.get(input.uid);
    expect(stored?.recording).toMatchObject({
      mode: "automatic",
      timeoutSeconds: 120,
      requireSignedURLs: true,
    });
    expect(stored?.deleteRecordingAfterDays).toBe(45);

    // Emptying the days keeps recordings: null is sent.
    await user.clear(screen.getByRole("spinbutton", { name: /Delete recordings after/ }));
    await user.click(save);
    await waitFor(() =>
      expect(model.liveInputs.get(input.uid)?.deleteRecordingAfterDays).toBeNull(),
    );
  });

  it("checks the numbers at their fields before any request", async () => {
    const user = userEvent.setup();
    await ready(seed());
    const days = screen.getByRole("spinbutton", { name: /Delete recordings after/ });
    await user.type(days, "7");
    await user.click(screen.getByRole("button", { name: "Save recording settings" }));
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(days).toHaveAccessibleDescription(/Enter whole days from 30 to 1096/);
    expect(days).toHaveFocus();
    expect(model.count((r) => r.method === "PUT")).toBe(0);
  });

  it("says a refused save in words, and the input keeps its previous settings", async () => {
    const user = userEvent.setup();
    const input = seed();
    const { queryClient } = await ready(input);
    model.failures.push({ status: 400, method: "PUT", code: 10005, message: "recording is busy" });
    await user.click(screen.getByRole("radio", { name: "Automatically, as a video" }));
    await user.click(screen.getByRole("button", { name: "Save recording settings" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not saved: recording is busy. The input keeps its previous settings.",
    );
    expect(document.querySelector("form[data-state]")).toHaveAttribute("data-state", "failed");
    const cached = queryClient.getQueryData<LiveInput>(liveInputKeys.detail(input.uid));
    expect(cached?.recording?.mode).toBe("off");
    expect(model.liveInputs.get(input.uid)?.recording?.mode).toBe("off");
    // What was typed stays, so Save tries again.
    expect(screen.getByRole("radio", { name: "Automatically, as a video" })).toBeChecked();
  });

  it("has loading, not-found and error states", async () => {
    const { unmount } = renderMedia(<LiveInputPanel uid="5d5bc37ffcf54c9b82e996823bffbb81" />);
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    expect(await screen.findByText("This live input does not exist (any more).")).toBeVisible();
    expect(panel()).toHaveAttribute("data-state", "not-found");
    unmount();
    renderMedia(<LiveInputPanel uid="not-a-uid" />);
    expect(await screen.findByRole("alert")).toHaveTextContent(/Something went wrong/);
    expect(panel()).toHaveAttribute("data-state", "error");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("follows a new uid, its secrets masked again", async () => {
    const user = userEvent.setup();
    const first = seed();
    const second = seed({ meta: { name: "Second stage" } });
    const { rerender } = await ready(first);
    await user.click(screen.getByRole("button", { name: "Reveal Stream key" }));
    expect(credential("Stream key")).toHaveTextContent(first.rtmps?.streamKey as string);
    rerender(<LiveInputPanel uid={second.uid} />);
    await screen.findByText("Second stage");
    expect(credential("Stream key")).toHaveTextContent("hidden");
    expect(screen.getByRole("button", { name: "Reveal Stream key" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
  });
});
