// The CDN entry: one <script type="module"> registers every widget.
import './define/adv-provider.js';

export * from './index.js';
