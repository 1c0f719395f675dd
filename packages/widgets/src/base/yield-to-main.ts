/** `scheduler.yield()` where the engine has it (Chromium 129, Firefox 142; not Safari). */
declare const scheduler: { yield(): Promise<void> };

/**
 * Ends the current task and resolves in a later one, so the browser can
 * paint and handle input in between: `scheduler.yield()` where present (its
 * continuation runs ahead of other queued tasks), else a `setTimeout(0)` task.
 */
export function yieldToMain(): Promise<void> {
  if ('scheduler' in globalThis && 'yield' in scheduler) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
