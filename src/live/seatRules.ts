/**
 * Whose work a command is, in a live session where each person of a table may hold one department
 * (the beer-game way). One rule for both sides: the room server refuses a command for a desk the
 * sender does not hold, and a table's device says so at once instead of waiting for the server.
 * Browser-safe: it reads the level and where a ticket is, nothing else.
 */
import type { Level } from '../level/schema';
import { COMMAND_RULES } from '../sim/actions';
import type { Command } from '../sim/types';

/**
 * The department a command acts for, which the sender's seat must hold; '' when it names nothing this
 * round knows (a ticket that left); null for the facilitator's own commands (live events, extra time),
 * which no table may send.
 */
export function commandDepartment(
  cmd: Command,
  level: Pick<Level, 'internalRequests'>,
  ticketDept: (ticket: number) => string | undefined,
): string | null {
  if (COMMAND_RULES[cmd.type].by === 'facilitator') return null;
  switch (cmd.type) {
    case 'route':
      return ticketDept(cmd.ticket) ?? '';
    case 'setPolicy':
    case 'prioritise':
      return cmd.department;
    case 'moveStaff':
      return cmd.from;
    case 'grant':
      return level.internalRequests.find((r) => r.id === cmd.request)?.to ?? '';
    case 'inject':
    case 'extend':
      return null;
  }
}

/** The words a device shows when its person tries another desk's work (at the pick, before any send). */
export function notYourDesk(deptName: string | null): string {
  return deptName
    ? `${deptName}'s work is for the person at ${deptName}.`
    : 'That desk\u2019s work is for the person who holds it.';
}
