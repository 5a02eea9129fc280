// What the calculator pages' scripts add to the page or read from it beyond TypeScript's DOM
// library: the worker start-worker.js starts from the page's head, and the Network Information
// API's saveData (not in every browser, so not in the library).
interface Window {
  calculatorWorker?: { worker: Worker; take(): Event[] } | null;
}
interface Navigator {
  connection?: { saveData?: boolean };
}
