import { ContextProvider } from '@lit/context';
import { createClient, type AdvClient, type TokenProvider } from '@advocacy/sdk';
import { ensureContextRoot } from './base/context-root.js';
import { clientContext } from './context.js';

export interface ConfigureOptions {
  /** Root URL of the advocacy API. */
  apiUrl: string;
  /** `pk_…` key for public pages such as the career site. */
  publishableKey?: string;
  /** Returns the employee's JWT. */
  getToken?: TokenProvider;
  /** Default language of the widgets (a page `lang` or a widget `locale` wins). */
  locale?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

type RootProvider = ContextProvider<typeof clientContext>;
const ROOT_PROVIDER = Symbol.for('advocacy-kit/root-provider');

/**
 * Connects every widget on the page to the API, for pages without an
 * `<adv-provider>`. Call it again to change the settings; widgets follow.
 * Throws `AdvConfigError` when an option is wrong.
 */
export function configure(options: ConfigureOptions): AdvClient {
  const client = createClient({
    baseUrl: options.apiUrl,
    ...(options.publishableKey === undefined ? {} : { publishableKey: options.publishableKey }),
    ...(options.getToken === undefined ? {} : { getToken: options.getToken }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  ensureContextRoot();
  const root = document.documentElement;
  const holder = document as Document & { [ROOT_PROVIDER]?: RootProvider };
  const provider = (holder[ROOT_PROVIDER] ??= new ContextProvider(root, { context: clientContext }));
  provider.setValue(client);
  // Lets the context root hand the client to widgets that asked before this call.
  // (@lit/context does not export its ContextProviderEvent class; this is the same event.)
  root.dispatchEvent(
    Object.assign(new Event('context-provider', { bubbles: true, composed: true }), {
      context: clientContext,
      contextTarget: root,
    }),
  );
  return client;
}
