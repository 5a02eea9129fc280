// Types for checking service-worker.js (tsconfig.service-worker.json): the line the build puts
// in front of it (build_tools/runtime/bundle.py), and what it uses of its global scope.
// TypeScript's webworker library types `self` as any worker's global scope; here it is a
// service worker's, whose events and members are these.
declare const PRECACHE: {
  cache: string;
  snapshots: string;
  runtime: string[];
  shell: Record<string, string[]>;
};

interface WorkerGlobalScope {
  readonly clients: Clients;
  readonly registration: ServiceWorkerRegistration;
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}
