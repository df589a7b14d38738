/**
 * The USB edition's zip as the web build publishes it (linked from the home
 * page and /doc-offline/; docs/decisions/1403-take-it-away.md). No imports:
 * the site (src/) and the build both read it.
 */

/** Where the zip is in the web build: copied into dist after the usb stage, so the copy never holds itself. */
export const PUBLISHED_ZIP_PATH = 'tai-ve/luu-tru-nghi-quyet.zip';

/**
 * A link to the zip carries this attribute with the sentence the USB edition
 * shows instead (that copy is already offline and has no zip in it): the USB
 * transform (html.ts) replaces the whole `<a …>…</a>` by that sentence.
 */
export const USB_OFFLINE_ATTR = 'data-usb-offline';
