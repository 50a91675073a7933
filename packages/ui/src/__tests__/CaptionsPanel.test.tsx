import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { CaptionsPanel } from "../CaptionsPanel";
import { addVideo, model, renderMedia, serveMediaModel, sleep, VTT } from "./mediaRender";

serveMediaModel();

const live = () => screen.getAllByRole("status").at(-1) as HTMLElement;
const puts = () => model.count((r) => r.method === "PUT");

describe("CaptionsPanel", () => {
  it("lists each caption with its label, language and status", async () => {
    const uid = addVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
      { language: "fr", label: "Français (auto-generated)", generated: true, status: "error" },
    ]);
    model.generateSteps = 1_000;
    renderMedia(<CaptionsPanel uid={uid} />);
    const panel = screen.getByRole("region", { name: "Captions" });
    expect(within(panel).getByText("Loading…")).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Caption tracks" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining("Englishen"),
      expect.stringContaining("Français (auto-generated)fr"),
    ]);
    expect(within(rows[0] as HTMLElement).getByText("Ready")).toHaveAttribute(
      "data-state",
      "ready",
    );
    expect(within(rows[1] as HTMLElement).getByText("Failed")).toHaveAttribute(
      "data-state",
      "error",
    );
    expect(panel).toHaveAttribute("data-state", "ready");
  });

  it("says when there are none", async () => {
    renderMedia(<CaptionsPanel uid={addVideo()} />);
    expect(await screen.findByText("No captions yet.")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Captions" })).toHaveAttribute("data-state", "empty");
  });

  it("uploads a .vtt with the keyboard, announces it and clears the form", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    renderMedia(<CaptionsPanel uid={uid} />);
    await screen.findByText("No captions yet.");
    const language = screen.getByRole("textbox", { name: "Language" });
    expect(language).toHaveAccessibleDescription(/A language tag such as en/);
    await user.click(language);
    await user.keyboard("de");
    await user.upload(screen.getByLabelText("Caption file (.vtt)"), new File([VTT], "de.vtt"));
    await user.click(language);
    await user.keyboard("{Enter}");
    await screen.findByText("Deutsch");
    expect(model.requests.find((r) => r.method === "PUT")?.path).toBe(`/${uid}/captions/de`);
    await waitFor(() => expect(live()).toHaveTextContent("Deutsch captions uploaded."));
    expect(language).toHaveValue("");
  });

  it("shows what is wrong at the field and moves focus there, without a request", async () => {
    const user = userEvent.setup();
    renderMedia(<CaptionsPanel uid={addVideo()} />);
    await screen.findByText("No captions yet.");
    const submit = screen.getByRole("button", { name: "Upload captions" });
    const file = screen.getByLabelText("Caption file (.vtt)");
    const language = screen.getByRole("textbox", { name: "Language" });

    await user.click(submit);
    expect(file).toHaveAccessibleDescription("Choose a WebVTT (.vtt) file.");
    expect(file).toHaveAttribute("aria-invalid", "true");
    expect(file).toHaveFocus();

    await user.upload(file, new File(["1\n00:00:01,000 --> 00:00:02,000\nHi\n"], "renamed.vtt"));
    await user.type(language, "en");
    await user.click(submit);
    await waitFor(() =>
      expect(file).toHaveAccessibleDescription(
        "This file cannot be used: this looks like SubRip (.srt); convert it to WebVTT (.vtt) first.",
      ),
    );
    expect(file).toHaveFocus();

    await user.upload(file, new File([VTT], "ok.vtt"));
    await user.clear(language);
    await user.type(language, "english");
    await user.click(submit);
    await waitFor(() => expect(language).toHaveAttribute("aria-invalid", "true"));
    expect(language).toHaveAccessibleDescription(/Enter a language tag such as en, de or pt-BR\./);
    expect(language).toHaveFocus();
    expect(file).not.toHaveAttribute("aria-invalid");
    expect(puts()).toBe(0);
  });

  it("generates in a chosen language, shows it generating, then ready, and announces it", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
    ]);
    model.generateSteps = 3;
    renderMedia(<CaptionsPanel uid={uid} intervalMs={30} />);
    await screen.findByText("English");
    const select = screen.getByRole("combobox", { name: "Spoken language" });
    // English has captions already: offered, but disabled; the choice moved on to the next one.
    expect(screen.getByRole("option", { name: "English (has captions)" })).toBeDisabled();
    expect(select).toHaveValue("cs");
    await user.selectOptions(select, "de");
    const generate = screen.getByRole("button", { name: "Generate captions" });
    await waitFor(() => expect(generate).toBeEnabled());
    await user.click(generate);
    const row = (await screen.findByText("Deutsch (auto-generated)")).closest("li") as HTMLElement;
    expect(within(row).getByText("Generating…")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Captions" })).toHaveAttribute(
      "data-state",
      "generating",
    );
    await waitFor(() => expect(within(row).getByText("Ready")).toBeInTheDocument());
    await waitFor(() =>
      expect(live()).toHaveTextContent("Deutsch (auto-generated) captions are ready."),
    );
    expect(screen.getByRole("option", { name: "German (has captions)" })).toBeDisabled();
    // The choice stays on the language just generated, not on the first free one.
    expect(select).toHaveValue("de");
    expect(generate).toBeDisabled();
  });

  it("waits for a ready video before it offers generation", async () => {
    const uid = addVideo("inprogress");
    renderMedia(<CaptionsPanel uid={uid} />);
    await screen.findByText("No captions yet.");
    const generate = screen.getByRole("button", { name: "Generate captions" });
    await waitFor(() =>
      expect(generate).toHaveAccessibleDescription(
        "Captions can be generated once the video is ready.",
      ),
    );
    expect(generate).toBeDisabled();
  });

  it("deletes after an inline confirm; Escape backs out", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
    ]);
    renderMedia(<CaptionsPanel uid={uid} />);
    const trigger = await screen.findByRole("button", { name: "Delete English captions" });
    trigger.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("group", { name: "Delete the English captions?" })).toBeInTheDocument();
    // Cancel has focus, so Enter twice on the trigger does not delete.
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Delete English captions" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Delete English captions" })).toHaveFocus();
    expect(model.requests.some((r) => r.method === "DELETE")).toBe(false);
    await user.keyboard("{Enter}");
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByRole("list")).not.toBeInTheDocument());
    expect(screen.getByText("No captions yet.")).toBeInTheDocument();
    expect(model.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/${uid}/captions/en` });
    expect(screen.getByRole("region", { name: "Captions" })).toHaveFocus();
    await waitFor(() => expect(live()).toHaveTextContent("English captions deleted."));
  });

  it("shows a failed list request with a way to try again", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    // A refusal retrying cannot fix shows at once (a 5xx is retried first).
    model.failures.push({ status: 403, message: "not yours", path: /\/captions$/ });
    renderMedia(<CaptionsPanel uid={uid} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("not yours");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No captions yet.")).toBeInTheDocument();
  });

  it("stops polling when it unmounts", async () => {
    const uid = addVideo();
    model.captions.set(uid, [
      { language: "ja", label: "日本語 (auto-generated)", generated: true, status: "inprogress" },
    ]);
    model.generateSteps = 1_000;
    const { unmount } = renderMedia(<CaptionsPanel uid={uid} intervalMs={20} />);
    await waitFor(() =>
      expect(model.count((r) => r.path.endsWith("/captions"))).toBeGreaterThanOrEqual(3),
    );
    unmount();
    await sleep(30);
    const after = model.count();
    await sleep(150);
    expect(model.count()).toBe(after);
  });
});
