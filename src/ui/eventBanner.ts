/**
 * The live-event banner: one line the back of the room can read, shown once when an incident starts
 * (an outage, an absence, a rush) and gone after a few seconds. It sits over the board's bottom bar
 * (the step hint and tips), never over the desks, trays or customers: the room reads the news and
 * still sees the work. DOM only; the text goes in as text. The projector window shows it too, from its
 * own replica's events.
 */
const SHOW_MS = 7000;
/** The board's bottom bar in the 1920x1080 design space (src/game/play/layout.ts BOTTOM). */
const BAR = { y: 990, h: 90, w: 1920, H: 1080 };

let el: HTMLDivElement | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Over the canvas's bottom bar, as large as the bar allows; a long text shrinks to one line. */
function place(): void {
  if (!el || el.hidden) return;
  const canvas = document.querySelector<HTMLCanvasElement>('#game canvas');
  const r = canvas?.getBoundingClientRect();
  if (!r || r.width === 0 || r.height === 0) {
    el.removeAttribute('style');
    return;
  }
  const k = r.height / BAR.H;
  const h = BAR.h * k;
  el.style.left = `${r.left + 12 * k}px`;
  el.style.width = `${r.width - 24 * k}px`;
  el.style.top = `${r.top + BAR.y * k + 4 * k}px`;
  el.style.height = `${h - 8 * k}px`;
  let font = Math.max(14, h * 0.5);
  el.style.fontSize = `${font}px`;
  const line = el.firstElementChild as HTMLElement | null;
  const room = () => el!.clientWidth - 2 * parseFloat(getComputedStyle(el!).paddingLeft || '0');
  for (let i = 0; line && i < 6 && line.offsetWidth > room() + 1 && font > 14; i++) {
    font = Math.max(14, (font * room()) / line.offsetWidth);
    el.style.fontSize = `${font}px`;
  }
}

export function showEventBanner(text: string): void {
  if (typeof document === 'undefined') return;
  if (!el) {
    el = document.createElement('div');
    el.className = 're-event-banner';
    el.setAttribute('role', 'alert');
    el.dataset.testid = 'event-banner';
    document.body.append(el);
    window.addEventListener('resize', place);
  }
  const line = document.createElement('span');
  line.textContent = text;
  el.replaceChildren(line);
  el.hidden = false;
  place();
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(hideEventBanner, SHOW_MS);
}

/** Whether the banner is over the bottom bar now (toasts that go there wait meanwhile). */
export function eventBannerShown(): boolean {
  return el !== null && !el.hidden;
}

export function hideEventBanner(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (el) el.hidden = true;
}
