import React from 'react';
import type { EventName } from '@lit/react';
import { AdvShareCard as AdvShareCardElement, type AdvErrorEvent, type AdvLoadEvent, type AdvShareEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-share-card.js';
import { createAdvComponent } from './create-adv-component.js';

/** `<adv-share-card>`: one content to share, by `contentId` or as a `content` object. */
export const AdvShareCard = createAdvComponent({
  react: React,
  tagName: 'adv-share-card',
  elementClass: AdvShareCardElement,
  displayName: 'AdvShareCard',
  events: {
    onAdvLoad: 'adv-load' as EventName<AdvLoadEvent>,
    onAdvError: 'adv-error' as EventName<AdvErrorEvent>,
    onAdvShare: 'adv-share' as EventName<AdvShareEvent>,
  },
});
