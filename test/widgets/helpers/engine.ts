// The browser engine a test runs in (web-test-runner runs the suite in Chromium and Firefox ESR),
// for the few tests whose input or set-up differs by engine.

export const inFirefox = /\bFirefox\//.test(navigator.userAgent);

/**
 * `it`, or a skipped test that says why where the engine cannot run it:
 * skipped tests are reported as such, never passed.
 */
export function itExceptInFirefox(title: string, reason: string, test: Mocha.Func): Mocha.Test {
  return inFirefox ? it.skip(`${title} (skipped in Firefox: ${reason})`, test) : it(title, test);
}

/**
 * Types a `datetime-local` value with the keyboard, as a person would: the
 * segments take typed digits, month, day, year, then hours, minutes and AM/PM
 * (the test pages are en-US). Chromium's year segment waits for more digits
 * (an arrow key moves on); Firefox's moves on after four.
 */
export function dateTimeKeys(month: string, day: string, year: string, time: string): Array<{ type: string } | { press: string }> {
  return inFirefox ? [{ type: `${month}${day}${year}${time}` }] : [{ type: `${month}${day}${year}` }, { press: 'ArrowRight' }, { type: time }];
}
