/**
 * One department card: icon, name, key number, status pill (colour + shape + word), people (busy /
 * free / away), skills, the line, and the "Ready to send" tray with what each ticket needs next.
 * Redraws only what changed; ticket tokens themselves are drawn by the TokenLayer.
 */
import Phaser from 'phaser';
import type { Level } from '../../level/schema';
import { commandEnabled, deskAway } from '../../sim/index';
import type { DepartmentView } from '../../sim/types';
import {
  cardAreas,
  cardHeader,
  cardNameRoom,
  centre,
  inboxMorePos,
  inboxShown,
  LINE_LABEL_W,
  narrowCard,
  outboxSlot,
  OUTBOX_VISIBLE,
  trayCaptionRoom,
  WORK_VISIBLE,
  workSlot,
  type Rect,
} from './layout';
import {
  BOARD_COLOURS,
  DOWN_LOOK,
  LEAVING_LOOK,
  OKABE_ITO,
  STATUS_LOOK,
  deptLook,
  skillWords,
  type Status,
} from './playTheme';
import { iconFrame, TEX } from './textures';
import { bakedShape, fitTextsEvenly, bakeShape, minScale, PlayButton, shrinkTo, style } from './ui';
import { trayLabels } from './boardModel';
import { getApp } from '../context';

/** Card text grows with the text-size setting, capped so it stays inside the card's rows. */
const cardScaleOf = (textScale: number): number => Math.min(1.3, Math.max(1, textScale));

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

/** The Move button's width on a narrow card ("Move (-)"). */
const MOVE_NARROW_W = 124;

/** Room around baked shapes for the strokes. */
const PAD = 6;

type DeptDef = Level['departments'][number];
/**
 * 'target': can do the picked ticket's next step (lit up); 'cannot': cannot (dimmed, "can't do this").
 */
export type FocusKind = 'none' | 'focus' | 'from' | 'target' | 'cannot';

export interface DeptHandlers {
  onPolicy(id: string): void;
  onMoveStaff(id: string): void;
}

export class DeptView {
  private readonly bg: Phaser.GameObjects.Image;
  private readonly ring: Phaser.GameObjects.Image;
  private readonly trayGlow: Phaser.GameObjects.Image;
  private readonly status: Phaser.GameObjects.Text;
  private readonly statusBg: Phaser.GameObjects.Image;
  /** The status pill sits at the header's right end (small cards), else at the left of its own row. */
  private readonly pillRight: boolean;
  /** A narrow card (seven or eight desks): a narrower Move button, and the pill's short word when it needs it. */
  private readonly narrow: boolean;
  private readonly keyBadge: Phaser.GameObjects.Text;
  private cannot: Phaser.GameObjects.Text | null = null;
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
  private glowTween: Phaser.Tweens.Tween | null = null;
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
    private readonly reducedMotion: boolean,
  ) {
    const a = cardAreas(rect);
    const look = deptLook(def);
    const k = cardTextScale();
    const px = (n: number) => n * k;
    // Shapes are baked into textures once (see bakedShape): the card per status, the glow, the rings.
    this.bg = scene.add.image(rect.x - PAD, rect.y - PAD, this.cardTexture('green')).setOrigin(0, 0);
    const gw = a.outbox.w + 6;
    const gh = a.outbox.h + 6;
    this.trayGlow = bakedShape(scene, 'tray-glow', a.outbox.x - 3, a.outbox.y - 3, gw, gh, (g) => {
      g.lineStyle(5, BOARD_COLOURS.trayReady, 1).strokeRoundedRect(0, 0, gw, gh, 14);
    }).setVisible(false);
    this.ring = scene.add
      .image(rect.x - 10 - PAD, rect.y - 10 - PAD, this.ringTexture('focus'))
      .setOrigin(0, 0)
      .setVisible(false);
    const hy = a.header.y + a.header.h / 2;
    const head = cardHeader(rect);
    scene.add.image(a.header.x + head.iconX, head.iconY, TEX.icons, iconFrame(look.icon, look.colour)).setScale(0.8);
    // Name and skill list are fitted to the card by fitEvenly, one size across the board.
    this.nameText = scene.add
      .text(a.header.x + head.nameX, hy, def.name, style(px(30), { bold: true }))
      .setOrigin(0, 0.5);
    // The status pill: its own row on tall cards (left), in the header's right end on small ones.
    this.pillRight = a.status.y === a.header.y;
    this.statusBg = scene.add.image(0, 0, '__WHITE').setOrigin(this.pillRight ? 1 : 0, 0).setVisible(false);
    this.status = scene.add
      .text(
        this.pillRight ? a.status.x + a.status.w - 12 : a.status.x + 12,
        a.status.y + a.status.h / 2,
        '',
        style(px(24), { bold: true, color: '#0b1320' }),
      )
      .setOrigin(this.pillRight ? 1 : 0, 0.5);
    this.keyBadge = scene.add
      .text(head.badge.x, head.badge.y, String(number), style(px(24), { bold: true, color: '#0b1320' }))
      .setOrigin(0.5)
      .setBackgroundColor('#c3d0dd')
      .setPadding(8, 2, 8, 2);
    for (let i = 0; i < WORK_VISIBLE; i++) {
      const p = workSlot(rect, i);
      this.people.push(
        scene.add
          .image(p.x - 8, p.y - 2, TEX.people, 'idle')
          .setScale(0.62)
          .setVisible(false),
      );
    }
    // The staff count: beside the status pill on tall cards, at the end of the people row on small ones.
    const countRow = this.pillRight ? a.staff : a.status;
    this.staffText = scene.add
      .text(countRow.x + countRow.w, countRow.y + countRow.h / 2, '', style(px(24), { color: BOARD_COLOURS.dim }))
      .setOrigin(1, 0.5);
    this.skillsText = scene.add
      .text(
        a.skills.x,
        a.skills.y + a.skills.h / 2,
        `Can do: ${def.skills.map((s) => skillWords(s, level.skillNames)).join(', ')}`,
        style(px(24), { color: BOARD_COLOURS.dim }),
      )
      .setOrigin(0, 0.5);
    this.lineText = scene.add
      .text(a.inbox.x, a.inbox.y + a.inbox.h / 2, '', style(px(24), { bold: true }))
      .setOrigin(0, 0.5);
    const more = inboxMorePos(rect);
    this.lineMore = scene.add.text(more.x, more.y, '', style(px(24), { bold: true })).setOrigin(0, 0.5);
    this.trayLabel = scene.add
      .text(a.outbox.x + 12, a.outbox.y + 18, '', style(px(24), { bold: true }))
      .setOrigin(0, 0.5);
    for (let i = 0; i < OUTBOX_VISIBLE; i++) {
      const s = outboxSlot(rect, i);
      this.needs.push(
        scene.add
          .text(s.x, s.y + 26, '', style(px(24), { color: '#ffe066', align: 'center' }))
          .setOrigin(0.5, 0),
      );
    }
    this.trayMore = scene.add
      .text(a.outbox.x + a.outbox.w - 8, outboxSlot(rect, 0).y, '', style(px(26), { bold: true }))
      .setOrigin(1, 0.5);
    // A desk's usual notes only matter for work that moves on by itself: the notes of what the player
    // sends are the side panel's one choice (Q/T), so the desk's own button shows only then.
    this.policyBtn = commandEnabled(level.actions, 'setPolicy') && level.autoRoute !== 'none'
      ? new PlayButton(scene, {
          x: a.outbox.x + a.outbox.w - 112,
          y: a.outbox.y + 20,
          w: 220,
          h: 38,
          px: 24,
          touchH: 40,
          label: '',
          onClick: () => handlers.onPolicy(def.id),
        })
      : null;
    // On a narrow card (seven or eight desks) the button is narrower, so the status pill has room beside it.
    this.narrow = narrowCard(rect);
    const moveW = this.narrow ? MOVE_NARROW_W : 168;
    this.moveBtn = commandEnabled(level.actions, 'moveStaff')
      ? new PlayButton(scene, {
          x: countRow.x + countRow.w - moveW / 2,
          y: countRow.y + countRow.h / 2,
          w: moveW,
          h: this.narrow ? 38 : 42,
          px: 24,
          label: this.moveLabel(true),
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

  /** The card's background for a status (edge colour and width), baked once per card size. */
  private cardTexture(status: Status): string {
    const r = this.rect;
    const a = cardAreas(r);
    const ox = r.x;
    const oy = r.y;
    return bakeShape(
      this.scene,
      `card:${status}`,
      r.w,
      r.h,
      (g) => {
        g.fillStyle(BOARD_COLOURS.card, 1).fillRoundedRect(0, 0, r.w, r.h, 18);
        const edge = status === 'green' ? BOARD_COLOURS.cardEdge : STATUS_LOOK[status].colour;
        g.lineStyle(status === 'red' ? 8 : status === 'amber' ? 6 : 3, edge, 1).strokeRoundedRect(
          0,
          0,
          r.w,
          r.h,
          18,
        );
        g.fillStyle(0x0f2236, 1).fillRoundedRect(
          a.inbox.x - ox,
          a.inbox.y + 2 - oy,
          a.inbox.w,
          a.inbox.h - 4,
          10,
        );
        g.fillStyle(BOARD_COLOURS.tray, 1).fillRoundedRect(
          a.outbox.x - ox,
          a.outbox.y - oy,
          a.outbox.w,
          a.outbox.h,
          12,
        );
        g.lineStyle(2, 0x8a7a2a, 1).strokeRoundedRect(
          a.outbox.x - ox,
          a.outbox.y - oy,
          a.outbox.w,
          a.outbox.h,
          12,
        );
      },
      PAD,
    );
  }

  /** Focus ring around the card (keyboard focus, ticket source, candidate target), baked once per size. */
  private ringTexture(kind: Exclude<FocusKind, 'none'>): string {
    const r = this.rect;
    const w = r.w + 20;
    const h = r.h + 20;
    return bakeShape(
      this.scene,
      `ring:${kind}`,
      w,
      h,
      (g) => {
        if (kind === 'focus') g.lineStyle(8, BOARD_COLOURS.focus, 1).strokeRoundedRect(0, 0, w, h, 24);
        else if (kind === 'from')
          g.lineStyle(6, BOARD_COLOURS.target, 1).strokeRoundedRect(2, 2, w - 4, h - 4, 22);
        else if (kind === 'target') g.lineStyle(8, OKABE_ITO.green, 1).strokeRoundedRect(0, 0, w, h, 24);
        else g.fillStyle(0x0b1320, 0.55).fillRoundedRect(10, 10, w - 20, h - 20, 18);
      },
      PAD,
    );
  }

  private keyHints = true;

  /** Width the status pill may take: the row less what sits at its right (Move button or staff count). */
  private pillRoom(): number {
    const a = cardAreas(this.rect).status;
    // Without a Move button, the staff count ("2 of 2 busy") is about 150 wide.
    const right = this.moveBtn ? (this.narrow ? MOVE_NARROW_W : 168) : this.pillRight ? 0 : 150;
    return a.w - right - 10;
  }

  private moveLabel(keyHints: boolean): string {
    const word = this.narrow ? 'Move' : 'Move 1';
    return keyHints ? `${word} (-)` : word;
  }

  /** "Usual: quick (L)" or, in projector mode, "Usual: quick": switched at once. */
  setKeyHints(on: boolean): void {
    if (on === this.keyHints) return;
    this.keyHints = on;
    this.last.care = ''; // relabel on the next update
    this.moveBtn?.setLabel(this.moveLabel(on));
  }

  /** Outbox centre etc. come from layout; this updates texts and glyphs from the department state. */
  /** `writing`: tickets in the tray already sent, waiting for someone here to write their notes. */
  update(d: DepartmentView, needs: readonly string[], warnAt: number, writing = 0): void {
    const last = this.last;
    // Nobody able to work (outage, or everyone away) shows as down, whatever the queue says; everyone
    // called away but still finishing a job, as leaving.
    const down = d.staff > 0 && d.away >= d.staff;
    const leaving = !down && d.staff > 0 && d.away + deskAway(d).leaving >= d.staff;
    const shown = down ? 'down' : leaving ? 'leaving' : d.status;
    if (shown !== last.status) {
      last.status = shown;
      const look: { colour: number; glyph: string; word: string; short?: string } = down
        ? DOWN_LOOK
        : leaving
          ? LEAVING_LOOK
          : STATUS_LOOK[d.status];
      this.bg.setTexture(this.cardTexture(down ? 'red' : leaving ? 'amber' : d.status));
      const a = cardAreas(this.rect).status;
      // Beside the Move button or the staff count, a long word takes its short form ("Full"), and on
      // the narrowest card the word goes alone.
      const words = [`${look.glyph} ${look.word}`];
      if (look.short) words.push(`${look.glyph} ${look.short}`);
      words.push(look.short ?? look.word);
      for (const w of words) {
        this.status.setText(w);
        if (this.pillRight || this.status.width + 20 <= this.pillRoom()) break;
      }
      const w = Math.ceil(this.status.width + 20);
      const pill = bakeShape(
        this.scene,
        `pill:${shown}`,
        w,
        36,
        (g) => g.fillStyle(look.colour, 1).fillRoundedRect(0, 0, w, 36, 18),
        2,
      );
      this.statusBg
        .setTexture(pill)
        .setPosition(this.pillRight ? a.x + a.w : a.x - 2, a.y + a.h / 2 - 20)
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
      const extra = d.staff > WORK_VISIBLE ? ` +${d.staff - WORK_VISIBLE}` : '';
      const away = (d.away > 0 ? `, ${d.away} away` : '') + (going > 0 ? `, ${going} leaving` : '');
      this.staffText.setText(d.staff === 0 ? 'nobody here' : `${d.busy} of ${d.staff} busy${away}${extra}`);
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
    const needsKey = `${needs.join('|')}#${writing}`;
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
      this.fitCaptions(needs);
      const inTray = n + writing;
      this.trayMore.setText(inTray > OUTBOX_VISIBLE ? `+${inTray - OUTBOX_VISIBLE}` : '');
      this.setGlow(n > 0, wasEmpty);
    }
    if (this.policyBtn && d.care !== last.care) {
      last.care = d.care;
      this.policyBtn.setLabel(this.keyHints ? `Auto: ${d.care} (L)` : `Auto: ${d.care}`);
    }
  }

  /**
   * Each caption under its own ticket, one size for the tray, so neighbours never run together. When
   * they cannot fit their slots at a readable size (long skill names on a small card), one line across
   * the tray names the next steps in order instead ("assess, medication review").
   */
  private fitCaptions(needs: readonly string[]): void {
    const slot = trayCaptionRoom(this.rect);
    this.needs.forEach((t, i) => {
      const s = outboxSlot(this.rect, i);
      t.setOrigin(0.5, 0).setPosition(s.x, slot.top).setWordWrapWidth(null, false).setText(needs[i] ?? '');
    });
    const shown = this.needs.filter((t) => t.text !== '');
    fitTextsEvenly(shown, slot.w, slot.h, 0.85);
    if (shown.every((t) => t.displayWidth <= slot.w + 0.5 && t.displayHeight <= slot.h + 0.5)) return;
    const tray = cardAreas(this.rect).outbox;
    const line = this.needs[0]!;
    this.needs.forEach((t) => t !== line && t.setText(''));
    line.setOrigin(0, 0).setPosition(tray.x + 12, slot.top).setScale(1).setWordWrapWidth(null, false);
    // One line, under the tickets: every step when they fit, else the first ones and how many more
    // ("Check insurance cover +1"), else the first step cut short.
    const room = tray.w - 24;
    const steps = [...new Set(needs)];
    const fits = (text: string) => line.setText(text).width * Math.max(0.85, minScale(line)) <= room;
    const tries = [steps.join(', '), ...steps.slice(1).map((_, i) => `${steps.slice(0, steps.length - 1 - i).join(', ')} +${i + 1}`)];
    if (!tries.some(fits)) {
      const first = steps[0] ?? '';
      let n = first.length;
      while (n > 1 && !fits(`${first.slice(0, n).trimEnd()}…`)) n--;
    }
    fitTextsEvenly([line], room, slot.h, 0.85);
  }

  private setGlow(on: boolean, wasEmpty: boolean): void {
    if (!on) {
      this.glowTween?.stop();
      this.glowTween = null;
      this.trayGlow.setVisible(false);
      return;
    }
    this.trayGlow.setVisible(true).setAlpha(1);
    if (this.reducedMotion || (this.glowTween && !wasEmpty)) return;
    this.glowTween?.stop();
    this.glowTween = this.scene.tweens.add({
      targets: this.trayGlow,
      alpha: 0.25,
      duration: 650,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
    });
  }

  /** Focus ring: keyboard focus (yellow), where a ticket comes from (blue), candidate targets show their key. */
  setFocus(kind: FocusKind, showKeys: boolean): void {
    if (kind === this.last.focus && showKeys === this.last.keys) return;
    this.last.focus = kind;
    this.last.keys = showKeys;
    if (kind === 'none') this.ring.setVisible(false);
    else this.ring.setTexture(this.ringTexture(kind)).setVisible(true);
    // Over the card (depth) when it dims it; a word says why nothing can go there.
    this.ring.setDepth(kind === 'cannot' ? 15 : 0);
    if (kind === 'cannot' && !this.cannot) {
      const c = centre(this.rect);
      this.cannot = this.scene.add
        .text(c.x, c.y, "can't do this", style(30, { bold: true, color: '#ffffff' }))
        .setOrigin(0.5)
        .setBackgroundColor('#5a1e00')
        .setPadding(12, 6, 12, 6)
        .setDepth(16);
    }
    this.cannot?.setVisible(kind === 'cannot');
    this.keyBadge.setBackgroundColor(showKeys ? '#ffe066' : '#c3d0dd').setScale(showKeys ? 1.25 : 1);
  }
}
