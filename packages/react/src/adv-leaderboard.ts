import React from 'react';
import type { EventName } from '@lit/react';
import { AdvLeaderboard as AdvLeaderboardElement, type AdvErrorEvent, type AdvLoadEvent, type AdvOptInEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { createAdvComponent } from './create-adv-component.js';

/** `<adv-leaderboard>`: opted-in ambassadors by points; `onAdvOptIn` when the caller joins or leaves. */
export const AdvLeaderboard = createAdvComponent({
  react: React,
  tagName: 'adv-leaderboard',
  elementClass: AdvLeaderboardElement,
  displayName: 'AdvLeaderboard',
  events: {
    onAdvLoad: 'adv-load' as EventName<AdvLoadEvent>,
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
    onAdvOptIn: 'adv-opt-in' as EventName<AdvOptInEvent>,
  },
});
