/**
 * The logo as a data: URL, bundled with the code: it then loads from file:// too (the single-file build,
 * where the browser refuses to fetch files beside the page), with no request at all.
 */
import svg from '../../public/favicon.svg?raw';

export const LOGO_URL = `data:image/svg+xml;base64,${btoa(svg)}`;
