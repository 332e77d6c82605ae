/**
 * On a phone held upright the 16:9 board is a thin strip with tiny text. The solo game then says, in a
 * note over the top of the page, what the live table's page says: turn the phone. The note follows the
 * screen (it goes as soon as the phone is turned) and never takes a tap (pointer-events: none).
 */

/** Portrait and narrow: a phone held upright (a portrait tablet is 768 px or more wide). */
export const TURN_QUERY = '(orientation: portrait) and (max-width: 700px)';
export const TURN_TEXT = 'Turn your phone sideways for a bigger board.';

/** The part of MediaQueryList used here (so a test can hand in its own). */
export interface ScreenQuery {
  matches: boolean;
  addEventListener(type: 'change', fn: () => void): void;
}

/** Adds the note to `doc.body`; it shows while `query` matches. Returns the note. */
export function installTurnHint(doc: Document, query: ScreenQuery): HTMLElement {
  const note = doc.createElement('p');
  note.className = 're-turn';
  note.setAttribute('role', 'status');
  note.textContent = TURN_TEXT;
  Object.assign(note.style, {
    position: 'fixed',
    top: 'max(12px, env(safe-area-inset-top))',
    left: '12px',
    right: '12px',
    margin: '0',
    padding: '12px 16px',
    zIndex: '900',
    pointerEvents: 'none',
    textAlign: 'center',
    fontSize: '20px',
    lineHeight: '1.35',
    fontWeight: 'bold',
    color: '#ffd166',
    background: 'rgb(14 27 42 / 0.92)',
    border: '2px solid #ffd166',
    borderRadius: '12px',
  });
  const follow = () => {
    note.hidden = !query.matches;
  };
  follow();
  query.addEventListener('change', follow);
  doc.body.appendChild(note);
  return note;
}
