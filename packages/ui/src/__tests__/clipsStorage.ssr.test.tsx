// @vitest-environment node
import { StreamProvider } from "@streamkit/hooks";
import { renderToString } from "react-dom/server";
import { expect, it, vi } from "vitest";
import * as ui from "../index";
import { ClipEditor, StorageMeter } from "../mediaEntry";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";

it("renders the clip editor and storage meter on a server, without a DOM or a request", () => {
  expect(typeof window).toBe("undefined");
  expect(Object.keys(ui)).not.toContain("ClipEditor");
  expect(Object.keys(ui)).not.toContain("StorageMeter");
  const fetch = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal("fetch", fetch);
  try {
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <ClipEditor uid={UID} headingLevel={3} />
        <StorageMeter creator="alice" />
      </StreamProvider>,
    );
    expect(html).toContain(">Make a clip</h3>");
    expect(html).toContain(">Storage</h2>");
    expect(html).toContain("For alice");
    expect(html.match(/data-state="loading"/g)).toHaveLength(2);
    expect(fetch).not.toHaveBeenCalled();
  } finally {
    vi.unstubAllGlobals();
  }
});
