import { createHash } from 'node:crypto';
import type { Network } from '@advocacy/sdk/contract';
import { DEMO_CONTENT, seededRandom, type DemoEmployee } from './demo-data.js';

const DAY_MS = 86_400_000;
const SECOND_MS = 1_000;
/** A share's readers arrive over this many days after it. */
export const CLICK_SPAN_DAYS = 4;
/** The first employee (the one the demo intranet opens as) shares every this-many days. */
const FEATURED_EVERY_DAYS = 3;

/** Networks demo employees share to, weighted the way real programmes look (LinkedIn first). */
const SHARE_NETWORKS: readonly Network[] = ['linkedin', 'linkedin', 'linkedin', 'linkedin', 'x', 'x', 'bluesky', 'facebook', 'whatsapp', 'email'];

export type PlannedClickReason = 'repeat' | 'preview' | 'bot';

export interface PlannedClick {
  at: Date;
  /** Null: a reader, credited. */
  reason: PlannedClickReason | null;
  /** Stands for the visitor's fingerprint; a repeat has the one of the visit before it. */
  visitorHash: string;
}

export interface PlannedShare {
  /** The same on every machine for the same day, so readers planned for later days find their share. */
  id: string;
  employeeIndex: number;
  /** Preferred content and network; the seeder moves to the next free pair when the employee already shared this one. */
  contentIndex: number;
  network: Network;
  at: Date;
  clicks: PlannedClick[];
}

/** A uuid (v4 layout) derived from a name: stable across machines and runs. */
function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const visitor = (shareId: string, index: number): string => createHash('sha256').update(`${shareId}|visitor|${index}`).digest('hex');

const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/**
 * The demo's activity for one UTC day (`YYYY-MM-DD`), the same on every
 * machine: a few shares, each with readers, previews, bots and repeats
 * over the next four days. Every day opens, in its first two minutes,
 * with a share by an opted-in employee and its first readers, and with
 * readers for the featured employee's latest share, so a week, month or
 * quarter that began minutes ago already shows shares, readers and a
 * leaderboard.
 */
export function planDemoDay(day: string, people: readonly DemoEmployee[], seed: number): PlannedShare[] {
  const n = dayNumber(day);
  const random = seededRandom((seed + Math.imul(n, 0x9e3779b1)) >>> 0);
  const midnight = n * DAY_MS;
  const optedIn = people.map((person, index) => ({ person, index })).filter(({ person }) => person.optedIn);
  const shares: PlannedShare[] = [];
  const planShare = (employeeIndex: number, contentIndex: number, network: Network, at: number): PlannedShare => {
    const share: PlannedShare = { id: stableUuid(`demo-share|${day}|${shares.length}`), employeeIndex, contentIndex, network, at: new Date(at), clicks: [] };
    shares.push(share);
    return share;
  };
  const addClick = (share: PlannedShare, at: number, reason: PlannedClickReason | null): void => {
    const previous = share.clicks.at(-1);
    const visitorHash = reason === 'repeat' && previous ? previous.visitorHash : visitor(share.id, share.clicks.length);
    share.clicks.push({ at: new Date(at), reason: reason === 'repeat' && !previous ? null : reason, visitorHash });
  };
  const addReaders = (share: PlannedShare): void => {
    const count = Math.floor(random() * random() * 40);
    for (let c = 0; c < count; c++) {
      const roll = random();
      addClick(share, share.at.getTime() + SECOND_MS + Math.floor(random() * CLICK_SPAN_DAYS * DAY_MS), roll < 0.72 ? null : roll < 0.82 ? 'repeat' : roll < 0.95 ? 'preview' : 'bot');
    }
    share.clicks.sort((a, b) => a.at.getTime() - b.at.getTime());
  };

  // The opening share: an opted-in employee (round robin), on LinkedIn, with four readers within two minutes.
  const opener = optedIn[((n % optedIn.length) + optedIn.length) % optedIn.length]!;
  const opening = planShare(opener.index, Math.floor(random() * DEMO_CONTENT.length), 'linkedin', midnight + 20 * SECOND_MS);
  for (const afterSeconds of [15, 40, 70, 110]) addClick(opening, opening.at.getTime() + afterSeconds * SECOND_MS, null);
  addReaders(opening);

  // The featured employee (the first one) shares every third day; each share brings readers in the
  // first minutes of each day after it, until the next one.
  if (n % FEATURED_EVERY_DAYS === 0) {
    const featured = planShare(0, Math.floor(random() * DEMO_CONTENT.length), SHARE_NETWORKS[Math.floor(random() * SHARE_NETWORKS.length)]!, midnight + Math.floor(random() * DAY_MS));
    for (let later = 1; later <= FEATURED_EVERY_DAYS; later++) {
      addClick(featured, midnight + later * DAY_MS + 45 * SECOND_MS, null);
      addClick(featured, midnight + later * DAY_MS + 100 * SECOND_MS, null);
    }
    addReaders(featured);
  }

  // The rest of the day: opted-in employees share three times as often as the others.
  const more = 2 + Math.floor(random() * 6);
  for (let s = 0; s < more; s++) {
    let employeeIndex = 1 + Math.floor(random() * (people.length - 1));
    if (!people[employeeIndex]!.optedIn && random() < 0.67) employeeIndex = optedIn[Math.floor(random() * optedIn.length)]!.index || 1;
    const share = planShare(
      employeeIndex,
      Math.floor(random() * DEMO_CONTENT.length),
      SHARE_NETWORKS[Math.floor(random() * SHARE_NETWORKS.length)]!,
      midnight + 3 * 60 * SECOND_MS + Math.floor(random() * (DAY_MS - 3 * 60 * SECOND_MS)),
    );
    addReaders(share);
  }
  return shares;
}

/** Every UTC day (`YYYY-MM-DD`) from the one containing `from` to the one containing `to`, inclusive. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let n = Math.floor(from.getTime() / DAY_MS); n <= Math.floor(to.getTime() / DAY_MS); n++) days.push(new Date(n * DAY_MS).toISOString().slice(0, 10));
  return days;
}
