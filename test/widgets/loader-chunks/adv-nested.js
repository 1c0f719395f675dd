// A stand-in widget chunk built on the kit's base: it renders <adv-gamma> in its own shadow root.
import { html } from 'lit';
import { AdvElement } from '../../../packages/widgets/src/base/adv-element.ts';
(globalThis.loadedChunks ??= []).push('adv-nested');
customElements.define('adv-nested', class extends AdvElement {
  render() {
    return html`<adv-gamma></adv-gamma>`;
  }
});
