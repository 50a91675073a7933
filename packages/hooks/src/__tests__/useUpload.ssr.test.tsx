// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StreamProvider } from "../StreamProvider";
import { useUpload } from "../useUpload";

function Uploads() {
  const upload = useUpload();
  return <p>{`${upload.items.length} ${String(upload.isUploading)}`}</p>;
}

describe("useUpload on a server", () => {
  it("renders an empty queue without a DOM, fetching nothing", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <Uploads />
      </StreamProvider>,
    );
    expect(html).toContain("0 false");
  });
});
