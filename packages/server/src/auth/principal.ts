import type { KeyScope } from '@advocacy/sdk/contract';

/** Who is calling, once their credential has been checked. Every query is scoped by its organisation. */
export type Principal = PublishableKeyPrincipal | SecretKeyPrincipal | EmployeePrincipal;

/** A public page (career site) with a `pk_…` key, from one of the key's origins. */
export interface PublishableKeyPrincipal {
  kind: 'publishable';
  organisationId: string;
  keyId: string;
}

/** A server with an `sk_…` key, never from a browser: admin routes within its scopes. */
export interface SecretKeyPrincipal {
  kind: 'secret';
  organisationId: string;
  keyId: string;
  scopes: readonly KeyScope[];
}

/** An employee with a verified JWT from the organisation's identity provider. */
export interface EmployeePrincipal {
  kind: 'employee';
  organisationId: string;
  employeeId: string;
  subject: string;
  isAdmin: boolean;
}

export type AdminPrincipal = SecretKeyPrincipal | (EmployeePrincipal & { isAdmin: true });

/** Stable text naming the caller, for idempotency keys, rate limits and the audit log. */
export function principalLabel(principal: Principal): string {
  return principal.kind === 'employee' ? `employee:${principal.employeeId}` : `key:${principal.keyId}`;
}

export function isAdmin(principal: Principal): principal is AdminPrincipal {
  return principal.kind === 'secret' || (principal.kind === 'employee' && principal.isAdmin);
}

/** Whether a secret key's scopes cover `needed`: `admin` covers every scope. */
export function hasScope(scopes: readonly KeyScope[], needed: KeyScope): boolean {
  return scopes.includes('admin') || scopes.includes(needed);
}
