import { libraryConfig } from "../../vite.lib.config.ts";

export default libraryConfig({ entry: { index: "src/index.ts", node: "src/node.ts" } });
