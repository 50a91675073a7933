import type { StorybookConfig } from "@storybook/react-vite";
import { defaultClientConditions, mergeConfig } from "vite";

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["./Introduction.mdx", "../packages/*/src/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  // Holds msw's service worker, which answers the stories' API calls in the browser.
  staticDirs: ["./public"],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own "Get started" checklist is for people writing their first story, not for
  // people browsing streamkit's components; it took the top of the sidebar.
  features: { sidebarOnboardingChecklist: false },
  typescript: { reactDocgen: "react-docgen-typescript" },
  // Stories read package sources directly, like the tests, so nothing needs building first.
  viteFinal: async (cfg) =>
    mergeConfig(cfg, {
      resolve: { conditions: ["@streamkit/source", ...defaultClientConditions] },
    }),
};

export default config;
