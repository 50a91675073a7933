// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StreamProvider } from "../StreamProvider";
import { useVideoStatus } from "../useVideoStatus";
import { useVideos } from "../useVideos";

const uid = "0123456789abcdef0123456789abcdef";

function Page() {
  const status = useVideoStatus(uid);
  const list = useVideos();
  return (
    <p>
      {status.phase ?? "loading"} {list.videos.length}
    </p>
  );
}

describe("server rendering", () => {
  it("renders with no DOM at all, and without fetching", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <Page />
      </StreamProvider>,
    );
    expect(html).toContain("loading");
  });
});
