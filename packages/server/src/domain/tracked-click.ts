import { UNCREDITED_REASONS, type UncreditedReason } from './click-classification.js';

/**
 * A request to a tracked link, as the redirect saw it. The IP stays raw only
 * until the recorder hashes it: in memory and in the instance's click journal
 * (docs/clicks-durability.md), never in the database.
 */
export interface ClickToRecord {
  shareId: string;
  organisationId: string;
  employeeId: string;
  contentId: string;
  network: string;
  at: Date;
  ip: string;
  userAgent: string;
  /** Set when the request alone shows it cannot be credited (a robot, a link preview, HEAD). */
  reason: UncreditedReason | undefined;
}

/** A click with the id the redirect gave it: `(id, at)` is unique in `clicks`. */
export interface JournaledClick extends ClickToRecord {
  id: string;
}

const REASONS: ReadonlySet<string> = new Set<UncreditedReason>(UNCREDITED_REASONS);

/** One journal line (without its newline). */
export function encodeClick(click: JournaledClick): string {
  return JSON.stringify({
    id: click.id,
    at: click.at.getTime(),
    share: click.shareId,
    org: click.organisationId,
    employee: click.employeeId,
    content: click.contentId,
    network: click.network,
    ip: click.ip,
    ua: click.userAgent,
    reason: click.reason ?? null,
  });
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** The click of a journal line, or undefined when the line is torn or not one of ours. */
export function decodeClick(line: string): JournaledClick | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { id, at, share, org, employee, content, network, ip, ua, reason } = parsed as Record<string, unknown>;
  if (![id, share, org, employee, content, network, ip, ua].every(isString) || typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  if (reason !== null && !(isString(reason) && REASONS.has(reason))) return undefined;
  return {
    id: id as string,
    at: new Date(at),
    shareId: share as string,
    organisationId: org as string,
    employeeId: employee as string,
    contentId: content as string,
    network: network as string,
    ip: ip as string,
    userAgent: ua as string,
    reason: (reason ?? undefined) as UncreditedReason | undefined,
  };
}
