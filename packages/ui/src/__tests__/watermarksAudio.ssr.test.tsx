// @vitest-environment node
import { StreamProvider } from "@streamkit/hooks";
import { renderToString } from "react-dom/server";
import { expect, it, vi } from "vitest";
import { AudioTracksPanel } from "../AudioTracksPanel";
import * as ui from "../index";
import * as media from "../mediaEntry";
import { UploadFromUrlForm } from "../UploadFromUrlForm";
import { WatermarkPicker } from "../WatermarkPicker";
import { WatermarksManager } from "../WatermarksManager";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";

it("renders the watermark and audio components on a server, without a DOM or a request", () => {
  expect(typeof window).toBe("undefined");
  expect(media.WatermarkPicker).toBe(WatermarkPicker);
  expect(media.WatermarksManager).toBe(WatermarksManager);
  expect(media.AudioTracksPanel).toBe(AudioTracksPanel);
  // The main entry takes a `watermark` and a `fields` slot, and does not carry the picker.
  for (const name of ["WatermarkPicker", "WatermarksManager", "AudioTracksPanel"])
    expect(Object.keys(ui)).not.toContain(name);
  const fetch = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal("fetch", fetch);
  try {
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <UploadFromUrlForm
          watermark={{ uid: UID }}
          fields={<WatermarkPicker label="Brand mark" />}
        />
        <WatermarksManager headingLevel={3} />
        <AudioTracksPanel uid={UID} />
      </StreamProvider>,
    );
    expect(html).toContain("<legend>Brand mark</legend>");
    expect(html).toContain(">Watermark profiles</h3>");
    expect(html).toContain(">Audio tracks</h2>");
    expect(html.match(/data-state="loading"/g)).toHaveLength(3);
    expect(fetch).not.toHaveBeenCalled();
  } finally {
    vi.unstubAllGlobals();
  }
});
