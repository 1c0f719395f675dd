// A stand-in widget chunk: defines <adv-gamma> and records that it ran.
(globalThis.loadedChunks ??= []).push('adv-gamma');
customElements.define('adv-gamma', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).textContent = 'gamma';
  }
});
