/**
 * What players read about each of their commands: the briefing's "How to play" line and the short
 * message when the level does not offer it. One entry per player command (a new command without its
 * words is a compile error); whether a level offers it comes from the sim's action table.
 */
import type { PerCommand } from '../contract/commands';
import type { PlayerCommandType } from '../sim/index';

export interface ControlLine {
  /** What to do with mouse or touch. */
  text: string;
  /** The keys for it, or '' when there is none. */
  keys: string;
}

export interface CommandWords {
  /** The briefing line, shown when the level offers the command. */
  howTo: ControlLine;
  /** Said on the board when a player tries it in a level that does not offer it. */
  notHere: string;
}

export const COMMAND_WORDS: PerCommand<CommandWords, { type: PlayerCommandType }> = {
  route: {
    howTo: {
      text: 'Send work on: click a ticket in a "Ready to send" tray, then the department that does its next step (or drag it there).',
      keys: 'Tab or arrows choose a department, Enter picks its ticket, 1-9 or Enter sends it',
    },
    notHere: 'In this level work moves on by itself',
  },
  setPolicy: {
    howTo: {
      text: 'Choose the notes that go with the tickets you send (the panel on the right shows your choice): quick saves you time, thorough saves the next desk rework.',
      keys: 'Q quick notes, T thorough notes',
    },
    notHere: 'Notes are not your choice in this level',
  },
  moveStaff: {
    howTo: { text: 'Move a person to a busier department.', keys: 'choose a department, then - and the place to go' },
    notHere: 'Moving people is not part of this level',
  },
  grant: {
    howTo: {
      text: 'Grant what colleagues ask of each other before it slows them down.',
      keys: 'G grants the oldest waiting request',
    },
    notHere: 'Granting requests is not part of this level',
  },
  prioritise: {
    howTo: {
      text: "Serve a customer first: click a desk's line, then the customer to move to its front.",
      keys: 'choose a department, then F',
    },
    notHere: 'Changing the order of a line is not part of this level',
  },
};
