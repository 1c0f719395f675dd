import React from 'react';
import type { EventName } from '@lit/react';
import { AdvProgramStats as AdvProgramStatsElement, type AdvErrorEvent, type AdvLoadEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-program-stats.js';
import { createAdvComponent } from './create-adv-component.js';

/** `<adv-program-stats>`: the programme's figures; `public` reads the public totals with a publishable key. */
export const AdvProgramStats = createAdvComponent({
  react: React,
  tagName: 'adv-program-stats',
  elementClass: AdvProgramStatsElement,
  displayName: 'AdvProgramStats',
  events: {
    onAdvLoad: 'adv-load' as EventName<AdvLoadEvent>,
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
  },
});
