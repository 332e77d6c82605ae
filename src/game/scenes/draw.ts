/** Drawing helpers for the shell: work-type shapes, stars, lock and warning icons, ripple backdrop. */
import Phaser from 'phaser';
import type { Settings } from '../../store/store';
import { GAME_HEIGHT, GAME_WIDTH, palette } from './theme';

export type ShapeName = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'star';

function polygon(x: number, y: number, r: number, n: number, rot: number): Phaser.Math.Vector2[] {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < n; i++) {
    const a = rot + (i * Math.PI * 2) / n;
    pts.push(new Phaser.Math.Vector2(x + Math.cos(a) * r, y + Math.sin(a) * r));
  }
  return pts;
}

function starPoints(x: number, y: number, r: number): Phaser.Math.Vector2[] {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.45;
    pts.push(new Phaser.Math.Vector2(x + Math.cos(a) * rr, y + Math.sin(a) * rr));
  }
  return pts;
}

/** Draws a work-type token shape, filled with `fill` and outlined with `edge`. */
export function drawShape(g: Phaser.GameObjects.Graphics, shape: ShapeName, x: number, y: number, r: number, fill: number, edge: number): void {
  g.fillStyle(fill, 1);
  g.lineStyle(3, edge, 1);
  switch (shape) {
    case 'circle':
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      return;
    case 'square':
      g.fillRect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      g.strokeRect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      return;
    case 'triangle': {
      const pts = polygon(x, y + r * 0.15, r * 1.1, 3, -Math.PI / 2);
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
      return;
    }
    case 'diamond': {
      const pts = polygon(x, y, r * 1.1, 4, -Math.PI / 2);
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
      return;
    }
    case 'hexagon': {
      const pts = polygon(x, y, r, 6, 0);
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
      return;
    }
    case 'star': {
      const pts = starPoints(x, y, r * 1.15);
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
      return;
    }
  }
}

/** A rating star: filled gold when earned, hollow outline when not. */
export function drawStar(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, filled: boolean, color: number): void {
  const pts = starPoints(x, y, r);
  if (filled) {
    g.fillStyle(color, 1);
    g.fillPoints(pts, true);
  }
  g.lineStyle(Math.max(3, r * 0.12), color, 1);
  g.strokePoints(pts, true);
}

export function drawStars(g: Phaser.GameObjects.Graphics, cx: number, y: number, r: number, earned: number, color: number): void {
  const gap = r * 2.5;
  for (let i = 0; i < 3; i++) drawStar(g, cx + (i - 1) * gap, y, r, i < earned, color);
}

/** A padlock icon centred at (x, y). */
export function drawLock(g: Phaser.GameObjects.Graphics, x: number, y: number, s: number, color: number): void {
  g.lineStyle(s * 0.16, color, 1);
  g.beginPath();
  g.arc(x, y - s * 0.15, s * 0.32, Math.PI, 0, false);
  g.strokePath();
  g.fillStyle(color, 1);
  g.fillRoundedRect(x - s * 0.48, y - s * 0.15, s * 0.96, s * 0.72, s * 0.1);
}

/** A warning triangle with an exclamation mark. */
export function drawWarning(g: Phaser.GameObjects.Graphics, x: number, y: number, s: number, color: number, mark: number): void {
  g.fillStyle(color, 1);
  g.fillTriangle(x, y - s * 0.55, x + s * 0.6, y + s * 0.45, x - s * 0.6, y + s * 0.45);
  g.fillStyle(mark, 1);
  g.fillRect(x - s * 0.06, y - s * 0.22, s * 0.12, s * 0.4);
  g.fillCircle(x, y + s * 0.3, s * 0.07);
}

/** Height of the band, at the game's top and at its bottom, over which the ripples fade out. */
const FADE_H = 150;

/**
 * The ripples fade out towards the game's top and bottom edges, into the page's own colour: on a
 * screen squarer than 16:9 (a 4:3 tablet) the page shows above and below the game, and rings cut off
 * there along a straight line looked broken (playtest 6). One small gradient, drawn once and stretched.
 */
function edgeFades(scene: Phaser.Scene, bgCss: string, depth: number): void {
  const key = `edge-fade:${bgCss}`;
  if (!scene.textures.exists(key)) {
    const tex = scene.textures.createCanvas(key, 2, 64);
    if (!tex) return;
    const ctx = tex.getContext();
    const grad = ctx.createLinearGradient(0, 0, 0, 64);
    grad.addColorStop(0, bgCss);
    grad.addColorStop(1, `${bgCss}00`);
    ctx.fillStyle = grad;
    ctx.fillRect(0, 0, 2, 64);
    tex.refresh();
  }
  scene.add.image(0, 0, key).setOrigin(0, 0).setDisplaySize(GAME_WIDTH, FADE_H).setDepth(depth);
  scene.add
    .image(0, GAME_HEIGHT - FADE_H, key)
    .setOrigin(0, 0)
    .setDisplaySize(GAME_WIDTH, FADE_H)
    .setFlipY(true)
    .setDepth(depth);
}

/**
 * Calm ripple rings spreading from a few points. Static (drawn once) when reduced motion is on.
 * Returns the graphics object; the scene keeps it behind everything else.
 */
export function rippleBackdrop(scene: Phaser.Scene, settings: Settings): Phaser.GameObjects.Graphics {
  const pal = palette(settings);
  const g = scene.add.graphics().setDepth(-10);
  const sources = [
    { x: GAME_WIDTH * 0.18, y: GAME_HEIGHT * 0.78, phase: 0 },
    { x: GAME_WIDTH * 0.84, y: GAME_HEIGHT * 0.24, phase: 0.35 },
    { x: GAME_WIDTH * 0.62, y: GAME_HEIGHT * 0.92, phase: 0.7 },
  ];
  const period = 9000;
  const rings = 4;
  const maxR = 760;
  const draw = (ms: number) => {
    g.clear();
    for (const s of sources) {
      for (let k = 0; k < rings; k++) {
        const p = (ms / period + s.phase + k / rings) % 1;
        const alpha = 0.38 * Math.sin(Math.PI * p);
        g.lineStyle(3, pal.ripple, alpha);
        g.strokeCircle(s.x, s.y, 30 + p * maxR);
      }
    }
  };
  draw(2400);
  edgeFades(scene, pal.bgCss, -9);
  if (!settings.reducedMotion) {
    const onUpdate = (time: number) => draw(time);
    scene.events.on(Phaser.Scenes.Events.UPDATE, onUpdate);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => scene.events.off(Phaser.Scenes.Events.UPDATE, onUpdate));
  }
  return g;
}
