import { describe, expect, it } from 'vitest';
import { RoutingController } from './routingController';
import { board } from './testing/board';


const commands = (fx: ReturnType<RoutingController['key']>) => (fx ?? []).flatMap((f) => (f.type === 'command' ? [f.cmd] : []));

describe('keyboard routing', () => {
  it('Tab, Enter, a number: routes the first ready ticket', () => {
    const c = new RoutingController();
    const b = board();
    c.key('Tab', false, b);
    expect(c.focusDept()).toBe('t1');
    expect(c.hint(b)).toContain('press Enter');
    c.key('Enter', false, b);
    expect(c.pickedTicket()).toBe(7);
    expect(c.hint(b)).toBe("Where does Dana's billing issue go (needs: billing fix)? Press 1-3 or click a department. Escape cancels.");
    expect(commands(c.key('2', false, b))).toEqual([{ type: 'route', ticket: 7, to: 'bill' }]);
    expect(c.state).toEqual({ mode: 'source', dept: 't1' });
  });

  it('arrows choose the destination and Enter confirms; N picks the next ticket', () => {
    const c = new RoutingController();
    const b = board();
    c.key('Tab', false, b);
    c.key('Enter', false, b);
    c.key('n', false, b);
    expect(c.pickedTicket()).toBe(8);
    // Sam's step has the trainer's own label: the hint says it, and the skill that routes it.
    expect(c.hint(b)).toBe(
      "Where does Sam's billing issue go (next: Correct the bill, needs billing fix)? Press 1-3 or click a department. Escape cancels.",
    );
    c.key('ArrowRight', false, b);
    expect(c.focusDept()).not.toBeNull();
    const dest = c.focusDept();
    expect(commands(c.key('Enter', false, b))).toEqual([{ type: 'route', ticket: 8, to: dest }]);
  });

  it('Escape steps back, and twice from idle asks to leave', () => {
    const c = new RoutingController();
    const b = board();
    c.key('Tab', false, b);
    c.key('Enter', false, b);
    c.key('Escape', false, b);
    expect(c.state.mode).toBe('source');
    c.key('Escape', false, b);
    expect(c.state.mode).toBe('idle');
    c.key('Escape', false, b);
    expect(c.state.mode).toBe('quit');
    expect(c.key('Enter', false, b)).toEqual([{ type: 'quit' }]);
    // The Menu button asks the same question; Escape keeps playing.
    c.askQuit();
    expect(c.state.mode).toBe('quit');
    expect(c.key('Escape', false, b)).toEqual([]);
    expect(c.state.mode).toBe('idle');
  });

  it('digits are speeds unless a destination is being chosen; Space and P pause', () => {
    const c = new RoutingController();
    const b = board();
    expect(c.key('3', false, b)).toEqual([{ type: 'speed', speed: 4 }]);
    expect(c.key(' ', false, b)).toEqual([{ type: 'togglePause' }]);
    expect(c.key('P', false, b)).toEqual([{ type: 'togglePause' }]);
    expect(c.key('z', false, b)).toBeNull();
  });

  it('Enter on an empty tray says so', () => {
    const c = new RoutingController();
    const b = board({}, { t1: [] });
    c.key('Tab', false, b);
    const fx = c.key('Enter', false, b) ?? [];
    expect(fx.some((f) => f.type === 'message' && f.text.includes('Nothing is ready'))).toBe(true);
  });

  it('adds the chosen care when the level lets the player choose notes', () => {
    const c = new RoutingController();
    const b = board({ care: 'thorough', actions: { route: true, handoffCare: true, moveStaff: false, reprioritise: false, grantRequests: false } });
    expect(c.key('t', false, b)).toEqual([{ type: 'care', care: 'thorough' }]);
    c.key('Tab', false, b);
    c.key('Enter', false, b);
    expect(commands(c.key('3', false, b))).toEqual([{ type: 'route', ticket: 7, to: 'tech', care: 'thorough' }]);
  });

  it('staff, grant, policy and prioritise produce their commands only when enabled', () => {
    const off = board();
    const c = new RoutingController();
    c.key('Tab', false, off);
    expect(commands(c.key('-', false, off))).toEqual([]);
    const on = board({ grantable: ['laptops'], actions: { route: true, handoffCare: true, moveStaff: true, reprioritise: true, grantRequests: true } });
    expect(commands(c.key('g', false, on))).toEqual([{ type: 'grant', request: 'laptops' }]);
    expect(commands(c.key('l', false, on))).toEqual([{ type: 'setPolicy', department: 't1', care: 'thorough' }]);
    expect(commands(c.key('f', false, on))).toEqual([{ type: 'prioritise', department: 't1', ticket: 3 }]);
    c.key('-', false, on);
    expect(c.hint(on)).toContain('one person from Tier 1');
    expect(commands(c.key('3', false, on))).toEqual([{ type: 'moveStaff', from: 't1', to: 'tech' }]);
  });
});

describe('pointer routing', () => {
  it('click a ticket then a department, or drop it there', () => {
    const c = new RoutingController();
    const b = board();
    c.pick('t1', 8, b);
    expect(c.fromDept()).toBe('t1');
    expect(c.clickDept('bill', b)).toEqual([{ type: 'command', cmd: { type: 'route', ticket: 8, to: 'bill' } }]);
    expect(c.drop(7, 't1', 'tech', b)).toEqual([{ type: 'command', cmd: { type: 'route', ticket: 7, to: 'tech' } }]);
  });

  it('a send with the pointer leaves nothing chosen and gives the pointer help (a send by key keeps its desk)', () => {
    const b = board();
    for (const send of [
      (c: RoutingController) => c.drop(7, 't1', 'bill', b),
      (c: RoutingController) => (c.pick('t1', 7, b), c.clickDept('bill', b)),
    ]) {
      const c = new RoutingController();
      expect(commands(send(c))).toEqual([{ type: 'route', ticket: 7, to: 'bill' }]);
      expect(c.state).toEqual({ mode: 'idle' });
      expect(c.focusDept()).toBeNull();
      expect(c.hint(b)).toMatch(/^A ticket is ready at Tier 1: drag it onto/);
    }
    const k = new RoutingController();
    k.key('Tab', false, b);
    k.key('Enter', false, b);
    k.key('2', false, b);
    expect(k.focusDept()).toBe('t1');
  });

  it('a drop or click on a desk that cannot do the next step sends it, with a warning at once', () => {
    const b = board({ canDo: (dept) => dept !== 'tech' });
    const c = new RoutingController();
    const fx = c.drop(7, 't1', 'tech', b);
    expect(commands(fx)).toEqual([{ type: 'route', ticket: 7, to: 'tech' }]);
    expect(fx.filter((f) => f.type === 'warn')).toEqual([
      { type: 'warn', text: "Tech can't do billing fix: Dana's ticket will come back, and Dana waits longer" },
    ]);
    c.pick('t1', 8, b);
    expect(c.clickDept('tech', b).some((f) => f.type === 'warn')).toBe(true);
    c.pick('t1', 8, b);
    expect(c.clickDept('bill', b).some((f) => f.type === 'warn')).toBe(false);
  });

  it('forgets a picked ticket that left the tray', () => {
    const c = new RoutingController();
    c.pick('t1', 7, board());
    c.sync(board({}, { t1: [8] }));
    expect(c.state).toEqual({ mode: 'source', dept: 't1' });
  });
});

describe('a live table where each person holds one desk', () => {
  const notMine = (d: string) => (d === 'bill' ? null : `${d === 't1' ? 'Tier 1' : 'Tech'}'s work is for the person at ${d === 't1' ? 'Tier 1' : 'Tech'}.`);

  it("refuses a pick, a drag and Enter at another person's desk, and says whose it is", () => {
    const c = new RoutingController();
    const b = board({ notMine }, { t1: [7], bill: [9] });
    const said = (fx: ReturnType<RoutingController['pick']>) => fx.flatMap((f) => (f.type === 'message' ? [f.text] : []));
    expect(said(c.pick('t1', 7, b))).toEqual(["Tier 1's work is for the person at Tier 1."]);
    expect(c.pickedTicket()).toBeNull();
    expect(said(c.drop(7, 't1', 'bill', b))).toEqual(["Tier 1's work is for the person at Tier 1."]);
    expect(c.pickedTicket()).toBeNull();
    c.key('Tab', false, b);
    expect(c.focusDept()).toBe('t1');
    expect(c.hint(b)).toBe("Tier 1's work is for the person at Tier 1. Tab or arrows: another department.");
    expect(c.key('Enter', false, b)).toEqual([{ type: 'message', text: "Tier 1's work is for the person at Tier 1." }, { type: 'cue', name: 'invalid' }]);
    // Its own desk picks as in solo play.
    expect(said(c.pick('bill', 9, b))).toEqual([]);
    expect(c.pickedTicket()).toBe(9);
  });

  it("the bottom line points at this device's own ready tickets only", () => {
    const c = new RoutingController();
    expect(c.hint(board({ notMine }, { t1: [7] }))).toMatch(/^Customers arrive on the left/);
    expect(c.hint(board({ notMine }, { t1: [7], bill: [9] }))).toMatch(/^A ticket is ready at Billing: drag it/);
  });
});
