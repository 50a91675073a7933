import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { readConfig } from "./server/config.ts";
import { streamkitServer } from "./server/streamkitServer.ts";

export default defineConfig(() => {
  const config = readConfig();
  return {
    plugins: [react(), streamkitServer(config)],
    // Workspace packages are read from source, as in the tests; a published app needs none of this.
    resolve: { conditions: ["@streamkit/source", ...defaultClientConditions] },
    // The browser learns where videos play from, never how to reach the API.
    define: {
      __STREAMKIT_DELIVERY__: JSON.stringify({ ...config.delivery, sdkUrl: config.sdkUrl }),
    },
    server: { host: "127.0.0.1", strictPort: true },
  };
});
