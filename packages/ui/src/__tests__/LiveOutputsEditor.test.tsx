import type { LiveOutput } from "@streamkit/core/live-inputs";
import { makeLiveInput, makeUid } from "@streamkit/test-utils";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LiveOutputsEditor } from "../LiveOutputsEditor";
import { failOnConsoleError } from "./dashboardRender";
import { model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();
failOnConsoleError();

const YOUTUBE = "rtmps://a.rtmp.youtube.com/live2";
const region = () => screen.getByRole("region", { name: "Simulcast outputs" });
const live = () => screen.getAllByRole("status").at(-1) as HTMLElement;

function seed(outputs: Partial<LiveOutput>[] = []) {
  const input = makeLiveInput();
  model.liveInputs.set(input.uid, input);
  model.liveOutputs.set(
    input.uid,
    outputs.map((o) => ({
      uid: makeUid(),
      url: YOUTUBE,
      streamKey: "yt-key-1",
      enabled: true,
      ...o,
    })),
  );
  return input.uid;
}

describe("LiveOutputsEditor", () => {
  it("says when there are none", async () => {
    renderMedia(<LiveOutputsEditor uid={seed()} />);
    expect(region()).toHaveAttribute("data-state", "loading");
    expect(await screen.findByText(/No outputs yet/)).toBeVisible();
    expect(region()).toHaveAttribute("data-state", "empty");
  });

  it("lists each output with its URL, its key masked until revealed, and its switch", async () => {
    const user = userEvent.setup();
    renderMedia(
      <LiveOutputsEditor
        uid={seed([{}, { url: "srt://twitch.test:9000", streamKey: "tw-key", enabled: false }])}
      />,
    );
    const list = await screen.findByRole("list", { name: "Simulcast outputs" });
    const [first, second] = within(list).getAllByRole("listitem") as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent(YOUTUBE);
    expect(list).not.toHaveTextContent("yt-key-1");
    expect(within(first).getByRole("checkbox", { name: `Forward to ${YOUTUBE}` })).toBeChecked();
    expect(
      within(second).getByRole("checkbox", { name: "Forward to srt://twitch.test:9000" }),
    ).not.toBeChecked();
    expect(second).toHaveAttribute("data-state", "disabled");
    const reveal = within(first).getByRole("button", {
      name: `Reveal stream key of ${YOUTUBE}`,
    });
    await user.click(reveal);
    expect(reveal).toHaveAttribute("aria-pressed", "true");
    expect(first).toHaveTextContent("yt-key-1");
    expect(second).not.toHaveTextContent("tw-key");
  });

  it("checks the URL and the key at their fields before any request, then adds", async () => {
    const user = userEvent.setup();
    const uid = seed();
    renderMedia(<LiveOutputsEditor uid={uid} />);
    await screen.findByText(/No outputs yet/);
    const url = screen.getByRole("textbox", { name: "URL" });
    const key = screen.getByRole("textbox", { name: "Stream key" });
    const add = screen.getByRole("button", { name: "Add output" });

    await user.type(url, "https://youtube.com/live");
    await user.click(add);
    expect(url).toHaveAttribute("aria-invalid", "true");
    expect(url).toHaveAccessibleDescription(/Enter an rtmp:\/\/, rtmps:\/\/ or srt:\/\/ URL\./);
    expect(key).toHaveAttribute("aria-invalid", "true");
    expect(key).toHaveAccessibleDescription("Enter the stream key the service gives you.");
    expect(url).toHaveFocus();
    expect(model.count((r) => r.method === "POST")).toBe(0);

    await user.clear(url);
    await user.type(url, YOUTUBE);
    await user.type(key, "abcd-efgh");
    await user.click(add);
    const list = await screen.findByRole("list", { name: "Simulcast outputs" });
    expect(list).toHaveTextContent(YOUTUBE);
    expect(model.of("POST")[0]?.body).toEqual({ url: YOUTUBE, streamKey: "abcd-efgh" });
    await waitFor(() => expect(live()).toHaveTextContent(`Output ${YOUTUBE} added.`));
    expect(url).toHaveValue("");
    expect(url).not.toHaveAttribute("aria-invalid");
    expect(region()).toHaveAttribute("data-state", "ready");
  });

  it("accepts rtmp://, rtmps:// and srt:// targets", async () => {
    const user = userEvent.setup();
    renderMedia(<LiveOutputsEditor uid={seed()} />);
    await screen.findByText(/No outputs yet/);
    for (const target of ["rtmp://a.test/app", "rtmps://b.test:443/x", "srt://c.test:9000"]) {
      // user-event keeps its own copy of a field's text, which form.reset() does not clear.
      const url = screen.getByRole("textbox", { name: "URL" });
      const key = screen.getByRole("textbox", { name: "Stream key" });
      expect(url).toHaveValue("");
      await user.clear(url);
      await user.type(url, target);
      await user.clear(key);
      await user.type(key, "k");
      await user.click(screen.getByRole("button", { name: "Add output" }));
      await waitFor(() => expect(live()).toHaveTextContent(`Output ${target} added.`));
    }
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
  });

  it("starts and stops forwarding", async () => {
    const user = userEvent.setup();
    const uid = seed([{}]);
    renderMedia(<LiveOutputsEditor uid={uid} />);
    const toggle = await screen.findByRole("checkbox", { name: `Forward to ${YOUTUBE}` });
    await user.click(toggle);
    expect(toggle).not.toBeChecked();
    await waitFor(() => expect(live()).toHaveTextContent(`No longer forwarding to ${YOUTUBE}.`));
    expect(model.liveOutputs.get(uid)?.[0]?.enabled).toBe(false);
  });

  it("deletes after the inline confirmation (Cancel first, focused), and puts it back on a refusal", async () => {
    const user = userEvent.setup();
    const uid = seed([{}]);
    renderMedia(<LiveOutputsEditor uid={uid} />);
    await user.click(await screen.findByRole("button", { name: `Delete output ${YOUTUBE}` }));
    expect(screen.getByText(`Stop restreaming to ${YOUTUBE} and delete it?`)).toBeVisible();
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(model.count((r) => r.method === "DELETE")).toBe(0);

    model.failures.push({ status: 403, method: "DELETE", message: "not yours" });
    await user.click(screen.getByRole("button", { name: `Delete output ${YOUTUBE}` }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong. not yours.");
    expect(screen.getByRole("list", { name: "Simulcast outputs" })).toHaveTextContent(YOUTUBE);

    await user.click(screen.getByRole("button", { name: `Delete output ${YOUTUBE}` }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(live()).toHaveTextContent(`Output ${YOUTUBE} deleted.`));
    expect(await screen.findByText(/No outputs yet/)).toBeVisible();
    expect(region()).toHaveFocus();
    expect(model.liveOutputs.get(uid)).toEqual([]);
  });

  it("says when the input does not exist", async () => {
    renderMedia(<LiveOutputsEditor uid="5d5bc37ffcf54c9b82e996823bffbb81" />);
    expect(await screen.findByText("This live input does not exist (any more).")).toBeVisible();
    expect(region()).toHaveAttribute("data-state", "not-found");
    expect(screen.queryByRole("button", { name: "Add output" })).toBeNull();
  });
});
