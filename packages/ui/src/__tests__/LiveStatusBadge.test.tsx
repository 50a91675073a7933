import type { LiveInputStatus } from "@streamkit/core/live-inputs";
import { makeLiveInput } from "@streamkit/test-utils";
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LiveStatusBadge } from "../LiveStatusBadge";
import { StreamMessagesProvider } from "../messages/context";
import { failOnConsoleError } from "./dashboardRender";
import { model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();
failOnConsoleError();

const badge = (container: HTMLElement) => container.querySelector(".sk-live-badge");
const region = () => screen.getByRole("status");

const PHASES: [LiveInputStatus, string, string][] = [
  [null, "idle", "Waiting"],
  ["new_configuration_accepted", "connecting", "Connecting"],
  ["connected", "live", "Live"],
  ["reconnecting", "reconnecting", "Reconnecting"],
  ["reconnected", "live", "Live"],
  ["client_disconnect", "ended", "Ended"],
  ["ttl_exceeded", "ended", "Ended"],
  ["failed_to_connect", "errored", "Failed to connect"],
  ["failed_to_reconnect", "errored", "Failed to connect"],
];

describe("LiveStatusBadge", () => {
  it.each(PHASES)("shows %s as %s, a dot and a word", (status, phase, word) => {
    const { container } = render(<LiveStatusBadge liveInput={{ status }} />);
    expect(badge(container)).toHaveAttribute("data-state", phase);
    expect(container.querySelector(".sk-badge__dot")).toHaveAttribute("aria-hidden", "true");
    expect(screen.getByText(word, { selector: ".sk-badge__label" })).toBeVisible();
    expect(
      screen.getByText(`Broadcast status: ${word}`, {
        selector: ".sk-visually-hidden:not([role])",
      }),
    ).toBeInTheDocument();
  });

  it("announces changes politely, not the first phase", () => {
    const { rerender } = render(<LiveStatusBadge liveInput={{ status: null }} />);
    expect(region()).toHaveAttribute("aria-live", "polite");
    expect(region()).toHaveTextContent("");
    rerender(<LiveStatusBadge liveInput={{ status: "connected" }} />);
    expect(region()).toHaveTextContent("Broadcast status: Live");
    // The same phase by another status is no news.
    rerender(<LiveStatusBadge liveInput={{ status: "reconnected" }} />);
    expect(region()).toHaveTextContent("Broadcast status: Live");
    rerender(<LiveStatusBadge liveInput={{ status: "client_disconnect" }} />);
    expect(region()).toHaveTextContent("Broadcast status: Ended");
    rerender(<LiveStatusBadge liveInput={{ status: null }} announce={false} />);
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("watches a uid: it follows the broadcast as the input's status changes", async () => {
    const input = makeLiveInput();
    model.liveInputs.set(input.uid, input);
    const { container } = renderMedia(<LiveStatusBadge uid={input.uid} />);
    expect(badge(container)).toHaveAttribute("data-state", "loading");
    await waitFor(() => expect(badge(container)).toHaveAttribute("data-state", "idle"));
    model.liveInputs.set(input.uid, { ...input, status: "connected" });
    await waitFor(() => expect(region()).toHaveTextContent("Broadcast status: Live"));
    model.liveInputs.set(input.uid, { ...input, status: "reconnecting" });
    await waitFor(() => expect(region()).toHaveTextContent("Broadcast status: Reconnecting"));
    expect(badge(container)).toHaveAttribute("data-state", "reconnecting");
  });

  it("says a failed request in words", async () => {
    const { container } = renderMedia(<LiveStatusBadge uid="5d5bc37ffcf54c9b82e996823bffbb81" />);
    await waitFor(() => expect(badge(container)).toHaveAttribute("data-state", "error"));
    expect(badge(container)).toHaveTextContent(
      "Something went wrong. It was not found. It may have been deleted.",
    );
  });

  it("takes texts from the provider's live group and its own prop", () => {
    render(
      <StreamMessagesProvider messages={{ live: { status: { phase: { live: "En direct" } } } }}>
        <LiveStatusBadge liveInput={{ status: "connected" }} />
        <LiveStatusBadge
          liveInput={{ status: "connected" }}
          messages={{ phase: { live: "Auf Sendung" }, statusLabel: (p) => `Status: ${p}` }}
        />
      </StreamMessagesProvider>,
    );
    expect(screen.getByText("En direct", { selector: ".sk-badge__label" })).toBeInTheDocument();
    expect(screen.getByText("Status: Auf Sendung")).toBeInTheDocument();
  });
});
