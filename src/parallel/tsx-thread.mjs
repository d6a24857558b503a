// A worker thread's entry when the program runs from its TypeScript sources (under tsx): registers
// tsx in this thread, then loads the module named in workerData.entry. Compiled runs (dist/) start
// their threads on the JavaScript module directly.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
