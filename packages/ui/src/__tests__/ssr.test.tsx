// @vitest-environment node
import { StreamProvider } from "@streamkit/hooks";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as ui from "../index";
import { StreamPlayer } from "../StreamPlayer";
import { VideoStatusBadge } from "../VideoStatusBadge";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";

describe("server rendering", () => {
  it("imports without a DOM", () => {
    expect(typeof window).toBe("undefined");
    expect(ui.StreamPlayer).toBeDefined();
  });

  it("paints the poster and the aspect box on the server, without the iframe", () => {
    const html = renderToString(
      <StreamPlayer
        src={UID}
        customerCode="abc123"
        video={{ uid: UID, input: { width: 1920, height: 800 } }}
      />,
    );
    expect(html).toContain(
      `src="https://customer-abc123.cloudflarestream.com/${UID}/thumbnails/thumbnail.jpg"`,
    );
    expect(html).toContain(`--sk-aspect:${1920 / 800}`);
    expect(html).not.toContain("<iframe");
  });

  it("renders a badge and a status-aware player inside a provider", () => {
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream" deliveryOrigin="http://127.0.0.1:8787">
        <VideoStatusBadge uid={UID} />
        <StreamPlayer src={UID} />
      </StreamProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain("sk-player");
  });
});
