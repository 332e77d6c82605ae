/**
 * Which presenter a projector window follows: the link key a Projector window button put in its
 * address, kept in the tab so a reload stays linked. Split out of ./audience.ts.
 */
import type { LinkKey } from './liveHub';

const linkStoreKey = (sessionId: string) => `ripple-effect:room-link:${sessionId}`;

/**
 * The key a Projector window button put in this window's address (#link=presenter.audience.key), kept
 * in this tab's sessionStorage so a reload stays linked, and taken out of the address bar.
 */
export function linkFromPage(sessionId: string): { link: LinkKey | null; save: (l: LinkKey) => void } {
  const save = (l: LinkKey) => {
    try {
      sessionStorage.setItem(linkStoreKey(sessionId), JSON.stringify(l));
    } catch {
      /* the link then lasts as long as this page */
    }
  };
  const m = /(?:^#|&)link=([0-9a-f]{8,80})\.([0-9a-f]{8,80})\.([0-9a-f]{8,80})/.exec(window.location.hash);
  if (m) {
    const link = { presenter: m[1]!, audience: m[2]!, key: m[3]! };
    save(link);
    try {
      history.replaceState(null, '', window.location.pathname + window.location.search);
    } catch {
      /* file:// pages may refuse; the key then stays in the address */
    }
    return { link, save };
  }
  try {
    const raw = sessionStorage.getItem(linkStoreKey(sessionId));
    const l = raw ? (JSON.parse(raw) as Partial<LinkKey>) : null;
    if (l && typeof l.presenter === 'string' && typeof l.audience === 'string' && typeof l.key === 'string')
      return { link: { presenter: l.presenter, audience: l.audience, key: l.key }, save };
  } catch {
    /* no saved link */
  }
  return { link: null, save };
}
