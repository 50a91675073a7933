import "@streamkit/ui/styles.css";
import "@streamkit/ui/live.css";
import "./app.css";
import { StreamProvider } from "@streamkit/hooks";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { delivery } from "./delivery";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <StreamProvider baseUrl="/api/stream" {...delivery}>
      <App />
    </StreamProvider>
  </StrictMode>,
);
