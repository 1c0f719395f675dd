// A stand-in widget chunk: defines <adv-beta> and records that it ran.
(globalThis.loadedChunks ??= []).push('adv-beta');
customElements.define('adv-beta', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).textContent = 'beta';
  }
});
