import { StreamProvider } from "@streamkit/hooks";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { render, screen, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StreamMessagesProvider } from "../messages/context";
import { VideoStatusBadge } from "../VideoStatusBadge";

const model = new StreamModel();
const server = setupServer(...model.handlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("VideoStatusBadge", () => {
  it("shows each phase with an accessible text", () => {
    const uid = makeUid();
    const { rerender, container } = render(
      <VideoStatusBadge video={makeVideo(uid, "inprogress", "42.4")} />,
    );
    expect(container.firstElementChild).toHaveAttribute("data-state", "processing");
    expect(screen.getByText("Video status: Processing, 42%")).toBeInTheDocument();
    rerender(<VideoStatusBadge video={makeVideo(uid, "ready")} />);
    expect(container.firstElementChild).toHaveAttribute("data-state", "ready");
    expect(
      screen.getByText("Video status: Ready", { selector: ".sk-visually-hidden:not([role])" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Video status: Ready");
  });

  it("announces phase changes, not the first render", () => {
    const uid = makeUid();
    const { rerender } = render(<VideoStatusBadge video={makeVideo(uid, "queued")} />);
    expect(screen.getByRole("status")).toHaveTextContent("");
    rerender(<VideoStatusBadge video={makeVideo(uid, "inprogress", "10")} />);
    expect(screen.getByRole("status")).toHaveTextContent("Video status: Processing, 10%");
    rerender(<VideoStatusBadge video={makeVideo(uid, "inprogress", "60")} />);
    expect(screen.getByRole("status")).toHaveTextContent("Video status: Processing, 10%");
  });

  it("gives the error reason in the full variant, as text", () => {
    const video = makeVideo(makeUid(), "error");
    video.status = {
      ...video.status,
      errorReasonCode: "ERR_SOMETHING",
      errorReasonText: "<b>bad</b> input",
    };
    const { container } = render(<VideoStatusBadge video={video} variant="full" />);
    expect(container.querySelector(".sk-badge__reason")).toHaveTextContent("<b>bad</b> input");
    expect(container.querySelector("b")).toBeNull();
  });

  it("passes className, style and attributes through", () => {
    const { container } = render(
      <VideoStatusBadge
        video={makeVideo(makeUid(), "ready")}
        className="mine"
        style={{ margin: 3 }}
        data-x="1"
      />,
    );
    expect(container.firstElementChild).toHaveClass("sk-badge", "mine");
    expect(container.firstElementChild).toHaveAttribute("data-x", "1");
  });

  it("takes replaced messages", () => {
    render(
      <StreamMessagesProvider messages={{ phase: { ready: "Prêt" } }}>
        <VideoStatusBadge video={makeVideo(makeUid(), "ready")} />
      </StreamMessagesProvider>,
    );
    expect(screen.getByText("Prêt")).toBeInTheDocument();
  });

  it("watches a uid live through the provider", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress", "20"));
    render(
      <StreamProvider baseUrl={BASE} polling={{ processingMs: 50, jitter: 0 }}>
        <VideoStatusBadge uid={uid} />
      </StreamProvider>,
    );
    expect(await screen.findByText("Video status: Processing, 20%")).toBeInTheDocument();
    model.set(uid, makeVideo(uid, "ready"));
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Video status: Ready"),
    );
  });
});
