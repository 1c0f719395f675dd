import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { AdvElement, AdvErrorEvent, AdvLoadEvent, defineElement } from '@advocacy/widgets';

class TestEmitter extends AdvElement {
  fire(): void {
    this.emit(new AdvLoadEvent({ empty: false }));
  }
  override render() {
    return html`<div part="base">hello</div>`;
  }
}

describe('AdvElement and defineElement()', () => {
  it('emits adv-* events that bubble out of shadow roots to the document', async () => {
    defineElement('test-emitter', TestEmitter);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const emitter = document.createElement('test-emitter') as TestEmitter;
    shadow.append(emitter);
    let received: AdvLoadEvent | undefined;
    const listener = (event: AdvLoadEvent) => (received = event);
    document.addEventListener('adv-load', listener);
    emitter.fire();
    document.removeEventListener('adv-load', listener);
    expect(received).to.be.instanceOf(AdvLoadEvent);
    expect(received?.detail.empty).to.equal(false);
  });

  it('AdvErrorEvent carries the error in detail', () => {
    const error = new Error('x');
    expect(new AdvErrorEvent({ error }).detail.error).to.equal(error);
  });

  it('ignores a second definition of a tag instead of throwing (two copies of the kit)', () => {
    class First extends AdvElement {}
    class Copy extends AdvElement {}
    defineElement('test-defined-twice', First);
    expect(() => defineElement('test-defined-twice', Copy)).not.to.throw();
    expect(customElements.get('test-defined-twice')).to.equal(First);
  });

  it('warns when the copy that lost is another version', () => {
    class OtherVersion extends AdvElement {
      static override readonly advVersion = '99.0.0';
    }
    class Current extends AdvElement {}
    defineElement('test-version-clash', Current);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('test-version-clash', OtherVersion);
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0])).to.contain('99.0.0');
  });

  it('gives widgets legible host styles with no theme loaded', async () => {
    class Styled extends AdvElement {}
    defineElement('test-styled', Styled);
    const el = await fixture<Styled>(html`<test-styled></test-styled>`);
    expect(getComputedStyle(el).display).to.equal('block');
    el.hidden = true;
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
