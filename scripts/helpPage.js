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
</body>
</html>
`;
}

module.exports = { renderHelpPage };
