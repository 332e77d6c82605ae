/**
 * The six-desk outpatient clinic a trainer wrote from the guide: long desk names, long skill lists, five
 * work types with long journeys, step labels and one branch. Shared by the browser tests that load it.
 */
// Column by column in the file; the board numbers them row by row.
export const positions = [
  { x: 17, y: 27 },
  { x: 17, y: 73 },
  { x: 50, y: 27 },
  { x: 50, y: 73 },
  { x: 83, y: 27 },
  { x: 83, y: 73 },
];
export const desks = [
  ['reception', 'Outpatient Reception', 'health', ['check-in', 'explain-results', 'book-follow-up']],
  ['triage', 'Triage and Assessment', 'health', ['assess', 'medication-review', 'explain-results']],
  ['lab', 'Laboratory Services', 'health', ['blood-test', 'urine-test', 'imaging-request']],
  ['pharmacy', 'Hospital Pharmacy Desk', 'retail', ['medication-review', 'dispense']],
  ['records', 'Medical Records Office', 'public', ['records-request', 'insurance-check']],
  ['transport', 'Patient Transport Team', 'logistics', ['arrange-transport']],
] as const;
export const skillsAll = [...new Set(desks.flatMap((d) => [...d[3]]))];

export function clinicLevel(): Record<string, unknown> {
  const step = (skill: string, label?: string) => (label ? { skill, label } : { skill });
  return {
    formatVersion: 1,
    id: 'long-clinic',
    title: 'A Very Busy Morning at the Outpatient Clinic',
    texts: {
      briefing: [
        'Patients arrive at Outpatient Reception and move between six desks before they can go home.',
        'Some need a blood test, some need their medication reviewed, some need transport home.',
      ],
      goal: 'Every patient leaves with their results explained and a follow-up booked.',
    },
    durationSeconds: 300,
    entry: 'reception',
    departments: desks.map(([id, name, role, skills], i) => ({
      id,
      name,
      role,
      position: positions[i],
      staff: 2,
      skills,
      serviceTime: Object.fromEntries(skills.map((s) => [s, 20])),
    })),
    workTypes: [
      {
        id: 'routine',
        name: 'Routine follow-up visit',
        shape: 'circle',
        journey: [
          step('check-in', 'Check the patient in'),
          {
            ...step('assess', 'Assess the symptoms'),
            then: [{ chance: 0.3, label: 'Needs a blood test', steps: [step('blood-test')] }],
          },
          step('explain-results'),
          step('book-follow-up'),
        ],
      },
      {
        id: 'medication',
        name: 'Medication review',
        shape: 'square',
        journey: [
          step('check-in'),
          step('medication-review'),
          step('dispense'),
          step('explain-results'),
          step('book-follow-up'),
        ],
      },
      {
        id: 'imaging',
        name: 'Imaging appointment',
        shape: 'triangle',
        journey: [
          step('check-in'),
          step('assess'),
          step('imaging-request'),
          step('records-request'),
          step('explain-results'),
        ],
      },
      {
        id: 'records',
        name: 'Records and insurance',
        shape: 'diamond',
        journey: [
          step('check-in'),
          step('records-request'),
          step('insurance-check'),
          step('explain-results'),
        ],
      },
      {
        id: 'transport',
        name: 'Transport home',
        shape: 'hexagon',
        journey: [step('check-in'), step('assess'), step('arrange-transport'), step('book-follow-up')],
      },
    ],
    arrivals: { ratePerMinute: 3 },
    skillNames: { 'insurance-check': 'Check insurance cover' },
    actions: { route: true },
    scoring: {
      targets: { meanResolutionSeconds: 200, p95ResolutionSeconds: 400, staffSecondsPerCustomer: 120 },
      stars: [40, 60, 80],
    },
  };
}

/**
 * Eight desks in two rows of four (the six above and two more), as the guide suggests: x 12, 37, 63, 88,
 * with every choice a player can make on the card (notes, serve first, moving people) and a sixth kind of
 * work for the two new desks: the fullest narrow card and the longest work list of the side panel.
 */
export const eightPositions = Array.from({ length: 8 }, (_, i) => ({
  x: [12, 37, 63, 88][Math.floor(i / 2)]!,
  y: i % 2 ? 73 : 27,
}));
export const eightNames = [...desks.map((d) => d[1] as string), 'Patient Billing Office', 'Help Desk'];

export function eightDeskLevel(): Record<string, unknown> {
  const level = clinicLevel() as { departments: Record<string, unknown>[] } & Record<string, unknown>;
  const more = [
    {
      id: 'billing',
      name: 'Patient Billing Office',
      role: 'billing',
      staff: 1,
      skills: ['insurance-check'],
      serviceTime: { 'insurance-check': 20 },
    },
    {
      id: 'help',
      name: 'Help Desk',
      role: 'frontline',
      staff: 1,
      skills: ['check-in'],
      serviceTime: { 'check-in': 20 },
    },
  ];
  const departments = [...level.departments, ...more].map((d, i) => ({ ...d, position: eightPositions[i] }));
  const workTypes = [
    ...(level.workTypes as unknown[]),
    {
      id: 'billing',
      name: 'Billing question at desk',
      shape: 'star',
      journey: [{ skill: 'check-in' }, { skill: 'insurance-check' }, { skill: 'explain-results' }],
    },
  ];
  return {
    ...level,
    id: 'eight-desk-clinic',
    departments,
    workTypes,
    arrivals: { ratePerMinute: 6 },
    actions: { route: true, handoffCare: true, reprioritise: true, moveStaff: true },
  };
}
