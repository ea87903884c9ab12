#!/usr/bin/env node
// `mps-recalc <workbook.xlsx> [--out <file.xlsx>] [--json] [--sheet <name>] [--settings <file.json>]`
// Headless recalculation of a planning workbook (src/recalc/cli.ts), run through tsx so the
// TypeScript sources need no build step.
require("tsx/cjs");
require("../src/recalc/cli.ts").run();
