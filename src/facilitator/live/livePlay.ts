/**
 * What the play scene does differently in live facilitation, behind a handful of hook lines:
 *
 *  - presenter (facilitator mode): publishes the run to projector windows after every frame and shows
 *    the control bar (./presenterBar.ts);
 *  - audience window: the board shows the follower's replica, takes no input, and stays on the last
 *    frame when the level ends (the room sees the results and debrief only as the presenter reveals them).
 */
import Phaser from 'phaser';
import type { LivePlayContext, PlayLive } from '../../game/hooks';
import type { Sim } from '../../sim/types';
import type { AudienceController } from './audience';
import { getLiveHub } from './liveHub';
import { mountPresenterBar } from './presenterBar';
import { hideRevealStrip, showRevealStrip } from './presenterBarReveal';
import { isProjector } from './projector';
import { HUD_BUTTONS } from '../../game/play/Hud';
import { SCENES } from '../../game/scenes/common';
import { NOTHING_REVEALED } from './sync';
import { TOP_BAR } from '../../game/play/layout';

export type { LivePlayContext, PlayLive };

/**
 * Null when this is neither a presenter nor an audience window. `fallback` is the scene's own sim;
 * `audience` is this window's audience controller, when it is a projector window.
 */
export function attachLive(
  scene: Phaser.Scene,
  ctx: LivePlayContext,
  fallback: () => Sim,
  audience: AudienceController | null,
): PlayLive | null {
  if (audience && ctx.audience) {
    if (scene.input) scene.input.enabled = false;
    if (scene.input?.keyboard) scene.input.keyboard.enabled = false;
    const sim = audience.playSim(fallback());
    const speedLabel = coverHudButtons(scene);
    let shown = '';
    const onPre = (_t: number, delta: number) => {
      audience.frame(Math.min(0.25, Math.max(0, delta / 1000)));
      const i = audience.info();
      const text = i.paused ? 'Paused' : `Speed ${i.speed}x`;
      if (text !== shown) speedLabel.setText((shown = text));
    };
    scene.events.on(Phaser.Scenes.Events.PRE_UPDATE, onPre);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      scene.events.off(Phaser.Scenes.Events.PRE_UPDATE, onPre),
    );
    return {
      audience: true,
      sim,
      hint: () => '',
      keyHints: () => false,
      banner: (text) =>
        text === '' ? '' : audience.info().connected ? 'Paused' : 'Waiting for the facilitator…',
      finish: () => true,
    };
  }
  const { store } = ctx;
  if (!store.getState().settings.facilitator) return null;
  const hub = getLiveHub();
  let ended = false;
  const st = store.getState();
  const at = { speed: st.speed === 0 ? st.lastSpeed : st.speed, paused: st.speed === 0 };
  const played = hub.roundStarted(ctx.level, ctx.levelId, ctx.seed, fallback(), performance.now(), at);
  hideRevealStrip();
  // Read the new parent size first: refresh() alone fits to the old one, and then never looks again.
  const refit = () => {
    scene.scale.getParentBounds();
    scene.scale.refresh();
  };
  const bar = mountPresenterBar({
    ...ctx,
    hub,
    isEnded: () => ended,
    silence: (on) => ctx.audio?.setSilenced(on),
    refit,
  });
  const onPost = () => {
    if (ended) return;
    const speed = store.getState().speed;
    hub.frame(ctx.sim(), speed === 0 ? store.getState().lastSpeed : speed, speed === 0, performance.now());
  };
  scene.events.on(Phaser.Scenes.Events.POST_UPDATE, onPost);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    scene.events.off(Phaser.Scenes.Events.POST_UPDATE, onPost);
    bar.destroy();
    if (!ended) hub.left();
  });
  const projector = () => isProjector(store.getState().settings);
  return {
    audience: false,
    sim: played,
    hint: (text) => (projector() ? '' : text),
    keyHints: () => !projector(),
    banner: (text) => (projector() && text.startsWith('Paused') ? 'Paused' : text),
    finish(sim) {
      ended = true;
      hub.roundEnded(sim, performance.now());
      // The strip (and what the room sees of this round) lasts while the results and their debrief do:
      // back on the title, the level list or a briefing it goes, and the room waits for the next round.
      const game = scene.game;
      const leftResults = () => AFTER_RESULTS.some((k) => game.scene.isActive(k));
      showRevealStrip(
        hub,
        ctx.level.texts.debriefQuestions.length,
        refit,
        () => store.getState().settings.facilitator && !leftResults(),
        () => hub.reveal({ ...NOTHING_REVEALED }),
      );
      return false;
    },
  };
}

/** The screens that mean the facilitator has left a round's results (and its debrief). */
const AFTER_RESULTS = [SCENES.title, SCENES.select, SCENES.briefing] as const;

/** Room the cover leaves around a button for its outline (3 points wide, drawn on the edge). */
const COVER_MARGIN = 6;

/**
 * The projector shows no buttons a participant would press: the speed buttons and Menu in the top bar
 * are covered (the speed area says how fast the facilitator's game runs instead). Where they are comes
 * from Hud.ts itself (HUD_BUTTONS), so a wider button is covered too.
 */
function coverHudButtons(scene: Phaser.Scene): Phaser.GameObjects.Text {
  const g = scene.add.graphics().setDepth(52);
  g.fillStyle(0x08131f, 1);
  // The whole bar's height above its bottom line, so nothing of a button shows above or below.
  for (const r of [HUD_BUTTONS.speeds, HUD_BUTTONS.menu])
    g.fillRect(r.x - COVER_MARGIN, TOP_BAR.y, r.w + 2 * COVER_MARGIN, TOP_BAR.h - 2);
  const speeds = HUD_BUTTONS.speeds;
  return scene.add
    .text(speeds.x + speeds.w / 2, speeds.y + speeds.h / 2, '', {
      fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
      fontSize: '34px',
      fontStyle: 'bold',
      color: '#ffe066',
    })
    .setOrigin(0.5)
    .setDepth(53);
}
