import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const SHARE_CODE_LENGTH = 10;

/** What a tracked link's code looks like; anything else is a 404 without a query. */
export const SHARE_CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${SHARE_CODE_LENGTH}}$`);

/** A random code without look-alike characters (0/O, 1/l/I): 56^10 ≈ 3·10^17 possibilities. */
export function newShareCode(): string {
  let code = '';
  for (let i = 0; i < SHARE_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
