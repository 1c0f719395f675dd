import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AdvErrorEvent } from '@advocacy/widgets';

interface ProviderArgs {
  apiUrl: string;
  publishableKey: string;
  locale: string;
}

function showError(event: AdvErrorEvent): void {
  const output = (event.currentTarget as HTMLElement).querySelector('output');
  if (output) output.textContent = event.detail.error.message;
}

const meta: Meta<ProviderArgs> = {
  title: 'Widgets/Provider',
  component: 'adv-provider',
  args: { apiUrl: 'http://localhost:8787/', publishableKey: 'pk_demo', locale: 'en' },
  render: (args) => html`
    <adv-provider api-url=${args.apiUrl} publishable-key=${args.publishableKey} locale=${args.locale} @adv-error=${showError}>
      <p>Widgets placed here share this provider's connection to the API.</p>
      <output role="status"></output>
    </adv-provider>
  `,
};
export default meta;

export const Connected: StoryObj<ProviderArgs> = {};

/** A wrong attribute is reported with an `adv-error` event whose message says what was expected. */
export const MisconfiguredUrl: StoryObj<ProviderArgs> = {
  args: { apiUrl: 'javascript:alert(1)' },
};
