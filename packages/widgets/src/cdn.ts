// The CDN entry: one <script type="module"> registers every widget.
import './define/adv-provider.js';
import './define/adv-share-card.js';
import './define/adv-share-feed.js';
import './define/adv-leaderboard.js';
import './define/adv-testimonials.js';
import './define/adv-testimonial-form.js';
import './define/adv-my-impact.js';
import './define/adv-program-stats.js';

export * from './index.js';
// The client the widgets use, for pages that call the API themselves (already in this bundle: no extra bytes).
export { createClient, AdvError, AdvHttpError, AdvNetworkError } from '@advocacy/sdk';
