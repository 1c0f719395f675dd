import React from 'react';
import type { EventName } from '@lit/react';
import { AdvMyImpact as AdvMyImpactElement, type AdvErrorEvent, type AdvLoadEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-my-impact.js';
import { createAdvComponent } from './create-adv-component.js';

/** `<adv-my-impact>`: the caller's readers, shares, points, rank and reach. */
export const AdvMyImpact = createAdvComponent({
  react: React,
  tagName: 'adv-my-impact',
  elementClass: AdvMyImpactElement,
  displayName: 'AdvMyImpact',
  events: {
    onAdvLoad: 'adv-load' as EventName<AdvLoadEvent>,
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
  },
});
