import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AdvProvider as AdvProviderElement, type AdvErrorEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-provider.js';

/**
 * `<adv-provider>`: gives the widgets inside it their SDK client. Pass
 * `getToken` (a function returning the employee's JWT) or a ready-made
 * `client`; both are set as properties, never as attributes, so no token
 * reaches the DOM.
 */
export const AdvProvider = createComponent({
  react: React,
  tagName: 'adv-provider',
  elementClass: AdvProviderElement,
  displayName: 'AdvProvider',
  events: {
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
  },
});
