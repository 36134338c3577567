/** The part of an idle period's deadline the queue reads. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** Runs a callback in the browser's next idle period. */
export type IdleScheduler = (callback: (deadline: IdleDeadlineLike) => void) => void;

/**
 * A prefetch that queues each route and prefetches the queue in idle time,
 * a route at a time while the idle period lasts.
 *
 * Docusaurus's `<Link>` prefetches the chunks of every internal link that
 * scrolls into view, each link from its own IntersectionObserver, and the
 * browser delivers all their callbacks in one task: on an API page, with
 * its long sidebar, that task took 146 ms of a phone's CPU (4× slowdown),
 * right after hydration, in which a tap waits. Queued, the same prefetches
 * run in slices of the idle periods.
 *
 * @param prefetch - Docusaurus's prefetch of one route
 * @param schedule - when to drain the queue: `requestIdleCallback`, or a timeout where the browser has none
 * @returns the queuing prefetch, which returns `true` (`<Link>` ignores the result)
 */
export function queuedPrefetch(prefetch: (routePath: string) => unknown, schedule: IdleScheduler): (routePath: string) => true {
  const queue: string[] = [];
  let scheduled = false;
  const drain = (deadline: IdleDeadlineLike): void => {
    scheduled = false;
    while (queue.length > 0 && deadline.timeRemaining() > 0) prefetch(queue.shift()!);
    if (queue.length > 0) scheduleDrain();
  };
  const scheduleDrain = (): void => {
    if (scheduled) return;
    scheduled = true;
    schedule(drain);
  };
  return (routePath) => {
    queue.push(routePath);
    scheduleDrain();
    return true;
  };
}
