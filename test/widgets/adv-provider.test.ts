import { ContextConsumer } from '@lit/context';
import { LitElement, html } from 'lit';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { AdvConfigError, createClient, type AdvClient } from '@advocacy/sdk';
import { clientContext, configure, type AdvProvider } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-provider.js';

/** Stands in for a widget: records the client it is given. */
class ClientProbe extends LitElement {
  client: AdvClient | undefined;
  readonly consumer = new ContextConsumer(this, {
    context: clientContext,
    subscribe: true,
    callback: (client) => {
      this.client = client;
    },
  });
}
customElements.define('test-client-probe', ClientProbe);

describe('<adv-provider>', () => {
  it('gives descendants a client built from its attributes, and a new one when they change', async () => {
    const provider = await fixture<AdvProvider>(html`
      <adv-provider api-url="https://api.example.com/" publishable-key="pk_test_123" locale="fr">
        <test-client-probe></test-client-probe>
      </adv-provider>
    `);
    const probe = provider.querySelector<ClientProbe>('test-client-probe')!;
    expect(probe.client?.options.baseUrl.href).to.equal('https://api.example.com/');
    expect(probe.client?.options.publishableKey).to.equal('pk_test_123');
    expect(probe.client?.options.locale).to.equal('fr');

    provider.setAttribute('api-url', 'https://other.example.com/v2');
    await provider.updateComplete;
    expect(probe.client?.options.baseUrl.href).to.equal('https://other.example.com/v2/');
  });

  it('passes getToken as a property only: the token never reaches the DOM', async () => {
    const getToken = () => 'eyJ.secret.token';
    const provider = await fixture<AdvProvider>(html`
      <adv-provider api-url="https://api.example.com/" .getToken=${getToken}><test-client-probe></test-client-probe></adv-provider>
    `);
    const probe = provider.querySelector<ClientProbe>('test-client-probe')!;
    expect(await probe.client?.options.getToken?.()).to.equal('eyJ.secret.token');
    expect(provider.outerHTML).not.to.contain('eyJ');
    expect(provider.getAttributeNames()).to.deep.equal(['api-url']);
  });

  it('emits adv-error with an AdvConfigError and provides no client when the attributes are wrong', async () => {
    const provider = document.createElement('adv-provider');
    provider.setAttribute('api-url', 'javascript:alert(1)');
    const errored = oneEvent(provider, 'adv-error');
    provider.append(document.createElement('test-client-probe'));
    document.body.append(provider);
    const event = await errored;
    expect(event.detail.error).to.be.instanceOf(AdvConfigError);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(provider.querySelector<ClientProbe>('test-client-probe')!.client).to.equal(undefined);
    provider.remove();
  });

  it('uses a ready-made .client instead of its attributes', async () => {
    const client = createClient({ baseUrl: 'https://injected.example/' });
    const provider = await fixture<AdvProvider>(html`
      <adv-provider api-url="https://ignored.example/" .client=${client}><test-client-probe></test-client-probe></adv-provider>
    `);
    expect(provider.querySelector<ClientProbe>('test-client-probe')!.client).to.equal(client);
  });

  it('is invisible to layout and to assistive technology', async () => {
    const provider = await fixture<AdvProvider>(html`
      <adv-provider api-url="https://api.example.com/"><p>Inside</p></adv-provider>
    `);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });
});

describe('configure()', () => {
  it('reaches widgets that were on the page before it was called, and follows a second call', async () => {
    const probe = await fixture<ClientProbe>(html`<test-client-probe></test-client-probe>`);
    expect(probe.client).to.equal(undefined);

    const first = configure({ apiUrl: 'https://root.example/' });
    expect(probe.client).to.equal(first);
    const second = configure({ apiUrl: 'https://root2.example/', locale: 'fr-CA' });
    expect(probe.client).to.equal(second);
  });

  it('yields to a nearer <adv-provider>', async () => {
    configure({ apiUrl: 'https://root.example/' });
    const provider = await fixture<AdvProvider>(html`
      <adv-provider api-url="https://near.example/"><test-client-probe></test-client-probe></adv-provider>
    `);
    expect(provider.querySelector<ClientProbe>('test-client-probe')!.client?.options.baseUrl.host).to.equal('near.example');
  });

  it('throws AdvConfigError on a wrong option', () => {
    expect(() => configure({ apiUrl: 'not a url' })).to.throw(AdvConfigError, /expected baseUrl/);
  });
});
