/**
 * The address a table's join link and QR code carry. The facilitator usually opens the page at
 * localhost on the laptop that runs the room server, but a phone cannot open localhost: then the link
 * uses the server's own address on the venue network (the welcome message's `addresses`), and the page
 * says plainly which one it used, or that there is none.
 */

/** A name or address that only ever means this machine. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h);
}

export interface JoinPlace {
  /** `http://192.0.2.2:5173`: where the join and projector links point. */
  origin: string;
  /** What the page says about it ('' when the page's own address is one the room can open). */
  note: string;
  /** The note is a warning: phones cannot open the link. */
  warn: boolean;
}

/**
 * `page`: the facilitator page's own location; `addresses`: the server's addresses on the network,
 * best first (null while the server has not said).
 */
export function joinPlace(
  page: { protocol: string; hostname: string; port: string; origin: string },
  addresses: readonly string[] | null,
): JoinPlace {
  if (!isLoopback(page.hostname) || addresses === null) return { origin: page.origin, note: '', warn: false };
  const [first, ...others] = addresses;
  if (first === undefined)
    return {
      origin: page.origin,
      note:
        `Phones cannot open ${page.hostname}, and this laptop has no network address: join the venue’s ` +
        'Wi\u2011Fi (or a hotspot), then reload this page.',
      warn: true,
    };
  const more = others.length ? ` If phones cannot open it, try ${others.join(', ')}.` : '';
  return {
    origin: `${page.protocol}//${first}${page.port ? `:${page.port}` : ''}`,
    note: `The link and QR code use ${first}, this laptop’s network address; ${page.hostname} opens only here.${more}`,
    warn: false,
  };
}
