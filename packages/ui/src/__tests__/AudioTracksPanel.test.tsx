import type { AudioTrack } from "@streamkit/core/media";
import { makeUid } from "@streamkit/test-utils";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AudioTracksPanel } from "../AudioTracksPanel";
import { addVideo, model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();

const live = () => screen.getAllByRole("status").at(-1) as HTMLElement;
const region = () => screen.getByRole("region", { name: "Audio tracks" });

function tracks(uid: string, ...list: Partial<AudioTrack>[]): AudioTrack[] {
  const made = list.map((t, i) => ({
    uid: makeUid(),
    label: `Track ${i}`,
    default: false,
    status: "ready" as const,
    ...t,
  }));
  model.audio.set(uid, made);
  return made;
}

describe("AudioTracksPanel", () => {
  it("lists each track with its status and the default", async () => {
    const uid = addVideo();
    tracks(
      uid,
      { label: "English", default: true },
      { label: "Deutsch", status: "error" },
      { label: "Español", status: "queued" },
    );
    model.audioSteps = 1_000;
    renderMedia(<AudioTracksPanel uid={uid} intervalMs={30} />);
    expect(within(region()).getByText("Loading…")).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Additional audio tracks" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows[0]).toHaveTextContent("EnglishDefaultReady");
    expect(rows[1]).toHaveAttribute("data-state", "error");
    expect(within(rows[2] as HTMLElement).getByText("Preparing…")).toHaveAttribute(
      "data-state",
      "processing",
    );
    expect(region()).toHaveAttribute("data-state", "processing");
    // The default track can be neither deleted nor made default again.
    expect(within(rows[0] as HTMLElement).queryByRole("button", { name: /Delete/ })).toBeNull();
    expect(within(rows[0] as HTMLElement).queryByRole("button", { name: /default/ })).toBeNull();
  });

  it("says when there are none, and when the list fails", async () => {
    const { unmount } = renderMedia(<AudioTracksPanel uid={addVideo()} />);
    expect(await screen.findByText("No additional audio tracks yet.")).toBeInTheDocument();
    expect(region()).toHaveAttribute("data-state", "empty");
    unmount();
    renderMedia(<AudioTracksPanel uid={makeUid()} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(/Something went wrong/);
    expect(region()).toHaveAttribute("data-state", "error");
  });

  it("adds from a URL with the keyboard, follows it to ready and announces both", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.audioSteps = 2;
    renderMedia(<AudioTracksPanel uid={uid} intervalMs={30} />);
    await screen.findByText("No additional audio tracks yet.");
    await user.type(screen.getByRole("textbox", { name: "Label" }), "Français");
    await user.type(
      screen.getByRole("textbox", { name: "Audio URL" }),
      "https://example.com/fr.m4a{Enter}",
    );
    const row = (await screen.findByText("Français")).closest("li") as HTMLElement;
    expect(model.of("POST")[0]).toMatchObject({
      path: `/${uid}/audio/copy`,
      body: { label: "Français", url: "https://example.com/fr.m4a" },
    });
    await waitFor(() => expect(within(row).getByText("Ready")).toBeInTheDocument());
    await waitFor(() => expect(live()).toHaveTextContent("Audio track Français is ready."));
  });

  it("checks label, URL and file at the field, without a request", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    tracks(uid, { label: "English" });
    renderMedia(<AudioTracksPanel uid={uid} />);
    await screen.findByText("English");
    const label = screen.getByRole("textbox", { name: "Label" });
    const add = screen.getByRole("button", { name: "Add track" });
    await user.click(add);
    expect(label).toHaveAttribute("aria-invalid", "true");
    expect(label).toHaveFocus();
    await user.type(label, "English");
    await user.click(add);
    expect(label).toHaveAccessibleDescription(/Another track has this label already\./);
    await user.clear(label);
    await user.type(label, "Deutsch");
    await user.type(screen.getByRole("textbox", { name: "Audio URL" }), "not a url");
    await user.click(add);
    const url = screen.getByRole("textbox", { name: "Audio URL" });
    await waitFor(() => expect(url).toHaveAttribute("aria-invalid", "true"));
    expect(url).toHaveFocus();
    await user.click(screen.getByRole("radio", { name: "A file" }));
    await user.click(add);
    const file = screen.getByLabelText("Audio file");
    expect(file).toHaveAttribute("aria-invalid", "true");
    expect(model.count((r) => r.method === "POST")).toBe(0);
    await user.upload(file, new File([new Uint8Array(16)], "de.m4a", { type: "audio/mp4" }));
    await user.click(add);
    await waitFor(() => expect(model.of("POST")[0]?.path).toBe(`/${uid}/audio`));
  });

  it("waits for a ready video before adding, and says why", async () => {
    renderMedia(<AudioTracksPanel uid={addVideo("inprogress")} />);
    expect(
      await screen.findByText("Audio tracks can be added once the video is ready."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add track" })).toBeDisabled();
  });

  it("renames with the keyboard and makes a track the default", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    const [, de] = tracks(uid, { label: "English", default: true }, { label: "Deutsch" });
    renderMedia(<AudioTracksPanel uid={uid} />);
    await screen.findByText("Deutsch");
    await user.click(screen.getByRole("button", { name: "Rename Deutsch" }));
    const field = screen.getByRole("textbox", { name: "New label" });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.keyboard("German{Enter}");
    expect(await screen.findByText("German")).toBeInTheDocument();
    expect(model.requests.at(-1)).toMatchObject({
      method: "PATCH",
      path: `/${uid}/audio/${de?.uid}`,
    });
    await waitFor(() => expect(live()).toHaveTextContent("Renamed to German."));
    await user.click(screen.getByRole("button", { name: "Make default: German" }));
    const rows = within(screen.getByRole("list")).getAllByRole("listitem");
    await waitFor(() => expect(rows[1]).toHaveTextContent("GermanDefault"));
    expect(rows[0]).not.toHaveTextContent("Default");
    expect(model.audio.get(uid)?.map((t) => t.default)).toEqual([false, true]);
  });

  it("deletes after a confirmation whose Cancel gets focus; a refusal brings it back", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    tracks(uid, { label: "English", default: true }, { label: "Deutsch" });
    renderMedia(<AudioTracksPanel uid={uid} />);
    await screen.findByText("Deutsch");
    await user.click(screen.getByRole("button", { name: "Delete audio track Deutsch" }));
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    model.failures.push({ status: 403, method: "DELETE", message: "not yours" });
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("not yours");
    expect(await screen.findByText("Deutsch")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete audio track Deutsch" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByText("Deutsch")).not.toBeInTheDocument());
    await waitFor(() => expect(live()).toHaveTextContent("Audio track Deutsch deleted."));
    expect(model.audio.get(uid)?.map((t) => t.label)).toEqual(["English"]);
  });

  it("follows a new uid and new messages", async () => {
    const first = addVideo();
    const second = addVideo();
    tracks(first, { label: "One" });
    tracks(second, { label: "Two" });
    const { rerender } = renderMedia(<AudioTracksPanel uid={first} />);
    await screen.findByText("One");
    rerender(<AudioTracksPanel uid={second} messages={{ heading: "Tonspuren" }} />);
    expect(await screen.findByText("Two")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Tonspuren" })).toBeInTheDocument();
  });
});
