import { libraryConfig } from "../../vite.lib.config.ts";

export default libraryConfig({
  entry: {
    index: "src/index.ts",
    node: "src/node.ts",
    "admin/index": "src/admin/index.ts",
    "redis/index": "src/redis/index.ts",
    cli: "src/admin/cli.ts",
    "durableObject/index": "src/durableObject/index.ts",
  },
});
