// @vitest-environment node
import { StreamProvider } from "@streamkit/hooks";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as ui from "../index";
import { UploadDropzone } from "../uploadEntry";

describe("UploadDropzone on a server", () => {
  it("renders the drop area and a labelled file input without a DOM", () => {
    expect(typeof window).toBe("undefined");
    // `@streamkit/ui/upload` carries the dropzone; the main entry does not.
    expect(Object.keys(ui)).not.toContain("UploadDropzone");
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <UploadDropzone accept="video/mp4,.mkv" maxSizeBytes={5e9} />
      </StreamProvider>,
    );
    expect(html).toContain('type="file"');
    expect(html).toContain('accept="video/mp4,.mkv"');
    expect(html).toMatch(/<label for="[^"]+-input"[^>]*>Choose videos<\/label>/);
    expect(html).toContain("Up to 5 GB each.");
    expect(html).toContain('data-state="idle"');
    expect(html).not.toContain("sk-dropzone__list");
  });
});
