// @vitest-environment node
import { StreamProvider } from "@streamkit/hooks";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as ui from "../index";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";
const html = (children: ReactNode) =>
  renderToString(
    <StreamProvider baseUrl="/api/stream" deliveryOrigin="http://127.0.0.1:8787">
      {children}
    </StreamProvider>,
  );

describe("server rendering of the dashboard components", () => {
  it("imports without a DOM", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    expect(Object.keys(ui)).toEqual(
      expect.arrayContaining(["VideoTable", "VideoGrid", "VideoDetails", "ThumbnailPicker"]),
    );
  });

  it("renders a thumbnail with its size and both sources", () => {
    const out = html(<ui.VideoThumbnail uid={UID} width={320} height={180} alt="Cat" />);
    expect(out).toContain(
      `src="http://127.0.0.1:8787/${UID}/thumbnails/thumbnail.jpg?height=180&amp;width=320"`,
    );
    expect(out).toContain('width="320"');
    expect(out).toContain(" 2x");
    expect(renderToString(<ui.VideoThumbnail uid={UID} alt="Cat" />)).toContain(
      'data-reason="no-delivery"',
    );
  });

  it("renders the form, and the loading state of everything that fetches", () => {
    expect(html(<ui.UploadFromUrlForm defaultUrl="https://x.test/a.mp4" />)).toContain(
      'value="https://x.test/a.mp4"',
    );
    for (const element of [
      <ui.VideoTable key="t" />,
      <ui.VideoGrid key="g" />,
      <ui.VideoDetails key="d" uid={UID} />,
      <ui.ThumbnailPicker key="p" uid={UID} />,
    ]) {
      const out = html(element);
      expect(out).toContain("Loading…");
    }
  });
});
