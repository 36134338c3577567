// Installs the queued prefetch (./queued-prefetch.ts) as Docusaurus's `window.docusaurus.prefetch`.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import { type IdleScheduler, queuedPrefetch } from './queued-prefetch';

/** Docusaurus's `window.docusaurus`: the route prefetch and preload of its `<Link>`. */
interface DocusaurusGlobal {
  readonly prefetch: (routePath: string) => unknown;
  readonly preload: (routePath: string) => unknown;
}

/** `requestIdleCallback`, or, where the browser lacks it (Safari), a 5 ms slice after a timeout. */
const idleScheduler: IdleScheduler = (callback) => {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(callback);
    return;
  }
  setTimeout(() => {
    const end = performance.now() + 5;
    callback({ timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 1);
};

// Docusaurus assigns its frozen object to `window.docusaurus` once, after the
// client modules load; the setter takes it and publishes a copy whose
// prefetch queues. The preload of a hovered or touched link stays immediate.
if (ExecutionEnvironment.canUseDOM) {
  let docusaurus: DocusaurusGlobal | undefined;
  Object.defineProperty(window, 'docusaurus', {
    configurable: true,
    enumerable: true,
    get: () => docusaurus,
    set: (assigned: DocusaurusGlobal) => {
      docusaurus = Object.freeze({ ...assigned, prefetch: queuedPrefetch(assigned.prefetch, idleScheduler) });
    },
  });
}
