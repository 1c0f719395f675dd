import { ContextProvider } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { AdvConfigError, createClient, type AdvClient, type TokenProvider } from '@advocacy/sdk';
import { AdvElement } from '../base/adv-element.js';
import { clientContext } from '../context.js';
import { AdvErrorEvent } from '../events.js';
import { styles } from './adv-provider.styles.js';

/**
 * Connects every widget inside it to the advocacy API.
 * @tagname adv-provider
 * @summary Gives descendant widgets their SDK client.
 * @slot - The widgets (and any other content) that use this connection.
 * @event adv-error - The attributes do not make a valid client (detail.error is an AdvConfigError).
 */
export class AdvProvider extends AdvElement {
  static override styles = [AdvElement.styles, styles];

  readonly #context = new ContextProvider(this, { context: clientContext });

  /** Root URL of the advocacy API. */
  @property({ attribute: 'api-url' }) apiUrl = '';

  /** `pk_…` key for public pages such as the career site. */
  @property({ attribute: 'publishable-key' }) publishableKey: string | undefined;

  /** Language of the widgets inside, unless they say otherwise (`lang` attributes win). */
  @property({ reflect: true }) locale: string | undefined;

  /** Returns the employee's JWT. A property only: tokens never go in the DOM. */
  @property({ attribute: false }) getToken: TokenProvider | undefined;

  /** A ready-made client; when set, the attributes above are not used. */
  @property({ attribute: false }) client: AdvClient | undefined;

  /** The client the widgets inside currently get. */
  get currentClient(): AdvClient | undefined {
    return this.#context.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['apiUrl', 'publishableKey', 'locale', 'getToken', 'client'].some((key) => changed.has(key as keyof AdvProvider))) {
      this.#context.setValue(this.#buildClient());
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #buildClient(): AdvClient | undefined {
    if (this.client) return this.client;
    if (!this.apiUrl) return undefined;
    try {
      return createClient({
        baseUrl: this.apiUrl,
        ...(this.publishableKey ? { publishableKey: this.publishableKey } : {}),
        ...(this.getToken ? { getToken: this.getToken } : {}),
        ...(this.locale ? { locale: this.locale } : {}),
      });
    } catch (error) {
      const typed = error instanceof AdvConfigError ? error : new AdvConfigError(String(error));
      this.emit(new AdvErrorEvent({ error: typed }));
      return undefined;
    }
  }
}
