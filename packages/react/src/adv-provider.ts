import React from 'react';
import type { EventName } from '@lit/react';
import { AdvProvider as AdvProviderElement, type AdvErrorEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-provider.js';
import { createAdvComponent } from './create-adv-component.js';

/**
 * `<adv-provider>`: gives the widgets inside it their SDK client. Pass
 * `getToken` (a function returning the employee's JWT) or a ready-made
 * `client`; both are set as properties, never as attributes, so no token
 * reaches the DOM.
 */
export const AdvProvider = createAdvComponent({
  react: React,
  tagName: 'adv-provider',
  elementClass: AdvProviderElement,
  displayName: 'AdvProvider',
  events: {
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
  },
});
