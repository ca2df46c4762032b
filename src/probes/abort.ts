// A child AbortController that follows its parent, and lets go of the parent's
// listener when disposed: thousands of retry attempts must not pile listeners
// on the one wait-wide signal (Node warns past 10, and they leak).
export function linkAbort(parent: AbortSignal): { signal: AbortSignal; abort(): void; dispose(): void } {
  const controller = new AbortController();
  const follow = () => controller.abort(parent.reason);
  if (parent.aborted) follow();
  else parent.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    dispose: () => parent.removeEventListener('abort', follow),
  };
}
