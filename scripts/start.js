#!/usr/bin/env node
// `npm start`. Where desktop Excel can be sideloaded (Windows, macOS) this is the template's
// `office-addin-debugging start manifest.xml`. Elsewhere (Linux, containers, CI) there is no Excel
// to sideload into, so it serves the add-in on https://localhost:3000 for Excel on the web and
// says how to use it. Ctrl-C stops the server.
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const desktopExcel = process.platform === "win32" || process.platform === "darwin";
const port = process.env.npm_package_config_dev_server_port || 3000;
const serveOnly = process.argv.includes("--serve-only") || process.env.MPS_SERVE_ONLY === "1";

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  const stop = () => child.kill("SIGINT");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  return child;
}

if (desktopExcel && !serveOnly) {
  run(bin("office-addin-debugging"), ["start", "manifest.xml"]);
} else {
  const { certificateFiles } = require("./https");
  // Show what the add-in computes before serving it: the sample workbook, recalculated headless.
  require("tsx/cjs");
  const { printSamplePlans } = require("../src/recalc/samples.ts");
  printSamplePlans()
    .catch(() => false)
    .then(() => {
      console.log(
        [
          "",
          "Chain Crafter MPS: no desktop Excel on this machine, so the add-in is served for Excel on the web.",
          `  Task pane + functions:  https://localhost:${port}/taskpane.html`,
          `  Function metadata:      https://localhost:${port}/functions.json`,
          "  Manifest to upload:     manifest.xml (in this folder)",
          "  Sample workbook:        assets/sample-plan.xlsx (open it in Excel with the add-in loaded)",
          "To use it: open a workbook in Excel on the web, Home > Add-ins > More add-ins > Upload My Add-in,",
          "choose manifest.xml, then type =MPS. in a cell. The browser must trust the dev certificate:",
          `  ${certificateFiles().ca}`,
          "Ctrl-C stops the server.",
          "",
        ].join("\n"),
      );
      run(bin("webpack"), ["serve", "--mode", "development"]);
    });
}
