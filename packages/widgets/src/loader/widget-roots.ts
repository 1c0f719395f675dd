/**
 * How a widget tells the loader about its shadow root, so that `adv-*` tags
 * rendered inside it are upgraded too: the loader puts a watcher under this
 * global symbol, and every widget hands it its render root once connected.
 * Without the loader (npm builds, the single-file bundle), nobody listens.
 */
export const WIDGET_ROOTS = Symbol.for('advocacy.widget-roots');

type RootWatcher = (root: ParentNode) => void;

export function watchWidgetRoot(root: ParentNode): void {
  (globalThis as { [WIDGET_ROOTS]?: RootWatcher })[WIDGET_ROOTS]?.(root);
}

export function setRootWatcher(watcher: RootWatcher): void {
  (globalThis as { [WIDGET_ROOTS]?: RootWatcher })[WIDGET_ROOTS] = watcher;
}
