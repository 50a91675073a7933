// @vitest-environment node
import { renderToString } from "react-dom/server";
import { expect, it, vi } from "vitest";
import { useCaptions } from "../captions";
import { useDownloads } from "../downloads";
import { StreamProvider } from "../StreamProvider";

const uid = "0123456789abcdef0123456789abcdef";

function Page() {
  const captions = useCaptions(uid);
  const downloads = useDownloads(uid);
  return (
    <p>
      {captions.status} {downloads.status}
    </p>
  );
}

it("renders captions and downloads on a server without a DOM and without fetching", () => {
  expect(typeof window).toBe("undefined");
  const fetch = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal("fetch", fetch);
  try {
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <Page />
      </StreamProvider>,
    );
    expect(html).toContain("pending");
    expect(fetch).not.toHaveBeenCalled();
  } finally {
    vi.unstubAllGlobals();
  }
});
