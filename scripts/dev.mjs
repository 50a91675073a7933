// `pnpm dev`: the main job. Starts Storybook against the in-browser model of the Stream lifecycle.
// (The emulator, the proxy and the example dashboard join here as they land.)
import { spawn } from "node:child_process";

const port = process.env.STORYBOOK_PORT ?? "6006";
const children = [
  spawn("pnpm", ["exec", "storybook", "dev", "--ci", "--port", port, "--host", "127.0.0.1"], {
    stdio: "inherit",
  }),
];
console.log(`\nstreamkit dev\n  Storybook  http://127.0.0.1:${port}\n  Ctrl-C stops everything.\n`);

function stop() {
  for (const child of children) child.kill("SIGTERM");
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) {
  child.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
}
