/**
 * Right-hand panel: the legend of work types (shape, name, journey), the notes choice for the next
 * handoff (when the level lets the player choose), and the internal requests with a Grant button.
 */
import type Phaser from 'phaser';
import type { Level } from '../../level/schema';
import { careIsChosen, playerGrants } from '../../sim/index';
import type { Care, RequestView } from '../../sim/types';
import { SIDEBAR } from './layout';
import { journeyWords } from './boardModel';
import { BOARD_COLOURS, skillWords } from './playTheme';
import { askText, formatClock } from './rippleText';
import { TEX } from './textures';
import { bakedShape, CARE_MARK, careMarkTexture, PlayButton, shrinkTo, style } from './ui';

export interface SideHandlers {
  onCare(c: Care): void;
  onGrant(id: string): void;
}

interface ReqRow {
  id: string;
  title: Phaser.GameObjects.Text;
  status: Phaser.GameObjects.Text;
  grant: PlayButton | null;
  key: string;
}

export class SidePanel {
  private readonly careBtns: Array<{ c: Care; b: PlayButton; label: string }> = [];
  private keyHints = true;
  private readonly reqs: ReqRow[] = [];
  private lastCare: Care | null = null;
  /** Bottom of what the panel uses; toasts go below. */
  readonly bottom: number;

  constructor(
    scene: Phaser.Scene,
    private readonly level: Level,
    handlers: SideHandlers,
  ) {
    const x = SIDEBAR.x;
    const w = SIDEBAR.w;
    let y = SIDEBAR.y;
    const panel = (h: number) =>
      bakedShape(scene, 'side-panel', x, y, w, h, (g) => {
        g.fillStyle(0x132638, 1).fillRoundedRect(0, 0, w, h, 16);
        g.lineStyle(3, 0x4a6a8c, 1).strokeRoundedRect(0, 0, w, h, 16);
      });
    // What goes below the legend is made first, so the legend knows its room: the notes' two help lines
    // and the requests' titles (placed once the legend's height is known).
    const helpX = x + 16 + CARE_MARK + 8;
    let help = careIsChosen(level.actions)
      ? (['quick', 'thorough'] as const).map((c) => ({
          mark: scene.add.image(x + 16 + CARE_MARK / 2, 0, careMarkTexture(scene, c)),
          text: scene.add
            .text(helpX, 0, c === 'quick' ? 'Quick: faster for you now.' : 'Thorough: less rework later.', style(27, { color: BOARD_COLOURS.dim, wrap: x + w - 10 - helpX }))
            .setOrigin(0, 0),
        }))
      : [];
    const helpH = () => help.reduce((a, l) => a + Math.max(CARE_MARK + 2, l.text.height), 0);
    const careH = () => (careIsChosen(level.actions) ? 40 + 62 + helpH() + 10 + 10 : 0);
    const shownReqs = level.internalRequests.slice(0, 3);
    const deptName = (id: string) => level.departments.find((d) => d.id === id)?.name ?? id;
    const reqRows = shownReqs.map((r) => ({
      r,
      title: scene.add.text(0, 0, askText(deptName(r.from), deptName(r.to), r.title, r.from), style(27, { bold: true, wrap: w - 32 })),
    }));
    const reqH = reqRows.length > 0 ? 40 + reqRows.reduce((a, q) => a + q.title.height + 50, 0) + 10 : 0;
    // The legend in full when it leaves room for the rest above the bottom bar; else without its
    // branches, then without the notes' help lines too, then by name alone (the briefing has the rest).
    const types = level.workTypes;
    const plain = (id: string) =>
      (types.find((t) => t.id === id)?.journey ?? []).map((st) => skillWords(st.skill, level.skillNames)).join(' › ');
    const tries: Array<{ words: ((id: string) => string) | null; help: boolean }> = [
      { words: (id) => journeyWords(level, id), help: true },
      { words: plain, help: true },
      { words: plain, help: false },
      { words: null, help: false },
    ];
    // Nothing here is drawn below the smallest readable size: long words wrap onto more lines instead.
    const room = w - 58 - 12;
    let made: Phaser.GameObjects.GameObject[] = [];
    let ry = y + 44;
    for (const [n, t] of tries.entries()) {
      if (!t.help && help.length > 0) {
        for (const l of help) {
          l.mark.destroy();
          l.text.destroy();
        }
        help = [];
      }
      for (const o of made) o.destroy();
      made = [];
      ry = y + 44;
      types.forEach((wt) => {
        const icon = scene.add.image(x + 30, 0, TEX.tokens, wt.id).setScale(0.7);
        const name = scene.add.text(x + 58, ry, wt.name, style(27, { bold: true })).setOrigin(0, 0);
        shrinkTo(name, room);
        made.push(icon, name);
        let rowH = Math.max(48, name.displayHeight + 6);
        if (t.words) {
          const j = scene.add.text(x + 58, ry, t.words(wt.id), style(27, { color: BOARD_COLOURS.dim })).setOrigin(0, 0);
          // On the name's line when both fit ("Question  reply"), else below it, wrapped.
          if (name.displayWidth + 14 + j.width <= room) j.setX(x + 58 + name.displayWidth + 14);
          else j.setY(ry + name.displayHeight).setWordWrapWidth(room, true);
          rowH = Math.max(48, j.y + j.displayHeight - ry + 6);
          made.push(j);
        }
        icon.setY(ry + Math.min(rowH, 48) / 2 + 2);
        ry += rowH;
      });
      const fits = ry + 6 + 10 + careH() + reqH <= SIDEBAR.y + SIDEBAR.h + 10;
      if (fits || n === tries.length - 1) break;
    }
    const legendH = ry - y + 6;
    panel(legendH);
    for (const o of made) scene.children.bringToTop(o);
    scene.add.text(x + 16, y + 22, 'Work and its steps', style(27, { bold: true })).setOrigin(0, 0.5);
    y += legendH + 10;

    if (careIsChosen(level.actions)) {
      // The one notes control: the choice lit here goes with every ticket the player sends.
      // What each choice does, each beside the mark a ticket sent with it carries on the board.
      const h = 40 + 62 + helpH() + 10;
      panel(h);
      let hy = y + 102;
      for (const l of help) {
        scene.children.bringToTop(l.mark);
        scene.children.bringToTop(l.text);
        const lh = Math.max(CARE_MARK + 2, l.text.height);
        l.text.setY(hy + (lh - l.text.height) / 2);
        l.mark.setY(hy + lh / 2);
        hy += lh;
      }
      scene.add.text(x + 16, y + 22, 'Notes on what you send', style(27, { bold: true })).setOrigin(0, 0.5);
      const opts: Array<{ c: Care; label: string }> = [
        { c: 'quick', label: 'Quick (Q)' },
        { c: 'thorough', label: 'Thorough (T)' },
      ];
      opts.forEach((o, i) => {
        const b = new PlayButton(scene, {
          x: x + 104 + i * 196,
          y: y + 70,
          w: 188,
          h: 52,
          px: 27,
          label: o.label,
          onClick: () => handlers.onCare(o.c),
        });
        this.careBtns.push({ c: o.c, b, label: o.label });
      });
      y += h + 10;
    }

    if (reqRows.length > 0) {
      const rows = reqRows;
      const h = 40 + rows.reduce((a, q) => a + q.title.height + 50, 0);
      panel(h);
      scene.add.text(x + 16, y + 22, 'Requests between teams', style(27, { bold: true })).setOrigin(0, 0.5);
      let qy = y + 42;
      for (const { r, title } of rows) {
        scene.children.bringToTop(title);
        title.setPosition(x + 16, qy);
        const sy = qy + title.height + 22;
        const status = scene.add.text(x + 16, sy, '', style(27, { color: BOARD_COLOURS.dim })).setOrigin(0, 0.5);
        const grant = playerGrants(level.actions, r)
          ? new PlayButton(scene, {
              x: x + w - 88,
              y: sy,
              w: 160,
              h: 44,
              px: 27,
              label: 'Grant (G)',
              onClick: () => handlers.onGrant(r.id),
            })
          : null;
        grant?.setVisible(false);
        this.reqs.push({ id: r.id, title, status, grant, key: '' });
        qy += title.height + 50;
      }
      y += h + 10;
    }
    this.bottom = y;
  }

  /** "Quick (Q)" or, in projector mode, "Quick": switched at once. */
  setKeyHints(on: boolean): void {
    if (on === this.keyHints) return;
    this.keyHints = on;
    for (const { b, label } of this.careBtns) b.setLabel(on ? label : label.replace(/ \([^)]*\)$/, ''));
  }

  update(care: Care, requests: readonly RequestView[], now: number): void {
    if (care !== this.lastCare) {
      this.lastCare = care;
      for (const { c, b } of this.careBtns) b.setOn(c === care);
    }
    for (const row of this.reqs) {
      const r = requests.find((q) => q.id === row.id);
      const words = !r ? '' : this.statusText(r, now);
      const key = `${r?.status}|${String(words)}`;
      if (key === row.key) continue;
      row.key = key;
      const tries = typeof words === 'string' ? [words] : words;
      for (const t of tries) if (row.status.setText(t).width <= SIDEBAR.w - 32) break;
      row.status.setColor(r?.overdue ? '#ff7a3d' : BOARD_COLOURS.dim);
      row.grant?.setVisible(r?.status === 'open');
    }
  }

  /** The request's status, or its words longest first (the row shows the first that fits). */
  private statusText(r: RequestView, now: number): string | string[] {
    switch (r.status) {
      case 'pending':
        return 'not asked yet';
      case 'open':
        return r.dueAt !== null
          ? r.overdue
            ? 'late: waiting'
            : `due in ${formatClock(r.dueAt - now)}`
          : 'waiting';
      case 'granted':
      case 'inProgress':
        return r.overdue ? 'late: being done' : 'being done';
      case 'done': {
        // A hire is done when HR has found the people; they start at the desk that asked a little later.
        const e = this.level.internalRequests.find((q) => q.id === r.id)?.effect;
        const from = this.level.internalRequests.find((q) => q.id === r.id)?.from ?? '';
        const starts = e?.kind === 'hire' && r.doneAt !== null ? r.doneAt + e.rampSeconds : -Infinity;
        if (e?.kind === 'hire' && now < starts) {
          const at = this.level.departments.find((d) => d.id === from)?.name ?? from;
          return [`✔ ${e.staff} start at ${at} in ${formatClock(starts - now)}`, `✔ ${e.staff} start in ${formatClock(starts - now)}`];
        }
        return '✔ done';
      }
      case 'late':
        return 'late';
    }
  }
}
