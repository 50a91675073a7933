// @vitest-environment node
import { renderToString } from "react-dom/server";
import { expect, it } from "vitest";

it("imports without a window and renders the poster box on the server", async () => {
  expect(typeof window).toBe("undefined");
  const { StreamVideo } = await import("../videoEntry");
  const html = renderToString(
    <StreamVideo
      src="5d5bc37ffcf54c9b82e996823bffbb81"
      deliveryOrigin="http://127.0.0.1:8787"
      aspectRatio="4/3"
      title="Launch"
    />,
  );
  expect(html).toContain('class="sk-player sk-video"');
  expect(html).toContain("--sk-aspect:1.3333333333333333");
  expect(html).toContain(
    'src="http://127.0.0.1:8787/5d5bc37ffcf54c9b82e996823bffbb81/thumbnails/thumbnail.jpg"',
  );
  expect(html).toMatch(/<video[^>]*aria-label="Launch"/);
  expect(html).not.toContain("manifest");
});
