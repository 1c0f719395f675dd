// The build replaces __ADV_VERSION__ with the package version; from source it stays a dev marker.
declare const __ADV_VERSION__: string | undefined;

/** Version of the widgets; `defineElement()` compares it when a tag is already taken. */
export const WIDGETS_VERSION: string = typeof __ADV_VERSION__ === 'string' ? __ADV_VERSION__ : '0.0.0-dev';
