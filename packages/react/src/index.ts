// React components for the Advocacy Kit widgets, made with @lit/react's
// createComponent: every public property of the element is a typed prop (set
// as a property, so objects and functions such as `getToken` pass as they
// are), and every adv-* event is a typed `onAdv…` prop, silent once the
// component unmounts. Importing a component registers its tag; each lives in
// its own module so a bundler keeps only the widgets an app uses.
import type { ComponentProps } from 'react';
import { AdvLeaderboard } from './adv-leaderboard.js';
import { AdvMyImpact } from './adv-my-impact.js';
import { AdvProgramStats } from './adv-program-stats.js';
import { AdvProvider } from './adv-provider.js';
import { AdvShareCard } from './adv-share-card.js';
import { AdvShareFeed } from './adv-share-feed.js';
import { AdvTestimonialForm } from './adv-testimonial-form.js';
import { AdvTestimonials } from './adv-testimonials.js';

export { AdvProvider, AdvShareCard, AdvShareFeed, AdvLeaderboard, AdvTestimonials, AdvTestimonialForm, AdvMyImpact, AdvProgramStats };

export type AdvProviderProps = ComponentProps<typeof AdvProvider>;
export type AdvShareCardProps = ComponentProps<typeof AdvShareCard>;
export type AdvShareFeedProps = ComponentProps<typeof AdvShareFeed>;
export type AdvLeaderboardProps = ComponentProps<typeof AdvLeaderboard>;
export type AdvTestimonialsProps = ComponentProps<typeof AdvTestimonials>;
export type AdvTestimonialFormProps = ComponentProps<typeof AdvTestimonialForm>;
export type AdvMyImpactProps = ComponentProps<typeof AdvMyImpact>;
export type AdvProgramStatsProps = ComponentProps<typeof AdvProgramStats>;

// The event classes, so handlers can be typed without a second import.
export type { AdvLoadEvent, AdvErrorEvent, AdvShareEvent, AdvOptInEvent, AdvSubmitEvent, AdvWithdrawEvent } from '@advocacy/widgets';
