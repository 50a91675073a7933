import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { VideoGrid } from "../VideoGrid";
import { VideoTable } from "../VideoTable";
import { failOnConsoleError, renderWithStream } from "./dashboardRender";

// The library as a media product (#21): what a person sees, not only what a screen reader hears.
const model = new StreamModel();
serveModel(model);
failOnConsoleError();

const LONG = "x".repeat(5_000);
const failed = () =>
  makeVideo(makeUid(), "error", "0", {
    meta: { name: "Broken" },
    status: {
      state: "error",
      errorReasonCode: "ERR_FETCH_ORIGIN_ERROR",
      errorReasonText: "The origin answered 404 Not Found",
    },
  });

describe("library media details", () => {
  it("a failed row shows its specific reason on screen, and long names keep their full text as a title", async () => {
    model.add(failed(), makeVideo(makeUid(), "ready", "100", { meta: { name: LONG } }));
    renderWithStream(<VideoTable onSelect={() => {}} />);
    const reason = await screen.findByText(
      /could not be downloaded from its URL\. The origin answered 404/,
      {
        selector: ".sk-reason",
      },
    );
    expect(reason).toBeVisible();
    const name = screen.getByRole("button", { name: LONG });
    expect(name).toHaveAttribute("title", LONG);
    expect(name).toHaveClass("sk-clamp");
    // Narrow containers show each value with its label (the cards' CSS reads data-label).
    const row = name.closest("tr");
    expect(row?.querySelector("td[data-label='Status']")).not.toBeNull();
    expect(row?.querySelector("td[data-label='Duration']")).not.toBeNull();
  });

  it("a card puts the duration over the picture, marks private videos and says how long ago", async () => {
    const created = new Date(Date.now() - 5 * 60_000).toISOString();
    model.add(
      makeVideo(makeUid(), "ready", "100", {
        meta: { name: "Cat" },
        duration: 80,
        requireSignedURLs: true,
        created,
      }),
    );
    renderWithStream(<VideoGrid onSelect={() => {}} />);
    const card = (await screen.findByRole("button", { name: "Cat" })).closest("li");
    if (!card) throw new Error("no card");
    expect(card.querySelector(".sk-card__duration")).toHaveTextContent("1:20");
    expect(within(card).getByText("Private")).toBeVisible();
    const time = card.querySelector("time");
    expect(time).toHaveTextContent("5 minutes ago");
    expect(time).toHaveAttribute("title", created.slice(0, 10));
  });
});
