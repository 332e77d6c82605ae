/**
 * live.html: the browser side of a live session, in plain DOM (text only, never HTML from the network).
 *  - `live.html?facilitator=1`: creates a live session (or reopens this tab's), shows its join code and
 *    QR code, every table live (connected devices, seats, round, score so far, served / gave up), the
 *    controls for all tables or one, a live event, the leaderboard switch and the export of every result.
 *  - `live.html` (or `?code=ABC234`): a table joins with the code and a team name (its device token is
 *    kept in session storage so a reload or a restarted server gives its seat back) and plays the board;
 *  - `live.html?projector=ABC234`: the projector, showing the board of the table the facilitator picks.
 * The room server is the page's own origin (`npm start` / `npm run serve` serve both).
 */
import { params, STORE } from './dom';
import { facilitator } from './facilitator';
import { projector } from './projector';
import { joinForm, joinTable } from './table';
import './live.css';

if (params.has('facilitator')) void facilitator();
else if (params.has('projector')) void projector(params.get('projector') ?? '');
else {
  const code = sessionStorage.getItem(`${STORE}join`);
  const team = sessionStorage.getItem(`${STORE}team`);
  if (code && team && sessionStorage.getItem(`${STORE}device:${code}`)) void joinTable(code, team);
  else joinForm();
}
