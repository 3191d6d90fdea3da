import "@kern-ux/native/dist/fonts/fira-sans.css";
import "@kern-ux/native/dist/kern.min.css";
import "./console.css";
import "./i18n";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
