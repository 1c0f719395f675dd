// The build replaces __ADV_VERSION__ with the package version; from source it stays a dev marker.
declare const __ADV_VERSION__: string | undefined;

/** Version of the SDK, sent with every request in the `Adv-Client` header. */
export const SDK_VERSION: string = typeof __ADV_VERSION__ === 'string' ? __ADV_VERSION__ : '0.0.0-dev';
