import React from 'react';
import type { EventName } from '@lit/react';
import { AdvShareFeed as AdvShareFeedElement, type AdvErrorEvent, type AdvLoadEvent, type AdvShareEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-share-feed.js';
import { createAdvComponent } from './create-adv-component.js';

/** `<adv-share-feed>`: published content as share cards; `onAdvShare` hears every card's shares. */
export const AdvShareFeed = createAdvComponent({
  react: React,
  tagName: 'adv-share-feed',
  elementClass: AdvShareFeedElement,
  displayName: 'AdvShareFeed',
  events: {
    onAdvLoad: 'adv-load' as EventName<AdvLoadEvent>,
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
    onAdvShare: 'adv-share' as EventName<AdvShareEvent>,
  },
});
