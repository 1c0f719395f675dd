// The CDN entry `advocacy.js` in the code-split build: a small loader. It finds the `adv-*` tags on
// the page (now and later, in the document and in the widgets' shadow roots) and imports each tag's
// chunk on first use; the chunks share one core (Lit, the SDK client, the widgets' base). Pages that
// pin chunks with the import map the build prints keep an integrity check on every chunk.
import type * as CoreApi from '../cdn-core.js';
import { chunkErrorElement } from './chunk-error.js';
import { chunks } from './chunk-manifest.js';
import { setRootWatcher } from './widget-roots.js';

const chunkUrl = (file: string): string => new URL(file, import.meta.url).href;
const TAGS = Object.keys(chunks.widgets);
const SELECTOR = TAGS.join(',');
const requested = new Set<string>();

const serverRendered = [...document.querySelectorAll(SELECTOR)].some((element) => element.shadowRoot !== null);
// Hydration support must run before Lit defines any element: before the core and every widget chunk.
const hydrated: Promise<unknown> = serverRendered ? import(chunkUrl(chunks.hydrate)) : Promise.resolve();

function refuse(tag: string, error: unknown): void {
  const cause = error instanceof Error ? error : new Error(String(error));
  if (!customElements.get(tag)) customElements.define(tag, chunkErrorElement(cause));
  console.error(`<${tag}> could not be loaded: ${cause.message}`);
}

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  hydrated.then(() => import(chunkUrl(chunks.widgets[tag]!))).catch((error: unknown) => refuse(tag, error));
}

function upgrade(root: ParentNode): void {
  if (root instanceof Element && TAGS.includes(root.localName)) load(root.localName);
  for (const element of root.querySelectorAll(SELECTOR)) load(element.localName);
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) upgrade(node);
});
function watch(root: ParentNode): void {
  upgrade(root);
  observer.observe(root, { childList: true, subtree: true });
}

setRootWatcher(watch);
watch(document);

const core: typeof CoreApi = await hydrated.then(() => import(chunkUrl(chunks.core))).catch((error: unknown) => {
  for (const tag of TAGS) refuse(tag, error);
  throw error;
});

export const {
  AdvElement, defineElement, AdvDataElement, ResourceController, safeUrl, LocalizeController, translate, registerTranslation, loadTranslation, clientContext, configure,
  AdvLoadEvent, AdvErrorEvent, AdvShareEvent, AdvOptInEvent, AdvSubmitEvent, AdvWithdrawEvent, WIDGETS_VERSION,
  createClient, AdvError, AdvHttpError, AdvNetworkError,
} = core;
