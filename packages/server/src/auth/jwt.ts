import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { isLoopbackHostname } from '../http/client-address.js';
import { HttpProblem } from '../http/problem.js';

export interface OrganisationJwtSettings {
  issuer: string;
  audience: string;
  jwksUrl: string | null;
  hs256Secret: string | null;
}

/** Clock skew accepted on `exp` and `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** Longer than any identity provider's token; anything bigger is refused before it is decoded. */
export const MAX_TOKEN_LENGTH = 8_192;
const MAX_CLAIM_LENGTH = 2_048;

/** A claim that can go into a query: Postgres text cannot hold NUL, and control characters are never legitimate here. */
const isPlainText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max && !/\p{Cc}/u.test(value);

/**
 * Where a key set may come from: https, or http on this machine only (an
 * identity provider beside the server, or a test). Keys fetched over plain
 * http from elsewhere could be swapped on the way.
 */
export function isAcceptableJwksUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHostname(url.hostname);
}

const unauthorized = (detail: string): HttpProblem =>
  new HttpProblem(401, 'invalid-token', { title: 'Unauthorized', detail, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });

/**
 * Verifies employee JWTs with jose. Algorithms are pinned: RS256/ES256
 * against the organisation's JWKS, or HS256 with its secret in demo mode only.
 */
export class JwtVerifier {
  readonly #jwks = new Map<string, JWTVerifyGetKey>();
  readonly #demoMode: boolean;
  readonly #now: () => Date;

  /** `now`: the server's clock, which `exp` and `nbf` are checked against (tests move it). */
  constructor(options: { demoMode: boolean; now?: () => Date }) {
    this.#demoMode = options.demoMode;
    this.#now = options.now ?? (() => new Date());
  }

  /** Issuer, audiences and subject claimed by a token, before any verification (to find its organisation). */
  static peek(token: string): { issuer: string; audiences: string[]; subject: string | undefined } | undefined {
    if (token.length > MAX_TOKEN_LENGTH) return undefined;
    try {
      const claims = decodeJwt(token);
      if (!isPlainText(claims.iss, MAX_CLAIM_LENGTH)) return undefined;
      const claimed: unknown[] = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
      const audiences = claimed.filter((audience) => isPlainText(audience, MAX_CLAIM_LENGTH));
      return { issuer: claims.iss, audiences, subject: isPlainText(claims.sub, MAX_CLAIM_LENGTH) ? claims.sub : undefined };
    } catch {
      return undefined;
    }
  }

  async verify(token: string, settings: OrganisationJwtSettings): Promise<JWTPayload & { sub: string }> {
    const options = {
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp'],
      currentDate: this.#now(),
    };
    try {
      let payload: JWTPayload;
      if (settings.jwksUrl) {
        if (!isAcceptableJwksUrl(settings.jwksUrl)) {
          throw unauthorized('This organisation’s key set URL must use https (http is accepted on this machine only).');
        }
        ({ payload } = await jwtVerify(token, this.#keySet(settings.jwksUrl), { ...options, algorithms: ['RS256', 'ES256'] }));
      } else if (settings.hs256Secret && this.#demoMode) {
        const secret = new TextEncoder().encode(settings.hs256Secret);
        ({ payload } = await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] }));
      } else {
        throw unauthorized('This organisation has no way to verify employee tokens.');
      }
      if (!isPlainText(payload.sub, 255)) {
        throw unauthorized('The token has no usable subject.');
      }
      return payload as JWTPayload & { sub: string };
    } catch (error) {
      throw toProblem(error, Boolean(settings.jwksUrl));
    }
  }

  #keySet(url: string): JWTVerifyGetKey {
    let keySet = this.#jwks.get(url);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(url), { timeoutDuration: 3_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
      this.#jwks.set(url, keySet);
    }
    return keySet;
  }
}

function toProblem(error: unknown, usedJwks: boolean): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const keysUnavailable =
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    // jose's plain JOSEError: the key set answered with something other than 200 OK.
    (error instanceof joseErrors.JOSEError && error.code === 'ERR_JOSE_GENERIC') ||
    // Anything jose did not raise itself comes from fetching the key set (refused, DNS, TLS).
    !(error instanceof joseErrors.JOSEError);
  if (usedJwks && keysUnavailable) {
    return new HttpProblem(503, 'identity-provider-unavailable', {
      detail: 'The identity provider’s keys could not be fetched. Try again shortly.',
      headers: { 'retry-after': '5' },
    });
  }
  if (error instanceof joseErrors.JWTExpired) return unauthorized('The token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return unauthorized(`The token’s "${error.claim}" claim is not accepted.`);
  if (error instanceof joseErrors.JWKSNoMatchingKey) return unauthorized('The token was signed with an unknown key.');
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return unauthorized('The token’s algorithm is not accepted.');
  return unauthorized('The token could not be verified.');
}
