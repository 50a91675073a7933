import { libraryConfig } from "../../vite.lib.config";

export default libraryConfig({ entry: { index: "src/index.ts", node: "src/node.ts" } });
