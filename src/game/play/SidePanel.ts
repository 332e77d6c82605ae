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
import { BOARD_COLOURS } from './playTheme';
import { askText, formatClock } from './rippleText';
import { TEX } from './textures';
import { bakedShape, PlayButton, style } from './ui';

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
  private readonly careBtns: Array<{ c: Care; b: PlayButton }> = [];
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
    const types = level.workTypes;
    const compact = types.length > 5;
    // Journeys wrap onto more lines (at 80% size) instead of running past the panel; rows grow to fit.
    const room = w - 84;
    const made: Phaser.GameObjects.GameObject[] = [];
    let ry = y + 50;
    // One size for all the names, and one for all the journeys: if one journey has to wrap at 80%,
    // they all show at 80%, so no row looks more important than another.
    const names = types.map((wt) =>
      scene.add.text(x + 70, 0, wt.name, style(26, { bold: true })).setOrigin(0, 0),
    );
    const nameScale = names.reduce((m, n) => Math.min(m, room / n.width), 1);
    const journeys = types.map((wt) =>
      scene.add
        .text(x + 70, 0, journeyWords(level, wt.id), style(24, { color: BOARD_COLOURS.dim }))
        .setOrigin(0, 0),
    );
    const wraps = journeys.some((j) => j.width > room);
    let jScale = wraps ? 0.8 : 1;
    for (const j of journeys) {
      if (wraps) j.setWordWrapWidth(room / 0.8, false);
      jScale = Math.min(jScale, room / j.width);
    }
    types.forEach((wt, i) => {
      const icon = scene.add.image(x + 36, 0, TEX.tokens, wt.id).setScale(0.8);
      const name = names[i]!.setY(ry + 4).setScale(nameScale);
      const j = journeys[i]!.setY(ry + 4 + name.displayHeight + 2).setScale(jScale);
      const rowH = Math.max(compact ? 58 : 74, name.displayHeight + j.displayHeight + 12);
      icon.setY(ry + rowH / 2);
      made.push(icon, name, j);
      ry += rowH;
    });
    const legendH = ry - y + 6;
    panel(legendH);
    for (const o of made) scene.children.bringToTop(o);
    scene.add.text(x + 16, y + 26, 'Work types and their steps', style(26, { bold: true })).setOrigin(0, 0.5);
    y += legendH + 12;

    if (careIsChosen(level.actions)) {
      panel(134);
      scene.add
        .text(x + 16, y + 24, 'Notes for your next handoff', style(26, { bold: true }))
        .setOrigin(0, 0.5);
      const opts: Array<{ c: Care; label: string }> = [
        { c: 'quick', label: 'Quick (Q)' },
        { c: 'thorough', label: 'Thorough (T)' },
      ];
      opts.forEach((o, i) => {
        const b = new PlayButton(scene, {
          x: x + 104 + i * 196,
          y: y + 70,
          w: 184,
          h: 50,
          px: 24,
          label: o.label,
          onClick: () => handlers.onCare(o.c),
        });
        this.careBtns.push({ c: o.c, b });
      });
      const help = scene.add
        .text(
          x + 16,
          y + 114,
          'Quick is faster now; thorough saves rework later.',
          style(24, { color: BOARD_COLOURS.dim }),
        )
        .setOrigin(0, 0.5);
      if (help.width > w - 28) help.setScale((w - 28) / help.width);
      y += 146;
    }

    if (level.internalRequests.length > 0) {
      const shown = level.internalRequests.slice(0, 3);
      const h = 44 + shown.length * 108;
      panel(h);
      scene.add.text(x + 16, y + 24, 'Requests between teams', style(26, { bold: true })).setOrigin(0, 0.5);
      const name = (id: string) => level.departments.find((d) => d.id === id)?.name ?? id;
      shown.forEach((r, i) => {
        const ry = y + 48 + i * 108;
        const title = scene.add.text(
          x + 16,
          ry,
          askText(name(r.from), name(r.to), r.title, r.from),
          style(24, { bold: true, wrap: w - 32 }),
        );
        if (title.height > 64) title.setScale(64 / title.height);
        const status = scene.add
          .text(x + 16, ry + 80, '', style(24, { color: BOARD_COLOURS.dim }))
          .setOrigin(0, 0.5);
        const grant = playerGrants(level.actions, r)
          ? new PlayButton(scene, {
              x: x + w - 80,
              y: ry + 80,
              w: 140,
              h: 44,
              px: 24,
              label: 'Grant (G)',
              onClick: () => handlers.onGrant(r.id),
            })
          : null;
        grant?.setVisible(false);
        this.reqs.push({ id: r.id, title, status, grant, key: '' });
      });
      y += h + 12;
    }
    this.bottom = y;
  }

  update(care: Care, requests: readonly RequestView[], now: number): void {
    if (care !== this.lastCare) {
      this.lastCare = care;
      for (const { c, b } of this.careBtns) b.setOn(c === care);
    }
    for (const row of this.reqs) {
      const r = requests.find((q) => q.id === row.id);
      const text = !r ? '' : this.statusText(r, now);
      const key = `${r?.status}|${text}`;
      if (key === row.key) continue;
      row.key = key;
      row.status.setText(text).setColor(r?.overdue ? '#ff7a3d' : BOARD_COLOURS.dim);
      row.grant?.setVisible(r?.status === 'open');
    }
  }

  private statusText(r: RequestView, now: number): string {
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
      case 'done':
        return '✔ done';
      case 'late':
        return 'late';
    }
  }
}
