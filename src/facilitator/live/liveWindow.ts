/** The projector (audience) window's address, and opening it from the presenter window. */
import { LOCAL_SESSION, type LinkKey } from './liveHub';

/** Same page, with only `?audience=…` (a local session is `audience=1`). Keeps file:// pages working. */
export function audienceUrl(sessionId: string, link: LinkKey | null = null, href: string = window.location.href): string {
  const url = new URL(href);
  url.search = '';
  url.hash = link ? `link=${link.presenter}.${link.audience}.${link.key}` : '';
  url.searchParams.set('audience', sessionId === LOCAL_SESSION ? '1' : sessionId);
  return url.toString();
}

/** Opens (or brings back) the projector window; null when the browser blocked it. */
export function openProjectorWindow(sessionId: string, link: LinkKey): Window | null {
  try {
    return window.open(audienceUrl(sessionId, link), 'ripple-effect-projector', 'popup,width=1280,height=720');
  } catch {
    return null;
  }
}
