// @vitest-environment node
import { StreamProvider } from "@streamkit/hooks";
import { renderToString } from "react-dom/server";
import { expect, it, vi } from "vitest";
import { CaptionsPanel } from "../CaptionsPanel";
import * as captions from "../captionsEntry";
import { DownloadsPanel } from "../DownloadsPanel";
import * as ui from "../index";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";

it("renders the captions and downloads panels on a server, without a DOM or a request", () => {
  expect(typeof window).toBe("undefined");
  // The panels come from `@streamkit/ui/captions`, and the main entry no longer carries them.
  expect(captions.CaptionsPanel).toBe(CaptionsPanel);
  expect(captions.DownloadsPanel).toBe(DownloadsPanel);
  expect(Object.keys(ui)).not.toContain("CaptionsPanel");
  expect(Object.keys(ui)).not.toContain("DownloadsPanel");
  const fetch = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal("fetch", fetch);
  try {
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <CaptionsPanel uid={UID} headingLevel={3} />
        <DownloadsPanel uid={UID} />
      </StreamProvider>,
    );
    expect(html).toContain('<h3 id="');
    expect(html).toContain(">Captions</h3>");
    expect(html).toContain(">Download</h2>");
    expect(html.match(/data-state="loading"/g)).toHaveLength(2);
    // The forms are there at once; the generate <select> names its languages the same way on
    // every runtime, so the client hydrates what the server sent.
    expect(html).toContain('<option value="de">German</option>');
    expect(html).toContain('accept=".vtt,text/vtt"');
    expect(fetch).not.toHaveBeenCalled();
  } finally {
    vi.unstubAllGlobals();
  }
});
