import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VideoDetails } from "../VideoDetails";
import { failOnConsoleError, renderWithStream } from "./dashboardRender";

const model = new StreamModel();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.reset();
  server.resetHandlers(...model.handlers());
});
failOnConsoleError();

const lastUpdate = () => model.of("POST").at(-1)?.body as Record<string, unknown> | undefined;

describe("VideoDetails public details", () => {
  it("edits the player's title and links, sends all four, and clears with an empty field", async () => {
    const user = userEvent.setup();
    const video = makeVideo(makeUid(), "ready", "100", {
      publicDetails: { title: "Old", share_link: "https://share.test/a", logo: null },
    } as never);
    model.add(video);
    renderWithStream(<VideoDetails uid={video.uid ?? ""} />);
    const title = await screen.findByRole("textbox", { name: "Title" });
    expect(screen.getByRole("group", { name: "Player details" })).toHaveAccessibleDescription(
      "Shown by the player. Empty clears a field.",
    );
    expect(title).toHaveValue("Old");
    await user.clear(title);
    await user.type(title, "New title");
    await user.clear(screen.getByRole("textbox", { name: "Share link" }));
    await user.type(screen.getByRole("textbox", { name: "Logo URL" }), "https://cdn.test/logo.png");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByText("Saved.")).toBeInTheDocument());
    expect(lastUpdate()).toEqual({
      publicDetails: {
        title: "New title",
        share_link: null,
        channel_link: null,
        logo: "https://cdn.test/logo.png",
      },
    });
  });

  it("refuses a link that is not an http(s) URL before any request", async () => {
    const user = userEvent.setup();
    const video = makeVideo(makeUid(), "ready", "100");
    model.add(video);
    renderWithStream(<VideoDetails uid={video.uid ?? ""} />);
    const channel = await screen.findByRole("textbox", { name: "Channel link" });
    await user.type(channel, "javascript:alert(1)");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(channel).toHaveAttribute("aria-invalid", "true");
    expect(channel).toHaveAccessibleDescription(
      "Enter a full http(s) URL, such as https://example.com.",
    );
    expect(channel).toHaveFocus();
    expect(model.of("POST")).toHaveLength(0);
  });
});
