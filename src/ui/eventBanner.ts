/**
 * The live-event banner: one line across the top of the game, large enough for the back of the room,
 * shown once when an incident starts (an outage, an absence, a rush) and gone after a few seconds.
 * DOM only; the text goes in as text. The projector window shows it too, from its own replica's events.
 */
const SHOW_MS = 7000;

let el: HTMLDivElement | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function showEventBanner(text: string): void {
  if (typeof document === 'undefined') return;
  if (!el) {
    el = document.createElement('div');
    el.className = 're-event-banner';
    el.setAttribute('role', 'alert');
    el.dataset.testid = 'event-banner';
    document.body.append(el);
  }
  el.textContent = text;
  el.hidden = false;
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(hideEventBanner, SHOW_MS);
}

export function hideEventBanner(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (el) el.hidden = true;
}
