// The benchmark's naive calculator page (bench/calculator_speed.py serves it beside the built
// site): what a first attempt looks like. Stock Pyodide on the page's thread, loaded once the page
// has loaded, with its defaults (it fetches pyodide-lock.json and the whole standard library),
// then the same calculators wheel through loadPackage, then one calculation.
//
// Settings come from the address: ?pyodide=<folder of pyodide.mjs>&wheel=<wheel URL>
// &calculator=<name>#input=<percent-encoded JSON>, the same fragment the calculator pages read.
//
// Marks (performance.mark, read by the benchmark): naive-start, naive-runtime (loadPyodide done),
// naive-package (wheel installed), naive-imported (calculators imported), and
// calculator-first-result, the same mark the calculator pages set.

const query = new URLSearchParams(location.search);
const result = document.getElementById("calculator-result");

function show(text) {
  const line = document.createElement("p");
  line.className = "calculator__answer";
  line.textContent = text;
  result.replaceChildren(line);
}

async function main() {
  performance.mark("naive-start");
  const indexURL = new URL(query.get("pyodide"), location.href).href;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL });
  performance.mark("naive-runtime");
  await pyodide.loadPackage(new URL(query.get("wheel"), location.href).href);
  performance.mark("naive-package");
  const api = pyodide.pyimport("calculators.api");
  performance.mark("naive-imported");
  const input = decodeURIComponent(location.hash.slice("#input=".length));
  const answer = api.run_json(query.get("calculator"), input).toJs();
  show(answer[1]);
  performance.mark("calculator-first-result");
}

// "Loaded after the page": nothing starts before the load event.
if (document.readyState === "complete") main();
else addEventListener("load", main, { once: true });
