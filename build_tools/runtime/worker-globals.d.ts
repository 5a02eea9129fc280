// Types for checking worker.js (tsconfig.worker.json): the line the build puts in front of it
// (build_tools/runtime/bundle.py), and what it leaves on its global scope for the benchmark.
declare const RUNTIME: {
  pyodide: string;
  wheel: string;
  stdlib: string;
  sizes: Record<string, number>;
  ownCopies: string[];
  brotli: { script: string; module: string };
  lockInfo: object;
};

interface WorkerGlobalScope {
  calculatorTimings?: Record<string, number | boolean | null>;
  calculatorArrivals?: Record<string, string>;
}
