import { DELIVERY, makeUid, makeVideo } from "@streamkit/test-utils";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { VideoThumbnail } from "../VideoThumbnail";
import { renderWithStream } from "./dashboardRender";

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

const image = () => screen.getByRole("img") as HTMLImageElement;

describe("VideoThumbnail", () => {
  it("builds the thumbnail URL from the provider's delivery origin, with its size reserved", () => {
    const uid = makeUid();
    renderWithStream(<VideoThumbnail uid={uid} width={160} height={90} time={4} />);
    // Without a video or an alt the image is decorative (alt="").
    const img = document.querySelector("img") as HTMLImageElement;
    expect(img).toHaveAttribute("alt", "");
    expect(img.tagName).toBe("IMG");
    expect(img.getAttribute("src")).toBe(
      `${DELIVERY}/${uid}/thumbnails/thumbnail.jpg?time=4s&height=90&width=160`,
    );
    expect(img.getAttribute("srcset")).toContain("height=180&width=320 2x");
    expect(img).toHaveAttribute("width", "160");
    expect(img).toHaveAttribute("height", "90");
    expect(img).toHaveAttribute("loading", "lazy");
    expect(img).toHaveAttribute("data-state", "loading");
    fireEvent.load(img);
    expect(img).toHaveAttribute("data-state", "loaded");
  });

  it("takes alt from the video's name and the missing side from its aspect ratio", () => {
    const video = makeVideo(makeUid(), "ready", "100", {
      meta: { name: "<b>Cat</b>" },
      input: { width: 1000, height: 500 },
    });
    renderWithStream(<VideoThumbnail video={video} height={100} />);
    const img = screen.getByRole("img", { name: "<b>Cat</b>" });
    expect(img).toHaveAttribute("width", "200");
    expect(img).toHaveAttribute("height", "100");
  });

  it("puts a signed token in place of the uid", () => {
    const video = makeVideo(makeUid(), "ready", "100", { requireSignedURLs: true });
    renderWithStream(<VideoThumbnail video={video} token={TOKEN} alt="" />);
    const img = document.querySelector("img");
    expect(img?.getAttribute("src")).toMatch(`${DELIVERY}/${TOKEN}/thumbnails/thumbnail.jpg`);
  });

  it("paints a placeholder and requests nothing without a delivery config or a token", () => {
    const uid = makeUid();
    const { unmount } = renderWithStream(<VideoThumbnail uid={uid} alt="Cat" />, {
      delivery: false,
    });
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByRole("img", { name: "Cat" })).toHaveAttribute("data-reason", "no-delivery");
    unmount();

    const signed = makeVideo(uid, "ready", "100", { requireSignedURLs: true });
    renderWithStream(<VideoThumbnail video={signed} alt="Cat" />);
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByRole("img", { name: "Cat" })).toHaveAttribute("data-reason", "signed");
  });

  it("works outside a provider, as a placeholder, and never throws on a bad uid", () => {
    render(<VideoThumbnail uid="not-a-uid" alt="" />);
    const box = document.querySelector(".sk-thumb");
    expect(box).toHaveAttribute("data-state", "placeholder");
    expect(box).toHaveAttribute("aria-hidden", "true");
    renderWithStream(<VideoThumbnail uid="not-a-uid" alt="x" />);
    expect(screen.getByRole("img", { name: "x" })).toHaveAttribute("data-reason", "invalid");
  });

  it("shows no image for videos without frames", () => {
    renderWithStream(<VideoThumbnail video={makeVideo(makeUid(), "queued")} />);
    expect(document.querySelector(".sk-thumb")).toHaveAttribute("data-reason", "no-frames");
  });

  it("asks for a frame of a video still processing only once its duration is known", () => {
    const uid = makeUid();
    const { rerender } = renderWithStream(
      <VideoThumbnail video={makeVideo(uid, "inprogress", "20.000000")} alt="" />,
    );
    expect(document.querySelector(".sk-thumb")).toHaveAttribute("data-reason", "no-frames");
    rerender(
      <VideoThumbnail video={makeVideo(uid, "inprogress", "60.000000", { duration: 8 })} alt="" />,
    );
    expect(document.querySelector("img.sk-thumb")).toHaveAttribute("data-state", "loading");
  });

  it("falls back to the placeholder when the image fails, and retries for a new source", () => {
    const uid = makeUid();
    const { rerender } = renderWithStream(<VideoThumbnail uid={uid} alt="Clip" time={1} />);
    fireEvent.error(image());
    expect(screen.getByRole("img", { name: "Clip" })).toHaveAttribute("data-reason", "failed");
    rerender(<VideoThumbnail uid={uid} alt="Clip" time={2} />);
    expect(image().tagName).toBe("IMG");
    expect(image().getAttribute("src")).toContain("time=2s");
  });

  it("reacts to a new uid after mount", () => {
    const [a, b] = [makeUid(), makeUid()];
    const { rerender } = renderWithStream(<VideoThumbnail uid={a} alt="" />);
    expect(document.querySelector("img")?.getAttribute("src")).toContain(a);
    rerender(<VideoThumbnail uid={b} alt="" />);
    expect(document.querySelector("img")?.getAttribute("src")).toContain(b);
  });

  it("animates always, or on hover and focus", () => {
    const uid = makeUid();
    const { rerender } = renderWithStream(<VideoThumbnail uid={uid} alt="Clip" animated />);
    expect(image().getAttribute("src")).toContain("/thumbnails/thumbnail.gif");

    rerender(
      <button type="button">
        <VideoThumbnail uid={uid} alt="" animated="hover" />
      </button>,
    );
    const img = () => document.querySelector("img") as HTMLImageElement;
    expect(img().getAttribute("src")).toContain("thumbnail.jpg");
    fireEvent.pointerEnter(screen.getByRole("button"));
    expect(img().getAttribute("src")).toContain("thumbnail.gif");
    fireEvent.pointerLeave(screen.getByRole("button"));
    expect(img().getAttribute("src")).toContain("thumbnail.jpg");
    act(() => screen.getByRole("button").focus());
    expect(img().getAttribute("src")).toContain("thumbnail.gif");
    act(() => screen.getByRole("button").blur());
    expect(img().getAttribute("src")).toContain("thumbnail.jpg");
  });

  it("passes className, style and other attributes to its root", () => {
    renderWithStream(
      <VideoThumbnail uid={makeUid()} alt="" className="mine" style={{ margin: 2 }} data-x="1" />,
    );
    const img = document.querySelector("img");
    expect(img).toHaveClass("sk-thumb", "mine");
    expect(img).toHaveStyle({ margin: "2px" });
    expect(img).toHaveAttribute("data-x", "1");
  });
});
