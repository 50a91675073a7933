import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

export const WIDTHS = [1280, 768, 390, 320] as const;
export const SCHEMES = ["light", "dark"] as const;

/**
 * What a person would see as broken at this width: a document wider than the window (a page that
 * scrolls sideways), or a control they cannot reach, because it lies outside the window or is
 * cut off by a box that hides or scrolls its overflow. Visually hidden helpers do not count.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const describe = (el: Element) => {
      const label =
        el.getAttribute("aria-label") ??
        (el.textContent ?? "").trim().slice(0, 40) ??
        el.getAttribute("name");
      const cls = typeof el.className === "string" ? el.className.split(" ")[0] : "";
      return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ""}> "${label}"`;
    };
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(`the document is ${document.documentElement.scrollWidth} px wide`);
    }
    const controls = document.querySelectorAll(
      "button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], label.sk-button",
    );
    for (const el of controls) {
      if (el.closest(".sk-visually-hidden, [hidden], [inert]")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not rendered (display: none)
      if (getComputedStyle(el).visibility === "hidden") continue;
      if (box.left < -1 || box.right > width + 1) {
        problems.push(`${describe(el)} lies outside the window (${Math.round(box.right)} px)`);
        continue;
      }
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === "visible") continue;
        const frame = up.getBoundingClientRect();
        if (box.right > frame.right + 1 || box.left < frame.left - 1) {
          problems.push(`${describe(el)} is cut off by ${describe(up)}`);
          break;
        }
      }
    }
    // A card's picture wider than its card spills over the next one without widening anything.
    for (const thumb of document.querySelectorAll(".sk-card .sk-thumb")) {
      const card = thumb.closest(".sk-card")?.getBoundingClientRect();
      const box = thumb.getBoundingClientRect();
      if (card && box.right > card.right + 1) {
        problems.push(
          `${describe(thumb)} spills out of its card by ${Math.round(box.right - card.right)} px`,
        );
      }
    }
    return [...new Set(problems)];
  });
}

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe's WCAG 2 A/AA violations inside `selector` (contrast included), one line each. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeSource });
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: AxeRun } }).axe;
    const run = () =>
      axe.run(
        { include: [context], exclude: [["iframe"]] },
        { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
      );
    // Storybook's a11y addon runs the same axe on each story it renders, and axe runs one check
    // at a time: when ours lands during the addon's, wait for it to finish and ask again.
    let result: Awaited<ReturnType<AxeRun>> | undefined;
    for (let attempt = 0; !result; attempt++) {
      try {
        result = await run();
      } catch (error) {
        if (attempt >= 50 || !String(error).includes("already running")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  }, selector);
}

type AxeRun = (
  context: unknown,
  options: unknown,
) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;

/** Two frames: layout and container queries settle after a resize. */
export function settle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/** Every width in both schemes: the problems found, each with where it was seen. */
export async function checkEveryWidth(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    // Reduced motion: no colour transition is caught half-way by a measurement.
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await settle(page);
      for (const problem of await layoutProblems(page)) {
        found.push(`${where} @ ${width}px ${colorScheme}: ${problem}`);
      }
    }
  }
  return found;
}
