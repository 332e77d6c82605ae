/**
 * One department card: icon, name, key number, status pill (colour + shape + word), people (busy /
 * free / away), skills, the line, and the "Ready to send" tray with what each ticket needs next.
 * Redraws only what changed; ticket tokens themselves are drawn by the TokenLayer. Where each part goes
 * and which words it reads are in deskCard.ts; the baked shapes, glow and focus ring in deskLooks.ts.
 */
import Phaser from 'phaser';
import type { Level } from '../../level/schema';
import { commandEnabled, deskAway } from '../../sim/index';
import type { DepartmentView } from '../../sim/types';
import {
  cardAreas,
  cardHeader,
  cardNameRoom,
  inboxShown,
  LINE_LABEL_W,
  OUTBOX_VISIBLE,
  trayCaptionRoom,
  type Rect,
} from './layout';
import { BOARD_COLOURS, STATUS_LOOK, deptLook, skillWords } from './playTheme';
import { iconFrame, TEX } from './textures';
import { fitTextsEvenly, minScale, PlayButton, shrinkTo, style } from './ui';
import { trayLabels } from './boardModel';
import { getApp } from '../context';
import {
  captionScale,
  captionTries,
  cardScaleOf,
  cardSpots,
  edgeOf,
  letteredCaption,
  lookOf,
  moveLabel,
  pillRoom,
  pillWords,
  shownStatus,
  staffWords,
  type CardSpots,
} from './deskCard';
import { cardTexture, FocusRing, PAD, pillTexture, TrayGlow, type FocusKind } from './deskLooks';

export type { FocusKind } from './deskLooks';

function cardTextScale(): number {
  try {
    return cardScaleOf(getApp().store.getState().settings.textScale);
  } catch {
    return 1; // no app context (unit tests)
  }
}

const fontPx = (t: Phaser.GameObjects.Text): number => parseFloat(String(t.style.fontSize));

/**
 * Counts on the card (line length, people busy) change many times a second on a busy board; each change
 * redraws a text texture, so they refresh at most this often (the latest value always shows).
 */
const COUNT_REFRESH_MS = 200;
/** The least room between two tickets' captions that reach past their slots (two spaces' width). */
const CAPTION_GAP = 14;

type DeptDef = Level['departments'][number];

export interface DeptHandlers {
  onPolicy(id: string): void;
  onMoveStaff(id: string): void;
}

export class DeptView {
  private readonly bg: Phaser.GameObjects.Image;
  private readonly ring: FocusRing;
  private readonly trayGlow: TrayGlow;
  private readonly status: Phaser.GameObjects.Text;
  private readonly statusBg: Phaser.GameObjects.Image;
  private readonly spots: CardSpots;
  private readonly keyBadge: Phaser.GameObjects.Text;
  private readonly people: Phaser.GameObjects.Image[] = [];
  private readonly staffText: Phaser.GameObjects.Text;
  private readonly lineText: Phaser.GameObjects.Text;
  private readonly lineMore: Phaser.GameObjects.Text;
  private readonly trayLabel: Phaser.GameObjects.Text;
  private readonly trayMore: Phaser.GameObjects.Text;
  private readonly needs: Phaser.GameObjects.Text[] = [];
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly skillsText: Phaser.GameObjects.Text;
  private readonly policyBtn: PlayButton | null;
  private readonly moveBtn: PlayButton | null;
  /** The card's text scale now, and each text's size at scale 1 (so projector mode can resize mid-round). */
  private k: number;
  private readonly sized: Array<{ t: Phaser.GameObjects.Text; base: number }>;
  private staffAt = -Infinity;
  private lineAt = -Infinity;
  private last = {
    status: '',
    staff: '',
    line: -1,
    outbox: -1,
    needs: '',
    focus: 'none' as FocusKind,
    keys: false,
    care: '',
  };

  constructor(
    private readonly scene: Phaser.Scene,
    readonly def: DeptDef,
    /** The desk's number on the board (reading order), also its key while routing. */
    readonly number: number,
    readonly rect: Rect,
    level: Pick<Level, 'actions' | 'skillNames' | 'autoRoute'>,
    handlers: DeptHandlers,
    reducedMotion: boolean,
  ) {
    const a = cardAreas(rect);
    const sp = (this.spots = cardSpots(rect));
    const look = deptLook(def);
    const k = cardTextScale();
    const px = (n: number) => n * k;
    // Shapes are baked into textures once (see bakedShape): the card per status, the glow, the rings.
    this.bg = scene.add.image(rect.x - PAD, rect.y - PAD, cardTexture(scene, rect, 'green')).setOrigin(0, 0);
    this.trayGlow = new TrayGlow(scene, rect, reducedMotion);
    this.ring = new FocusRing(scene, rect);
    const hy = a.header.y + a.header.h / 2;
    const head = cardHeader(rect);
    scene.add.image(a.header.x + head.iconX, head.iconY, TEX.icons, iconFrame(look.icon, look.colour)).setScale(0.8);
    // Name and skill list are fitted to the card by fitEvenly, one size across the board.
    this.nameText = scene.add
      .text(a.header.x + head.nameX, hy, def.name, style(px(30), { bold: true }))
      .setOrigin(0, 0.5);
    // The status pill: its own row on tall cards (left), in the header's right end on small ones.
    this.statusBg = scene.add.image(0, 0, '__WHITE').setOrigin(sp.pillRight ? 1 : 0, 0).setVisible(false);
    this.status = scene.add
      .text(sp.status.x, sp.status.y, '', style(px(24), { bold: true, color: '#0b1320' }))
      .setOrigin(sp.pillRight ? 1 : 0, 0.5);
    this.keyBadge = scene.add
      .text(head.badge.x, head.badge.y, String(number), style(px(24), { bold: true, color: '#0b1320' }))
      .setOrigin(0.5)
      .setBackgroundColor('#c3d0dd')
      .setPadding(8, 2, 8, 2);
    for (const p of sp.people)
      this.people.push(scene.add.image(p.x, p.y, TEX.people, 'idle').setScale(0.62).setVisible(false));
    // The staff count: beside the status pill on tall cards, at the end of the people row on small ones.
    this.staffText = scene.add
      .text(sp.count.x, sp.count.y, '', style(px(24), { color: BOARD_COLOURS.dim }))
      .setOrigin(1, 0.5);
    this.skillsText = scene.add
      .text(
        sp.skills.x,
        sp.skills.y,
        `Can do: ${def.skills.map((s) => skillWords(s, level.skillNames)).join(', ')}`,
        style(px(24), { color: BOARD_COLOURS.dim }),
      )
      .setOrigin(0, 0.5);
    this.lineText = scene.add.text(sp.line.x, sp.line.y, '', style(px(24), { bold: true })).setOrigin(0, 0.5);
    this.lineMore = scene.add.text(sp.lineMore.x, sp.lineMore.y, '', style(px(24), { bold: true })).setOrigin(0, 0.5);
    this.trayLabel = scene.add
      .text(sp.trayLabel.x, sp.trayLabel.y, '', style(px(24), { bold: true }))
      .setOrigin(0, 0.5);
    for (const c of sp.captions)
      this.needs.push(
        scene.add.text(c.x, c.y, '', style(px(24), { color: '#ffe066', align: 'center' })).setOrigin(0.5, 0),
      );
    this.trayMore = scene.add
      .text(sp.trayMore.x, sp.trayMore.y, '', style(px(26), { bold: true }))
      .setOrigin(1, 0.5);
    // A desk's usual notes only matter for work that moves on by itself: the notes of what the player
    // sends are the side panel's one choice (Q/T), so the desk's own button shows only then.
    this.policyBtn = commandEnabled(level.actions, 'setPolicy') && level.autoRoute !== 'none'
      ? new PlayButton(scene, { ...sp.policy, px: 24, touchH: 40, label: '', onClick: () => handlers.onPolicy(def.id) })
      : null;
    // On a narrow card (seven or eight desks) the button is narrower, so the status pill has room beside it.
    this.moveBtn = commandEnabled(level.actions, 'moveStaff')
      ? new PlayButton(scene, {
          ...sp.move,
          px: 24,
          label: moveLabel(sp.narrow, true),
          onClick: () => handlers.onMoveStaff(def.id),
        })
      : null;
    if (this.moveBtn) this.staffText.setVisible(false);
    this.k = k;
    const texts = [this.nameText, this.status, this.keyBadge, this.staffText, this.skillsText, this.lineText]
      .concat(this.lineMore, this.trayLabel, this.needs, this.trayMore);
    this.sized = texts.map((t) => ({ t, base: fontPx(t) / k }));
  }

  /**
   * The text-size setting changed (projector mode, V, mid-round): every card text takes its new size at
   * once and is fitted again on the next update. True when something changed: the caller then fits the
   * names and skill lists again across the board (fitEvenly).
   */
  setTextScale(textScale: number): boolean {
    const k = cardScaleOf(textScale);
    if (k === this.k) return false;
    this.k = k;
    for (const { t, base } of this.sized) {
      // The number badge keeps its focus size (setFocus); every other text is fitted afresh.
      if (t !== this.keyBadge) t.setScale(1).setWordWrapWidth(null, false);
      t.setFontSize(base * k);
    }
    const last = this.last;
    last.status = '';
    last.staff = '';
    last.line = -1;
    last.outbox = -1;
    last.needs = '';
    this.staffAt = -Infinity;
    this.lineAt = -Infinity;
    return true;
  }

  /**
   * One font size for every card's name, and one for every card's skill list: the smallest any card
   * of the board needs, so a long name shrinks its neighbours' names with it (cards are all one size).
   */
  static fitEvenly(views: readonly DeptView[]): void {
    const first = views[0];
    if (!first) return;
    const a = cardAreas(first.rect);
    fitTextsEvenly(
      views.map((v) => v.nameText),
      cardNameRoom(first.rect),
      a.header.h - 4,
    );
    fitTextsEvenly(
      views.map((v) => v.skillsText),
      a.skills.w,
      a.skills.h + 4,
    );
  }

  private keyHints = true;

  /** "Usual: quick (L)" or, in projector mode, "Usual: quick": switched at once. */
  setKeyHints(on: boolean): void {
    if (on === this.keyHints) return;
    this.keyHints = on;
    this.last.care = ''; // relabel on the next update
    this.moveBtn?.setLabel(moveLabel(this.spots.narrow, on));
  }

  /** Outbox centre etc. come from layout; this updates texts and glyphs from the department state. */
  /** `writing`: tickets in the tray already sent, waiting for someone here to write their notes. */
  /** `letters`: the letter on the ticket in each tray slot ('' where not known), for the tray's one line. */
  update(d: DepartmentView, needs: readonly string[], warnAt: number, writing = 0, letters: readonly string[] = []): void {
    const last = this.last;
    const shown = shownStatus(d);
    if (shown !== last.status) {
      last.status = shown;
      const look = lookOf(shown);
      this.bg.setTexture(cardTexture(this.scene, this.rect, edgeOf(shown)));
      const room = pillRoom(this.rect, this.moveBtn !== null);
      for (const w of pillWords(look)) {
        this.status.setText(w);
        if (this.spots.pillRight || this.status.width + 20 <= room) break;
      }
      const w = Math.ceil(this.status.width + 20);
      this.statusBg
        .setTexture(pillTexture(this.scene, shown, w, look.colour))
        .setPosition(this.spots.pill.x, this.spots.pill.y)
        .setVisible(true);
    }
    const present = Math.max(0, d.staff - d.away);
    // A desk of one cannot give anyone away: its Move button reads so before it is pressed.
    this.moveBtn?.setDim(d.staff <= 1);
    const going = deskAway(d).leaving;
    const staffKey = `${d.staff}/${d.away}/${d.busy}/${going}`;
    const now = this.scene.time.now;
    if (staffKey !== last.staff && now - this.staffAt >= COUNT_REFRESH_MS) {
      last.staff = staffKey;
      this.staffAt = now;
      for (let i = 0; i < this.people.length; i++) {
        const img = this.people[i]!;
        if (i >= d.staff) {
          img.setVisible(false);
          continue;
        }
        const frame = i < Math.min(d.busy, present) ? 'busy' : i < present ? 'idle' : 'away';
        img.setVisible(true).setFrame(frame);
      }
      this.staffText.setText(staffWords(d, going));
    }
    const line = d.inbox.length + d.pending.length;
    if (line !== last.line && now - this.lineAt >= COUNT_REFRESH_MS) {
      last.line = line;
      this.lineAt = now;
      const warn = line >= warnAt;
      this.lineText
        .setText(warn ? `Line ${line} ▲` : `Line ${line}`)
        .setColor(warn ? STATUS_LOOK.amber.css : BOARD_COLOURS.text);
      shrinkTo(this.lineText, LINE_LABEL_W - 6);
      const hidden = line - inboxShown(this.rect);
      this.lineMore.setText(hidden > 0 ? `+${hidden}` : '');
    }
    const needsKey = `${needs.join('|')}#${writing}#${letters.join('')}`;
    if (d.outbox.length !== last.outbox || needsKey !== last.needs) {
      const wasEmpty = last.outbox <= 0;
      last.outbox = d.outbox.length;
      last.needs = needsKey;
      const n = d.outbox.length;
      // Beside the "Usual notes" button the label is shorter, and shrinks rather than run under it.
      const short = this.policyBtn !== null;
      const room = this.rect.w - (short ? 264 : 48);
      // The first label that fits at a readable size; tickets still being written up are counted apart.
      const labels = trayLabels(n, writing, short);
      for (const label of labels) {
        this.trayLabel.setText(label).setScale(1);
        if (this.trayLabel.width * minScale(this.trayLabel) <= room) break;
      }
      this.trayLabel.setColor(n > 0 ? '#ffe066' : writing > 0 ? BOARD_COLOURS.text : BOARD_COLOURS.dim);
      shrinkTo(this.trayLabel, room);
      this.fitCaptions(needs, letters);
      const inTray = n + writing;
      this.trayMore.setText(inTray > OUTBOX_VISIBLE ? `+${inTray - OUTBOX_VISIBLE}` : '');
      this.trayGlow.set(n > 0, wasEmpty);
    }
    if (this.policyBtn && d.care !== last.care) {
      last.care = d.care;
      this.policyBtn.setLabel(this.keyHints ? `Auto: ${d.care} (L)` : `Auto: ${d.care}`);
    }
  }

  /**
   * Each caption under its own ticket, one size for the tray, so neighbours never run together: in its
   * slot, else on one line reaching past it where its neighbours leave room. When they cannot (long
   * skill names, "writing notes"), one line across the tray names each step with the letters of its
   * tickets ("A: investigate · M, L: billing fix"): a list of steps alone did not say whose was whose.
   */
  private fitCaptions(needs: readonly string[], letters: readonly string[]): void {
    const slot = trayCaptionRoom(this.rect);
    this.needs.forEach((t, i) => {
      const s = this.spots.captions[i]!;
      t.setOrigin(0.5, 0).setPosition(s.x, slot.top).setWordWrapWidth(null, false).setText(needs[i] ?? '');
    });
    const shown = this.needs.filter((t) => t.text !== '');
    fitTextsEvenly(shown, slot.w, slot.h, 0.85);
    if (shown.every((t) => t.displayWidth <= slot.w + 0.5 && t.displayHeight <= slot.h + 0.5)) return;
    const tray = cardAreas(this.rect).outbox;
    for (const t of shown) t.setWordWrapWidth(null, false).setScale(1);
    const widths = this.needs.map((t) => (t.text !== '' ? t.width : 0));
    const lo = shown.reduce((m, t) => Math.max(m, minScale(t)), 0.85);
    const tall = shown.reduce((m, t) => Math.max(m, t.height), 1);
    const k = Math.min(
      captionScale(widths, this.spots.captions.map((c) => c.x), tray.x + 6, tray.x + tray.w - 6, CAPTION_GAP),
      slot.h / tall,
    );
    if (k >= lo) {
      for (const t of shown) t.setScale(k);
      return;
    }
    const line = this.needs[0]!;
    this.needs.forEach((t) => t !== line && t.setText(''));
    line.setOrigin(0, 0).setPosition(tray.x + 12, slot.top).setScale(1).setWordWrapWidth(null, false);
    // One line, under the tickets: each step with its tickets' letters (see letteredCaption); with no
    // letters known yet the steps alone, every one when they fit, else the first ones and how many
    // more ("assess +1"), else the first step cut short.
    const room = tray.w - 24;
    const fits = (text: string) => line.setText(text).width * Math.max(0.85, minScale(line)) <= room;
    const lettered = letteredCaption(needs, letters, fits);
    if (lettered !== null) line.setText(lettered);
    else if (!captionTries(needs).some(fits)) {
      const first = needs[0] ?? '';
      let n = first.length;
      while (n > 1 && !fits(`${first.slice(0, n).trimEnd()}…`)) n--;
    }
    fitTextsEvenly([line], room, slot.h, 0.85);
  }

  /** Focus ring: keyboard focus (yellow), where a ticket comes from (blue), candidate targets show their key. */
  setFocus(kind: FocusKind, showKeys: boolean): void {
    if (kind === this.last.focus && showKeys === this.last.keys) return;
    this.last.focus = kind;
    this.last.keys = showKeys;
    this.ring.set(kind);
    this.keyBadge.setBackgroundColor(showKeys ? '#ffe066' : '#c3d0dd').setScale(showKeys ? 1.25 : 1);
  }
}
