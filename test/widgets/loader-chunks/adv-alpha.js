// A stand-in widget chunk: defines <adv-alpha> and records that it ran.
(globalThis.loadedChunks ??= []).push('adv-alpha');
customElements.define('adv-alpha', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).textContent = 'alpha';
  }
});
