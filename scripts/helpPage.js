// help.html, the page each function's help link opens: rendered at build time from the same
// functions.json Excel reads, so descriptions are written once (the JSDoc in functions.ts).
const escape = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function signature(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `MPS.${fn.name}(${params.join(", ")})`;
}

function section(fn) {
  const rows = fn.parameters
    .map((p) => `<tr><td><code>${escape(p.name)}</code>${p.optional ? " (optional)" : ""}</td><td>${escape(p.description ?? "")}</td></tr>`)
    .join("\n");
  return `<section id="${fn.id.toLowerCase()}">
<h2><code>${escape(signature(fn))}</code></h2>
<p>${escape(fn.description)}</p>
<table><thead><tr><th>Argument</th><th>Meaning</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>`;
}

// The headers an item master row may have (src/functions/itemMaster.ts ITEM_MASTER_HEADERS; a
// test checks the two lists agree). Excel shows at most 255 characters per argument, so the full
// list lives here rather than in on_hand's description.
const ITEM_MASTER_HEADERS = [
  "On hand", "Safety stock", "Lot rule", "Lot size", "Min lot", "Max lot", "Multiple", "Lead time", "Model", "Capacity",
  "Hours per unit", "Plan from", "Demand time fence", "Planning time fence", "Backward", "Forward", "Consumption mode",
  "ATP method", "Capacity strategy",
];

function itemMasterSection() {
  return `<section id="item-master">
<h2>Item master rows</h2>
<p>MPS.TABLE and MPS.PLAN take an item's parameters from one range given in place of <code>on_hand</code>:
a header row and the item's value row (or a header column and a value column). Headers, matched
without regard to case, spaces, underscores or dashes: ${ITEM_MASTER_HEADERS.map(escape).join(", ")}
(On hand is required; the task pane's setting labels work too). Other headers are ignored; a blank
value is not given. An argument typed in the formula wins over the item master, which wins over
the workbook settings. Only the cells given are read, so include the header row:
<code>VSTACK(Items[#Headers], XLOOKUP("Bike", Items[Item], Items))</code> for a table of many items.</p>
</section>`;
}

function renderHelpPage(metadata) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Chain Crafter MPS — function reference</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
section { margin-bottom: 2rem; }
</style>
</head>
<body>
<h1>Chain Crafter MPS — function reference</h1>
<p>Series arguments are one row or one column; results spill the same way. An empty cell counts as 0,
in a series and as a single-cell argument; an option in an empty cell is as if left out. Arguments left
out (or given as empty text "") take this workbook's defaults from the <em>MPS settings</em> task pane.</p>
<p>A refusal is <code>#VALUE!</code> with a message naming the argument and the cell (hover the error
indicator); a promise beyond the horizon is <code>#N/A</code>. An error value in an input cell is shown
as an error without a message: fix the cell it comes from.</p>
${metadata.functions.map(section).join("\n")}
${itemMasterSection()}
</body>
</html>
`;
}

module.exports = { renderHelpPage, ITEM_MASTER_HEADERS };
