/** A small board for the routing controller's tests: Tier 1 (tickets 7 and 8 ready), Billing and Tech. */
import type { BoardInfo, DeptInfo } from '../routingController';

export function board(
  over: Partial<BoardInfo> = {},
  outbox: Record<string, number[]> = { t1: [7, 8] },
): BoardInfo {
  const depts: DeptInfo[] = [
    { id: 't1', name: 'Tier 1', pos: { x: 0, y: 100 }, outbox: outbox.t1 ?? [], inbox: [3], care: 'quick' },
    {
      id: 'bill',
      name: 'Billing',
      pos: { x: 200, y: 0 },
      outbox: outbox.bill ?? [],
      inbox: [],
      care: 'quick',
    },
    {
      id: 'tech',
      name: 'Tech',
      pos: { x: 200, y: 200 },
      outbox: outbox.tech ?? [],
      inbox: [],
      care: 'quick',
    },
  ];
  return {
    depts,
    ticket: (id) => ({
      customer: id === 7 ? 'Dana' : 'Sam',
      workName: 'Billing issue',
      needs: 'billing fix',
      step: id === 8 ? 'Correct the bill' : '',
    }),
    actions: { route: true, handoffCare: false, moveStaff: false, reprioritise: false, grantRequests: false },
    care: 'quick',
    grantable: [],
    mostUpsetInLine: () => 3,
    canDo: () => true,
    deskNotes: true,
    ...over,
  };
}
