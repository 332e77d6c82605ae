/**
 * Textures drawn once per level with the 2D canvas: ticket tokens (one frame per work type and
 * letter, so a token is a single Image), mood faces, people, department icons and ripple effects.
 * Per-frame drawing then only moves Images around.
 */
import type Phaser from 'phaser';
import type { Level } from '../../level/schema';
import { BOARD_COLOURS, deptLook, MOOD_LOOK, inkFor, workColour, type IconName } from './playTheme';

/** Grey of a person who is away; yellow ring round a picked ticket. */
const AWAY_CSS = '#8795a3';
const PICK_CSS = '#ffe066';

/** 0x56b4e9 -> '56b4e9'. */
const hex6 = (colour: number): string => colour.toString(16).padStart(6, '0');

export const TEX = {
  tokens: 'play-tokens',
  faces: 'play-faces',
  people: 'play-people',
  icons: 'play-icons',
  fx: 'play-fx',
} as const;

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ?';
const CELL = 64;
const FONT = '"Segoe UI", "Noto Sans", Roboto, Arial, sans-serif';

type Shape = Level['workTypes'][number]['shape'];
type Ctx = CanvasRenderingContext2D;

export function tokenFrame(workType: string, letter: string): string {
  return `${workType}:${letter}`;
}

function shapePath(ctx: Ctx, shape: Shape, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  const poly = (pts: Array<[number, number]>) => {
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(cx + x, cy + y) : ctx.lineTo(cx + x, cy + y)));
    ctx.closePath();
  };
  switch (shape) {
    case 'circle':
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      break;
    case 'square':
      ctx.roundRect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8, 6);
      break;
    case 'triangle':
      poly([
        [0, -r * 1.15],
        [r * 1.15, r * 0.85],
        [-r * 1.15, r * 0.85],
      ]);
      break;
    case 'diamond':
      poly([
        [0, -r * 1.2],
        [r * 1.1, 0],
        [0, r * 1.2],
        [-r * 1.1, 0],
      ]);
      break;
    case 'hexagon':
      poly(
        Array.from(
          { length: 6 },
          (_, i) =>
            [Math.cos((i * Math.PI) / 3) * r * 1.05, Math.sin((i * Math.PI) / 3) * r * 1.05] as [
              number,
              number,
            ],
        ),
      );
      break;
    case 'star':
      poly(
        Array.from({ length: 10 }, (_, i) => {
          const a = -Math.PI / 2 + (i * Math.PI) / 5;
          const rr = i % 2 === 0 ? r * 1.25 : r * 0.62;
          return [Math.cos(a) * rr, Math.sin(a) * rr] as [number, number];
        }),
      );
      break;
  }
}

function makeCanvas(w: number, h: number): { canvas: HTMLCanvasElement; ctx: Ctx } {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  return { canvas, ctx };
}

function addSheet(
  scene: Phaser.Scene,
  key: string,
  canvas: HTMLCanvasElement,
  frames: string[],
  cols: number,
): void {
  if (scene.textures.exists(key)) scene.textures.remove(key);
  const tex = scene.textures.addCanvas(key, canvas);
  if (!tex) return;
  frames.forEach((f, i) => tex.add(f, 0, (i % cols) * CELL, Math.floor(i / cols) * CELL, CELL, CELL));
}

/** Draws one token: shape in the work colour, a dark and a light outline, and a letter. */
function drawToken(ctx: Ctx, shape: Shape, colour: number, letter: string, x: number, y: number): void {
  const cx = x + CELL / 2;
  const cy = y + CELL / 2;
  const css = `#${hex6(colour)}`;
  shapePath(ctx, shape, cx, cy, 22);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 7;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = css;
  ctx.fill();
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#0b1320';
  ctx.stroke();
  if (letter) {
    ctx.fillStyle = inkFor(colour);
    ctx.font = `bold ${shape === 'star' ? 20 : 26}px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(letter, cx, cy + (shape === 'triangle' ? 8 : 1));
  }
}

export function makeTokenSheet(scene: Phaser.Scene, level: Level): void {
  const cols = LETTERS.length + 1;
  const { canvas, ctx } = makeCanvas(cols * CELL, level.workTypes.length * CELL);
  const frames: string[] = [];
  level.workTypes.forEach((wt, row) => {
    const colour = workColour(level, row);
    drawToken(ctx, wt.shape, colour, '', 0, row * CELL);
    frames.push(wt.id);
    for (let i = 0; i < LETTERS.length; i++) {
      drawToken(ctx, wt.shape, colour, LETTERS[i]!, (i + 1) * CELL, row * CELL);
      frames.push(tokenFrame(wt.id, LETTERS[i]!));
    }
  });
  addSheet(scene, TEX.tokens, canvas, frames, cols);
}

/** Faces 0 happy .. 3 angry, plus 'gone'. */
export function makeFaceSheet(scene: Phaser.Scene): void {
  const { canvas, ctx } = makeCanvas(4 * CELL, CELL);
  MOOD_LOOK.forEach((m, i) => {
    const cx = i * CELL + 32;
    const cy = 32;
    ctx.beginPath();
    ctx.arc(cx, cy, 27, 0, Math.PI * 2);
    ctx.fillStyle = `#${hex6(m.colour)}`;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#0b1320';
    ctx.stroke();
    ctx.fillStyle = '#0b1320';
    for (const ex of [-9, 9]) {
      ctx.beginPath();
      ctx.arc(cx + ex, cy - 6, 3.5, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.beginPath();
    if (i === 0) ctx.arc(cx, cy + 2, 12, 0.15 * Math.PI, 0.85 * Math.PI);
    else if (i === 1) {
      ctx.moveTo(cx - 10, cy + 12);
      ctx.lineTo(cx + 10, cy + 12);
    } else ctx.arc(cx, cy + 22, 11, 1.2 * Math.PI, 1.8 * Math.PI);
    ctx.stroke();
    if (i === 3) {
      ctx.beginPath();
      ctx.moveTo(cx - 15, cy - 17);
      ctx.lineTo(cx - 4, cy - 11);
      ctx.moveTo(cx + 15, cy - 17);
      ctx.lineTo(cx + 4, cy - 11);
      ctx.stroke();
    }
  });
  addSheet(scene, TEX.faces, canvas, ['0', '1', '2', '3'], 4);
}

/** People: 'busy' (filled), 'idle' (hollow), white; 'away' (crossed), grey. */
export function makePeopleSheet(scene: Phaser.Scene): void {
  const { canvas, ctx } = makeCanvas(3 * CELL, CELL);
  ['busy', 'idle', 'away'].forEach((_, i) => {
    const cx = i * CELL + 32;
    ctx.lineWidth = 4;
    // Colours are drawn in, not tinted: the Canvas renderer ignores tint.
    ctx.strokeStyle = i === 2 ? AWAY_CSS : '#ffffff';
    ctx.fillStyle = i === 2 ? AWAY_CSS : '#ffffff';
    ctx.beginPath();
    ctx.arc(cx, 18, 10, 0, Math.PI * 2);
    if (i === 0) ctx.fill();
    else ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(cx - 19, 56);
    ctx.quadraticCurveTo(cx - 19, 32, cx, 32);
    ctx.quadraticCurveTo(cx + 19, 32, cx + 19, 56);
    ctx.closePath();
    if (i === 0) ctx.fill();
    else ctx.stroke();
    if (i === 2) {
      ctx.lineWidth = 5;
      ctx.beginPath();
      ctx.moveTo(cx - 24, 6);
      ctx.lineTo(cx + 24, 58);
      ctx.stroke();
    }
  });
  addSheet(scene, TEX.people, canvas, ['busy', 'idle', 'away'], 3);
}

function drawIcon(ctx: Ctx, icon: IconName, cx: number, cy: number, css = '#ffffff'): void {
  ctx.lineWidth = 5;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = css;
  ctx.fillStyle = css;
  ctx.beginPath();
  switch (icon) {
    case 'headset':
      ctx.arc(cx, cy + 2, 18, Math.PI, 0);
      ctx.stroke();
      ctx.fillRect(cx - 23, cy, 9, 15);
      ctx.fillRect(cx + 14, cy, 9, 15);
      ctx.beginPath();
      ctx.moveTo(cx + 18, cy + 15);
      ctx.quadraticCurveTo(cx + 16, cy + 24, cx + 4, cy + 24);
      ctx.stroke();
      break;
    case 'wrench':
      ctx.lineWidth = 8;
      ctx.moveTo(cx - 16, cy + 16);
      ctx.lineTo(cx + 8, cy - 8);
      ctx.stroke();
      ctx.lineWidth = 6;
      ctx.beginPath();
      ctx.arc(cx + 12, cy - 12, 10, Math.PI * 0.9, Math.PI * 2.6);
      ctx.stroke();
      break;
    case 'star':
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const r = i % 2 === 0 ? 24 : 11;
        if (i === 0) ctx.moveTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
        else ctx.lineTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
      }
      ctx.closePath();
      ctx.fill();
      break;
    case 'coins':
      for (const [dx, dy] of [
        [-8, 10],
        [8, 2],
        [-4, -10],
      ] as const) {
        ctx.beginPath();
        ctx.ellipse(cx + dx, cy + dy, 14, 7, 0, 0, Math.PI * 2);
        ctx.stroke();
      }
      break;
    case 'laptop':
      ctx.strokeRect(cx - 17, cy - 15, 34, 22);
      ctx.beginPath();
      ctx.moveTo(cx - 24, cy + 16);
      ctx.lineTo(cx + 24, cy + 16);
      ctx.stroke();
      break;
    case 'people':
      for (const dx of [-11, 11]) {
        ctx.beginPath();
        ctx.arc(cx + dx, cy - 9, 7, 0, Math.PI * 2);
        ctx.fill();
        ctx.beginPath();
        ctx.arc(cx + dx, cy + 16, 11, Math.PI, 0);
        ctx.fill();
      }
      break;
    case 'box':
      ctx.strokeRect(cx - 18, cy - 14, 36, 30);
      ctx.beginPath();
      ctx.moveTo(cx - 18, cy - 4);
      ctx.lineTo(cx + 18, cy - 4);
      ctx.moveTo(cx, cy - 14);
      ctx.lineTo(cx, cy - 4);
      ctx.stroke();
      break;
    case 'chart':
      ctx.fillRect(cx - 18, cy + 2, 8, 16);
      ctx.fillRect(cx - 4, cy - 8, 8, 26);
      ctx.fillRect(cx + 10, cy - 18, 8, 36);
      break;
    case 'shield':
      ctx.moveTo(cx, cy - 22);
      ctx.lineTo(cx + 18, cy - 14);
      ctx.quadraticCurveTo(cx + 18, cy + 12, cx, cy + 22);
      ctx.quadraticCurveTo(cx - 18, cy + 12, cx - 18, cy - 14);
      ctx.closePath();
      ctx.stroke();
      break;
    case 'building':
      ctx.strokeRect(cx - 16, cy - 20, 32, 40);
      for (const dy of [-12, -2, 8]) {
        ctx.fillRect(cx - 9, cy + dy, 6, 5);
        ctx.fillRect(cx + 3, cy + dy, 6, 5);
      }
      break;
    case 'cross':
      ctx.fillRect(cx - 7, cy - 21, 14, 42);
      ctx.fillRect(cx - 21, cy - 7, 42, 14);
      break;
    case 'bag':
      ctx.fillRect(cx - 17, cy - 6, 34, 26);
      ctx.beginPath();
      ctx.arc(cx, cy - 6, 10, Math.PI, 0);
      ctx.stroke();
      break;
    case 'truck':
      ctx.fillRect(cx - 22, cy - 12, 26, 20);
      ctx.fillRect(cx + 6, cy - 4, 14, 12);
      for (const dx of [-14, 12]) {
        ctx.beginPath();
        ctx.arc(cx + dx, cy + 13, 5, 0, Math.PI * 2);
        ctx.fill();
      }
      break;
    case 'civic':
      ctx.moveTo(cx - 22, cy - 10);
      ctx.lineTo(cx, cy - 22);
      ctx.lineTo(cx + 22, cy - 10);
      ctx.closePath();
      ctx.fill();
      for (const dx of [-18, -8, 2, 12]) ctx.fillRect(cx + dx, cy - 6, 6, 20);
      ctx.fillRect(cx - 22, cy + 15, 44, 5);
      break;
  }
}

/** Frame name of a department icon drawn in its colour, e.g. "headset:56b4e9". */
export function iconFrame(icon: IconName, colour: number): string {
  return `${icon}:${hex6(colour)}`;
}

/** One frame per icon and colour the level's departments use, drawn in that colour. */
export function makeIconSheet(scene: Phaser.Scene, level: Level): void {
  const looks = new Map<string, { icon: IconName; colour: number }>();
  for (const d of level.departments) {
    const look = deptLook(d);
    looks.set(iconFrame(look.icon, look.colour), look);
  }
  const names = [...looks.keys()];
  const { canvas, ctx } = makeCanvas(Math.max(1, names.length) * CELL, CELL);
  names.forEach((name, i) => {
    const { icon, colour } = looks.get(name)!;
    drawIcon(ctx, icon, i * CELL + 32, 32, `#${hex6(colour)}`);
  });
  addSheet(scene, TEX.icons, canvas, names, Math.max(1, names.length));
}

/** Ripple effects, drawn in their colours: 'ring' and 'pulse' for ripples, 'pick' for the picked ticket. */
export function makeFxSheet(scene: Phaser.Scene): void {
  const { canvas, ctx } = makeCanvas(3 * CELL, CELL);
  const ripple = `#${hex6(BOARD_COLOURS.ripple)}`;
  ctx.lineWidth = 5;
  ctx.strokeStyle = ripple;
  ctx.beginPath();
  ctx.arc(32, 32, 28, 0, Math.PI * 2);
  ctx.stroke();
  const [r, gr, b] = [
    (BOARD_COLOURS.ripple >> 16) & 255,
    (BOARD_COLOURS.ripple >> 8) & 255,
    BOARD_COLOURS.ripple & 255,
  ];
  const g = ctx.createRadialGradient(96, 32, 2, 96, 32, 30);
  g.addColorStop(0, `rgba(${r},${gr},${b},1)`);
  g.addColorStop(0.45, `rgba(${r},${gr},${b},0.85)`);
  g.addColorStop(1, `rgba(${r},${gr},${b},0)`);
  ctx.fillStyle = g;
  ctx.fillRect(64, 0, 64, 64);
  ctx.strokeStyle = PICK_CSS;
  ctx.beginPath();
  ctx.arc(160, 32, 28, 0, Math.PI * 2);
  ctx.stroke();
  addSheet(scene, TEX.fx, canvas, ['ring', 'pulse', 'pick'], 3);
}

export function makeAllTextures(scene: Phaser.Scene, level: Level): void {
  makeTokenSheet(scene, level);
  makeFaceSheet(scene);
  makePeopleSheet(scene);
  makeIconSheet(scene, level);
  makeFxSheet(scene);
}
