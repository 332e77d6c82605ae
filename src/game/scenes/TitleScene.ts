/** Title: name, one-line pitch, Play / Settings / Load a level file, and the facilitator switch. */
import Phaser from 'phaser';
import { getApp } from '../context';
import { shell } from '../shell';
import { loadLogo } from './BootScene';
import { click, messageBox, paintBackground, SCENES, settings, shellMessages } from './common';
import { restartScene, startScene } from './sceneData';
import { rippleBackdrop } from './draw';
import { GAME_HEIGHT, GAME_WIDTH, palette, textStyle } from './theme';
import { Button, FocusGroup } from './widgets';
import { SESSION_KEY_LABEL } from '../hooks';
import { touchOnly } from '../../ui/inputKind';

export const PITCH =
  'Everyone who waits on your work is your customer. Pass the work on well, and see how each handoff reaches the people outside.';

export class TitleScene extends Phaser.Scene {
  constructor() {
    super(SCENES.title);
  }

  /** The game may start here, without boot (main.ts): the logo then comes with the title. */
  preload(): void {
    loadLogo(this);
  }

  create(): void {
    const app = getApp();
    app.store.getState().go('title', null);
    app.audio?.stopAmbient();
    paintBackground(this);
    const s = settings();
    const pal = palette(s);
    rippleBackdrop(this, s);

    // Read first: a kept game that cannot be resumed becomes one of the messages below.
    const kept = app.hooks.kept.offer();
    const cx = GAME_WIDTH / 2;
    // A touch-only device (no mouse, no keyboard seen) is given no key hints: the facilitators' switch
    // is a small button of its own at the bottom instead of "press F".
    const touch = touchOnly();
    const facilitator = s.facilitator
      ? `Facilitator mode is on: every level is open (F to turn off)  ·  ${SESSION_KEY_LABEL}: session and rounds`
      : 'Facilitators: press F to open every level.';
    const keyLine = `Enter: ${kept ? 'resume' : 'play'}  ·  S: settings  ·  L: load a level file (or drop a .json file anywhere here)\n${facilitator}`;
    const touchLine = s.facilitator ? 'Facilitator mode is on: every level is open.' : '';
    const hint = this.add
      .text(
        cx,
        GAME_HEIGHT - 40,
        touch ? touchLine : keyLine,
        textStyle(s, 'small', { color: pal.textDim, align: 'center', wrap: 1800 }),
      )
      .setOrigin(0.5, 1);
    let facButton: Button | null = null;
    if (touch) {
      const label = s.facilitator ? 'Turn facilitator mode off' : 'For facilitators: open every level';
      facButton = new Button(this, s, {
        x: cx,
        y: 0,
        width: 720,
        height: 72,
        label,
        size: 'small',
        onActivate: () => this.toggleFacilitator(),
        onHover: () => facButton && focus.focusOf(facButton),
      });
      const fb = facButton.container;
      fb.setY((touchLine ? hint.y - hint.height - 16 : GAME_HEIGHT - 24) - fb.height / 2);
    }
    const hintTop = facButton ? facButton.container.y - facButton.container.height / 2 : hint.y - hint.height;
    const msgH = messageBox(this, shellMessages(), 28);
    const top = msgH > 0 ? 28 + msgH + 24 : 70;
    const bottom = hintTop - 24;

    // Everything between the messages and the key hints, built at y = 0 and scaled to fit.
    const block = this.add.container(cx, top);
    let y = 0;
    if (this.textures.exists('logo')) {
      block.add(this.add.image(0, 75, 'logo').setDisplaySize(150, 150));
      y = 170;
    }
    const title = this.add.text(0, y, 'Ripple Effect', textStyle(s, 'title')).setOrigin(0.5, 0);
    y += title.height + 20;
    const pitch = this.add
      .text(0, y, PITCH, textStyle(s, 'sub', { color: pal.textDim, wrap: 1400, align: 'center' }))
      .setOrigin(0.5, 0);
    y += pitch.height + 70;
    block.add([title, pitch]);
    if (kept) {
      const whose = kept.team ? `${kept.team}'s round of ` : '';
      const line = this.add
        .text(
          0,
          y,
          `A game was left in progress: ${whose}${kept.levelTitle}, with ${kept.left} left on its clock.`,
          textStyle(s, 'body', { wrap: 1400, align: 'center' }),
        )
        .setOrigin(0.5, 0);
      block.add(line);
      y += line.height + 24;
    }

    const focus = new FocusGroup(this, {
      keys: {
        s: () => this.openSettings(),
        f: () => this.toggleFacilitator(),
        l: () => this.loadFile(),
        ...(s.facilitator
          ? { [SESSION_KEY_LABEL.toLowerCase()]: () => getApp().hooks.facilitator.openSession() }
          : {}),
      },
    });
    const bw = 600;
    const bh = 96;
    const play = new Button(this, s, {
      x: 0,
      y: 0,
      width: bw,
      height: bh,
      label: 'Play',
      primary: !kept,
      size: 'heading',
      onActivate: () => {
        click();
        startScene(this.scene, SCENES.select);
      },
      onHover: () => focus.focusOf(play),
    });
    const settingsBtn = new Button(this, s, {
      x: 0,
      y: 0,
      width: bw,
      height: bh,
      label: 'Settings',
      onActivate: () => this.openSettings(),
      onHover: () => focus.focusOf(settingsBtn),
    });
    const load = new Button(this, s, {
      x: 0,
      y: 0,
      width: bw,
      height: bh,
      label: 'Load a level file',
      onActivate: () => this.loadFile(),
      onHover: () => focus.focusOf(load),
    });
    const buttons = [play, settingsBtn, load];
    const resumeRow: Button[] = [];
    if (kept) {
      // One row: resume (first, the default) and discard.
      const resume: Button = new Button(this, s, {
        x: -162,
        y: 0,
        width: 720,
        height: bh,
        label: `Resume with ${kept.left} left`,
        primary: true,
        size: 'heading',
        onActivate: () => this.resumeKept(),
        onHover: () => focus.focusOf(resume),
      });
      const discard: Button = new Button(this, s, {
        x: 372,
        y: 0,
        width: 300,
        height: bh,
        label: 'Discard it',
        onActivate: () => this.discardKept(),
        onHover: () => focus.focusOf(discard),
      });
      // Side by side and centred on their real widths (large text grows a button).
      const rw = resume.container.width;
      const dw = discard.container.width;
      const row = rw + 24 + dw;
      resume.container.setX(-row / 2 + rw / 2);
      discard.container.setX(row / 2 - dw / 2);
      for (const b of [resume, discard]) b.container.setY(y + bh / 2);
      y += bh + 32;
      resumeRow.push(resume, discard);
      block.add(resumeRow.map((b) => b.container));
    }
    if (s.facilitator) {
      const session: Button = new Button(this, s, {
        x: 0,
        y: 0,
        width: bw,
        height: bh,
        label: `Session (${SESSION_KEY_LABEL})`,
        onActivate: () => getApp().hooks.facilitator.openSession(),
        onHover: () => focus.focusOf(session),
      });
      buttons.push(session);
    }
    for (const b of buttons) {
      b.container.setY(y + b.height / 2);
      y += b.height + 32;
    }
    block.add(buttons.map((b) => b.container));
    const k = Math.min(1, (bottom - top) / y);
    block.setScale(k);
    if (k === 1) block.setY(top + (bottom - top - y) / 2);
    focus.setItems([...resumeRow, ...buttons, ...(facButton ? [facButton] : [])]);
  }

  private busy = false;

  /** Rebuilds the kept game and starts its board; a problem comes back as a message on this screen. */
  private resumeKept(): void {
    if (this.busy) return;
    this.busy = true;
    click();
    void getApp()
      .hooks.kept.resume()
      .then((problem) => {
        this.busy = false;
        if (problem && this.scene.isActive()) restartScene(this.scene);
      });
  }

  private discardKept(): void {
    if (this.busy) return;
    this.busy = true;
    click();
    void getApp()
      .hooks.kept.discard()
      .then(() => {
        this.busy = false;
        if (this.scene.isActive()) restartScene(this.scene);
      });
  }

  private openSettings(): void {
    click();
    shell.openSettings?.();
  }

  private loadFile(): void {
    click();
    shell.pickFile?.();
  }

  private toggleFacilitator(): void {
    const st = getApp().store.getState();
    st.updateSettings({ facilitator: !st.settings.facilitator });
    click();
    restartScene(this.scene);
  }
}
