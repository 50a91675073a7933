import { expect, type Page } from "@playwright/test";

/**
 * stream-react's iframe and SDK are on Cloudflare's hosts: the emulator answers them. The player
 * page's own URLs (hls.js, manifest, segments, poster) are root-relative; they are made absolute
 * on the emulator, so after the click nothing passes through Playwright, as for our players.
 */
export async function answerCloudflareHosts(page: Page, origin: string) {
  await page.route(/^https:\/\/[^/]*cloudflarestream\.com\//, async (route) => {
    const url = new URL(route.request().url());
    const playerPage = url.hostname.startsWith("iframe.") && /^\/[^/]+$/.test(url.pathname);
    const answer = await fetch(
      `${origin}${url.pathname}${playerPage ? "/iframe" : ""}${url.search}`,
    );
    const headers = Object.fromEntries(answer.headers);
    delete headers["content-length"];
    delete headers["content-encoding"];
    let body = Buffer.from(await answer.arrayBuffer());
    if (playerPage) {
      const html = body.toString("utf8").replace(/(["'])\/(?=[^/])/g, `$1${origin}/`);
      expect(html).toContain(`${origin}/embed/hls.min.js`);
      body = Buffer.from(html);
    }
    await route.fulfill({ status: answer.status, headers, body });
  });
}
