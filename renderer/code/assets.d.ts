// Vite's `?worker` imports: a constructor for the bundled module worker.
declare module "*?worker" {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
