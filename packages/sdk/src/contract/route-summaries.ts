// What each route does, for the OpenAPI document only: kept apart from the route
// table so the browser bundles, which never print it, do not carry it.
import type { RouteName } from './routes.js';

export const routeSummaries = {
  listContent:
    'The share feed: live content (published, inside its window), newest first, by locale, tag, campaign and title words (`q`). Admins add `?status=` (draft, scheduled, live, expired, archived, published for all three published states, or all) to see the library whatever the window; each item carries its derived `state`.',
  getContent:
    'One piece of content: employees get it while it is shareable (404 otherwise); admins whatever its status.',
  createContent:
    'Adds content to share. The destination must be https on one of the organisation’s allowed domains.',
  updateContent:
    'Changes content; only the fields sent change, and links already shared keep working. Suggested texts merge per network and per locale: a locale or a network sent as `null` is removed, the others stay.',
  archiveContent:
    'Takes content out of the share feed (audit-logged); links already shared keep working. Archiving archived content changes nothing.',
  restoreContent:
    'Brings archived content back as it was before archiving, draft or published (audit-logged). Restoring content that is not archived changes nothing.',
  duplicateContent:
    'A new draft copy of the content, titled "… (copy)", with the same texts, tags, campaign and window (audit-logged).',
  getDemo:
    'Demo mode, loopback clients only: the demo publishable key and the demo employees.',
  createDemoToken:
    'Demo mode, loopback clients only: a valid employee JWT for a demo employee (admins get the admin role).',
  sendEvents:
    'Up to 100 impression events from widgets; an id already received is ignored. Also accepts a text/plain body with the publishable key in `?key=` (navigator.sendBeacon cannot send headers).',
  getLeaderboard:
    'Opted-in employees ranked by points for a period, optionally within a team, with the caller’s own rank.',
  getMe:
    'The calling employee’s profile and settings.',
  updateMe:
    'Changes the caller’s display name, avatar, leaderboard opt-in or declared audience. Unknown fields are refused.',
  followTrackedLink:
    'A tracked link: 302 to the content with UTM parameters (an HTML 404 page for an unknown code). Every request is recorded; only a person’s first visit of the day, not the sharer’s own, is credited.',
  health:
    'Liveness: 200 while the process answers; `degraded` when its database does not answer or cannot write (full or read-only disk).',
  readiness:
    'Readiness, for a load balancer: 200 when the database and the click journal take a write and the click backlog is under its bound, 503 otherwise.',
  openapi:
    'This document: the OpenAPI 3.1 description of the API, generated from the contract.',
  createShare:
    'The caller’s tracked link for a content and network (201 the first time, 200 with the same link after), with the intent URL prefilled with the suggested text in the asked locale and the organisation’s disclosure. Content that is not shareable now (draft, archived, scheduled, expired) is a 404.',
  listMyShares:
    'The caller’s own shares, newest first (`intentUrl` is null here: ask createShare again for one).',
  getStats:
    'Programme figures for a period: shares, readers, uncredited visits, ambassadors, estimated reach, impressions, by network and by day. Employees and admins (secret keys included); a publishable key gets a 403 and reads getPublicStats.',
  getPublicStats:
    'Programme totals a career site may show: shares, readers, ambassadors, estimated reach. Cacheable for 5 minutes.',
  listTestimonials:
    'Approved testimonials for the career site, newest approval first, filtered by team, location, locale (`fr` also matches `fr-CA`) and tag. Sent with `Cache-Control: no-store`, so a withdrawal shows on the very next read.',
  getConsent:
    'The consent text authors must accept, with its version, in a locale (falling back to its language, then English, then any).',
  submitTestimonial:
    'Submits the caller’s testimonial for moderation, recording their consent (who, version, when). A consent version other than the current one is a 409: show the current text again.',
  listMyTestimonials:
    'The caller’s own testimonials (newest 100), whatever their status, with any rejection reason.',
  withdrawTestimonial:
    'The author withdraws their testimonial: gone from every public listing at once. Repeating it changes nothing.',
  listModerationQueue:
    'Testimonials by status for moderation (pending by default; withdrawn ones too), oldest first, each with its author (id and current display name) and the consent version and time.',
  approveTestimonials:
    'Approves up to 100 testimonials in one transaction (each approval audit-logged), answering per id: approved, unchanged (already approved), withdrawn (never approved) or not-found.',
  approveTestimonial:
    'Publishes a pending (or previously rejected) testimonial, audit-logged. Approving an approved one changes nothing; a withdrawn one is a 409.',
  rejectTestimonial:
    'Rejects a pending testimonial, or takes down an approved one, with a reason the author sees (audit-logged). Rejecting a rejected one changes nothing; a withdrawn one is a 409.',
  getTestimonialAudit:
    'Who did what to a testimonial, and when: people by display name, secret keys as `API key <prefix>…`.',
  getSettings:
    'The programme settings: points per share and per credited click, the disclosure text per locale, the domains content may link to.',
  updateSettings:
    'Changes the programme settings (audit-logged). Only the fields sent change; disclosure texts merge per locale (`null` removes one); `allowedDomains` replaces the list. Points already earned stay as they are.',
  listOrigins:
    'The origins of the intranet pages whose employee tokens the API accepts from a browser.',
  addOrigin:
    'Allows employee tokens from one more origin (`https://intranet.acme.example`: http or https, no path, no wildcard), audit-logged. 201 when added, 200 when it was already there.',
  removeOrigin:
    'Stops accepting employee tokens from an origin (percent-encoded in the path), audit-logged. An origin not in the list is a 404.',
  listKeys:
    'The organisation’s API keys, revoked ones included: prefix, kind, name, scopes, origins, dates. Never a key or its hash.',
  createKey:
    'Creates a publishable key bound to its origins, or a secret key with its scopes (audit-logged). The answer carries the key once; only its hash is stored, so a replay of the same Idempotency-Key answers `key: null`.',
  revokeKey:
    'Revokes a key at once (audit-logged); revoking a revoked key changes nothing. Revoking the very key making the call needs `?confirm=self`.',
  getIdentity:
    'How employee tokens are verified: issuer, audience, key set URL and the role that makes an admin.',
  updateIdentity:
    'Sets how employee tokens are verified (audit-logged). The key set URL must be https (http only on the API’s own machine); an issuer and audience another organisation uses are a 409.',
  testIdentity:
    'Checks a pasted employee token as the API would (signature from the key set, algorithm, issuer, audience, expiry, subject), against the identity settings sent (those being edited) or the saved ones, and says why it is refused or which claims it gives, including whether its roles make an admin. Nothing is written.',
  listAuditLog:
    'Who changed what in the organisation, newest first (keyset pages): settings, origins, keys, identity, content, moderation, people. People are named, never given as ids.',
  listTrustFlags:
    'Figures to review: shares that stopped crediting in a burst, jumps in a declared audience. Open flags first, newest first; `?status=open` or `reviewed` for one kind only.',
  reviewTrustFlag:
    'Marks a flag reviewed (audit-logged); for a burst, the share credits again. Reviewing a reviewed flag changes nothing.',
  getAdminStats:
    'The programme dashboard for any range of UTC days (`from`..`to`, inclusive, at most 366) beside the previous range of the same length: active ambassadors, participation, shares, credited readers, uncredited visits by reason, estimated reach, an earned-media estimate, and rows by day, network, team (teams of 5 or more; smaller ones together), campaign or content. `Accept: text/csv` gives the rows as an RFC 4180 file. Definitions: docs/programme-figures.md.',
  listPeople:
    'Employees as the identity provider introduced them (on their first sign-in), newest first: team, opted in or not, last active, status, and their shares and credited readers in a range of days (`from`/`to`, the last 30 days by default). Search by name (`q`), filter by team, status and opt-in.',
  deactivatePerson:
    'Deactivates a leaver (audit-logged): gone from every leaderboard at once and their tokens refused (403 `employee-deactivated`); their testimonials stay under their consent until withdrawn. Repeating it changes nothing.',
  reactivatePerson:
    'Reactivates a deactivated person (audit-logged): back on the leaderboards if they opted in, their tokens accepted again. An erased person cannot be reactivated (409).',
  exportPerson:
    'Everything held about one person (GDPR Art. 15) as one JSON attachment: profile, shares, points, the visits of their links in aggregate, testimonials with their consent records, audit entries about them (the export itself is audit-logged).',
  erasePerson:
    'Erases one person’s personal data (GDPR Art. 17) once `confirm` repeats their display name or id: name, email, avatar, declared audience, testimonials’ text and photo, and the identity link (a new sign-in is a new person). Programme figures are kept; the erasure is recorded without naming whom. Repeating it changes nothing.',
} as const satisfies Record<RouteName, string>;
