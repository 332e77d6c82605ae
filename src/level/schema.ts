/**
 * The level format: one source of truth. `levels/schema.json` is generated from this file
 * (`npm run levels:schema`), and the loader and checker validate every level file against it.
 * Every field carries a description because trainers see them as editor tooltips.
 */
import { z } from 'zod';

export const FORMAT_VERSION = 1 as const;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'use lower-case letters, digits and dashes, starting with a letter')
  .describe('A short id: lower-case letters, digits and dashes, e.g. "billing" or "tier-2".');

const seconds = (what: string) => z.number().min(0).max(86_400).describe(what);

export const Care = z
  .enum(['quick', 'thorough'])
  .describe(
    'How much care goes into handoff notes: "quick" saves the sender time, "thorough" saves the receiver rework.',
  );
export type Care = z.infer<typeof Care>;

export const Distribution = z
  .union([
    z.number().min(0).max(86_400).describe('A fixed number of seconds.'),
    z
      .object({
        kind: z.literal('fixed').describe('Always the same time.'),
        value: seconds('The time in seconds.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('uniform').describe('Any time between min and max, all equally likely.'),
        min: seconds('Shortest time in seconds.'),
        max: seconds('Longest time in seconds.'),
      })
      .strict(),
    z
      .object({
        kind: z
          .literal('exponential')
          .describe('Mostly short, sometimes long (memoryless, like phone calls).'),
        mean: z.number().positive().max(86_400).describe('Average time in seconds.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('lognormal').describe('Usually near the average with a long tail of slow cases.'),
        mean: z.number().positive().max(86_400).describe('Average time in seconds.'),
        sd: z.number().min(0).max(86_400).describe('Spread (standard deviation) in seconds.'),
      })
      .strict(),
  ])
  .describe(
    'A time in seconds: a plain number, or {"kind": "uniform" | "exponential" | "lognormal" | "fixed", ...}.',
  );
export type Distribution = z.infer<typeof Distribution>;

export const Role = z
  .enum([
    'frontline',
    'tier2',
    'supervisor',
    'billing',
    'it',
    'hr',
    'shipping',
    'sales',
    'quality',
    'health',
    'retail',
    'logistics',
    'public',
    'other',
  ])
  .describe(
    'What kind of place this is; it picks the default icon and colour. "health" (a clinic, a ward), "retail" (a shop floor), "logistics" (a warehouse, dispatch) and "public" (a public service counter) suit other trades.',
  );

export const Icon = z
  .enum([
    'headset',
    'wrench',
    'star',
    'coins',
    'laptop',
    'people',
    'box',
    'chart',
    'shield',
    'building',
    'cross',
    'bag',
    'truck',
    'civic',
  ])
  .describe(
    'The picture drawn on the department: "cross" (health), "bag" (retail), "truck" (logistics) and "civic" (a public building) suit other trades.',
  );

export const Shape = z
  .enum(['circle', 'square', 'triangle', 'diamond', 'hexagon', 'star'])
  .describe(
    'Token shape for this work type. Shape carries the meaning, so colour-blind players can tell types apart.',
  );

const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'use a hex colour like "#3366cc"')
  .describe('A colour as "#rrggbb".');

export const Department = z
  .object({
    id: id.describe('Short id used by journeys, requests and events, e.g. "billing".'),
    name: z.string().min(1).max(24).describe('Name shown on the map, e.g. "Billing". Keep it short.'),
    role: Role.default('other'),
    icon: Icon.optional().describe('Picture on the map; by default chosen from the role.'),
    color: color.optional().describe('Accent colour; by default chosen from the role.'),
    position: z
      .object({
        x: z.number().min(0).max(100).describe('Left to right, 0 to 100.'),
        y: z.number().min(0).max(100).describe('Top to bottom, 0 to 100.'),
      })
      .strict()
      .describe('Where the department sits on the map, in percent of the play area.'),
    staff: z
      .number()
      .int()
      .min(0)
      .max(50)
      .describe('How many people work here at the start (they work in parallel).'),
    skills: z
      .array(id)
      .min(1)
      .max(12)
      .describe('Which journey steps this department can do, e.g. ["triage", "reply"].'),
    serviceTime: z
      .record(z.string(), Distribution)
      .describe('Seconds one person needs for each skill, e.g. {"triage": 30}. Every skill needs an entry.'),
    handoffCare: Care.default('quick').describe(
      'Standing handoff policy for work this department passes on automatically.',
    ),
    queueWarning: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(4)
      .describe('Queue length at which the status light turns amber.'),
    queueLimit: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(8)
      .describe('Queue length at which the status light turns red.'),
    shifts: z
      .array(
        z
          .object({
            from: seconds('Level time (seconds) the shift starts.'),
            to: seconds('Level time (seconds) the shift ends.'),
            staff: z
              .number()
              .int()
              .min(0)
              .max(50)
              .optional()
              .describe('People on duty in this shift; by default everyone ("staff").'),
          })
          .strict(),
      )
      .max(20)
      .optional()
      .describe(
        'Opening hours, in time order. Outside every shift the desk is closed (nobody works there); left out, the desk is open all the time. Example: [{"from": 0, "to": 180}, {"from": 240, "to": 600, "staff": 1}].',
      ),
    breaks: z
      .array(
        z
          .object({
            at: seconds('Level time (seconds) the break starts.'),
            durationSeconds: seconds('How long the break lasts.'),
            staff: z.number().int().min(1).max(50).default(1).describe('How many people take the break.'),
          })
          .strict(),
      )
      .max(50)
      .default([])
      .describe(
        'Breaks: some people step away for a while (they finish the job in hand first). Example: [{"at": 120, "durationSeconds": 60}].',
      ),
  })
  .strict();
export type Department = z.infer<typeof Department>;

const stepFields = {
  skill: id.describe('The skill this step needs; a department with that skill must do it.'),
  label: z
    .string()
    .max(40)
    .optional()
    .describe(
      'What the step is, shown to players: in the briefing beside its skill, and on the board\'s bottom line for a picked ticket whose next step it is. E.g. "Fix the invoice".',
    ),
};

export const BranchStep = z.object(stepFields).strict().describe('One step of a branch.');

export const Branch = z
  .object({
    chance: z.number().min(0).max(1).describe('Chance (0 to 1) that a customer takes this branch.'),
    label: z
      .string()
      .max(40)
      .optional()
      .describe(
        'What this outcome is, shown in the briefing, e.g. "Needs a follow-up". A branch of one step without its own label lends it this one on the board.',
      ),
    steps: z
      .array(BranchStep)
      .max(6)
      .describe(
        'Steps done next on this branch, before the rest of the journey (or instead of it, with "end": true).',
      ),
    end: z
      .boolean()
      .default(false)
      .describe('true: after these steps the customer is done (the rest of the journey is skipped).'),
  })
  .strict();

export const JourneyStep = z
  .object({
    ...stepFields,
    then: z
      .array(Branch)
      .min(1)
      .max(4)
      .optional()
      .describe(
        'Where the journey can go after this step: each branch with its chance. With the chance left over (1 minus their sum) the journey goes on as written. Example: [{"chance": 0.3, "label": "Needs a follow-up", "steps": [{"skill": "review"}]}].',
      ),
  })
  .strict();

export const WorkType = z
  .object({
    id: id.describe('Short id, e.g. "refund".'),
    name: z.string().min(1).max(24).describe('Name shown to players, e.g. "Refund".'),
    shape: Shape,
    color: color.optional().describe('Token colour; by default taken from a colour-blind-safe palette.'),
    journey: z
      .array(JourneyStep)
      .min(1)
      .max(10)
      .describe(
        'The steps in order. The first is done where customers arrive; the last resolves the customer.',
      ),
    weight: z
      .number()
      .min(0)
      .max(1000)
      .default(1)
      .describe('How common this work type is, relative to the others.'),
    handoffRisk: z
      .number()
      .min(0)
      .max(5)
      .default(1)
      .describe(
        'How much quick notes hurt this work: 0 means never, 1 is normal, 2 is twice as likely to need rework.',
      ),
    patience: Distribution.optional().describe(
      'Seconds these customers wait happily before satisfaction starts to fall; by default customers.patience.',
    ),
    abandonAfter: z
      .number()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'These customers give up after waiting this many times their patience; by default customers.abandonAfter. A large number (like 100) means they never give up.',
      ),
    escalateChance: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        'Chance that one of these customers asks for a manager once out of patience; by default customers.escalateChance.',
      ),
    priority: z
      .number()
      .int()
      .min(0)
      .max(9)
      .default(0)
      .describe(
        'Who goes first: a desk takes waiting work of a higher priority before lower (0 is normal; a VIP might be 1). Equal priorities keep their order.',
      ),
    scoreWeight: z
      .number()
      .min(0)
      .max(10)
      .default(1)
      .describe(
        'How much one of these customers counts in the satisfaction and resolved parts of the score: 2 counts twice, 0 not at all.',
      ),
  })
  .strict();
export type WorkType = z.infer<typeof WorkType>;

export const Arrivals = z
  .object({
    ratePerMinute: z.number().min(0).max(600).describe('Customers arriving per minute at the start.'),
    spread: z
      .enum(['exponential', 'fixed', 'uniform', 'lognormal'])
      .default('exponential')
      .describe(
        'How gaps between arrivals vary: "exponential" is natural randomness, "fixed" is evenly spaced.',
      ),
    schedule: z
      .array(
        z
          .object({
            from: seconds('From this level time on (seconds)...'),
            ratePerMinute: z
              .number()
              .min(0)
              .max(600)
              .describe('...customers arrive at this rate per minute.'),
          })
          .strict(),
      )
      .max(50)
      .default([])
      .describe('Changes of the arrival rate over the level, in time order.'),
    scripted: z
      .array(
        z
          .object({
            at: seconds('Level time of arrival (seconds).'),
            workType: id.describe('Which work type this customer brings.'),
            name: z.string().max(24).optional().describe('Customer name shown in the game.'),
          })
          .strict(),
      )
      .max(5000)
      .default([])
      .describe('Customers who arrive at exact times, on top of the random ones.'),
    stopAt: seconds(
      'No new customers after this time; by default 85% of the duration, so the floor can clear.',
    ).optional(),
    mix: z
      .array(
        z
          .object({
            from: seconds('From this level time on (seconds)...'),
            weights: z
              .record(z.string(), z.number().min(0).max(1000))
              .describe(
                '...random customers bring these work types in these proportions, e.g. {"refund": 3, "invoice": 1}. A work type left out keeps its own weight.',
              ),
          })
          .strict(),
      )
      .max(50)
      .default([])
      .describe(
        "Changes of the work mix over the level, in time order (before the first, each work type's own weight).",
      ),
  })
  .strict()
  .describe('When customers come in.');

export const Customers = z
  .object({
    patience: Distribution.default(240).describe(
      'Seconds a customer waits happily before satisfaction starts to fall.',
    ),
    abandonAfter: z
      .number()
      .min(1)
      .max(10)
      .default(2.5)
      .describe(
        'A customer gives up after waiting this many times their patience (unless someone is working on them).',
      ),
    escalateChance: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe(
        'Chance that a customer who runs out of patience asks for a manager (adds an "escalation" step).',
      ),
    escalateSkill: id.default('escalation').describe('The skill an escalation needs.'),
    dropPerMinuteLate: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe('How much satisfaction (0 to 1) falls per minute past patience.'),
    bouncePenalty: z
      .number()
      .min(0)
      .max(1)
      .default(0.15)
      .describe('Satisfaction lost each time work bounces back.'),
    reaskPenalty: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('Satisfaction lost each time the customer is asked again for what they already said.'),
    names: z
      .array(z.string().min(1).max(24))
      .max(500)
      .optional()
      .describe('Names given to customers, in turn.'),
  })
  .strict()
  .describe('How customers behave.');

export const Handoffs = z
  .object({
    quickNoteSeconds: seconds('Sender time to write quick notes.').default(5),
    thoroughNoteSeconds: seconds('Sender time to write thorough notes.').default(30),
    quickReworkChance: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe(
        'Chance that the receiver must re-ask the customer after quick notes (times the work type risk).',
      ),
    quickBounceChance: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe(
        'Chance that the receiver sends quick-noted work back for clarification (times the work type risk).',
      ),
    thoroughReworkChance: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Chance of rework even after thorough notes.'),
    thoroughBounceChance: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Chance of a bounce even after thorough notes.'),
    reworkTime: Distribution.default(60).describe('Extra receiver time when notes were not enough.'),
    clarifySeconds: seconds('Sender time to fix notes after work bounced back.').default(30),
    misrouteTriageSeconds: seconds(
      'Time the wrong department spends before sending misrouted work back.',
    ).default(20),
    transferSeconds: seconds('Travel time of a ticket between departments.').default(2),
  })
  .strict()
  .describe('What handoffs cost and risk.');

const Effect = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('speed').describe('The requester works faster (or slower).'),
        factor: z
          .number()
          .min(0.1)
          .max(5)
          .describe('Service times of the requester are multiplied by this (0.7 = 30% faster).'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('hire').describe('The requester gets more people.'),
        staff: z.number().int().min(1).max(20).describe('People added to the requester.'),
        rampSeconds: seconds('Time from the end of hiring until the new people start work.').default(60),
      })
      .strict(),
    z
      .object({
        kind: z.literal('quality').describe("The requester's handoffs get better (or worse)."),
        factor: z
          .number()
          .min(0)
          .max(5)
          .describe('Rework and bounce chances of the requester are multiplied by this.'),
      })
      .strict(),
  ])
  .describe('What happens to the requester.');

export const InternalRequest = z
  .object({
    id: id.describe('Short id, e.g. "laptops".'),
    title: z
      .string()
      .min(1)
      .max(60)
      .describe('What is asked, shown to players, e.g. "Faster laptops for Tier 1".'),
    from: id.describe('Department that asks (the internal customer).'),
    to: id.describe('Department that must do the work.'),
    at: seconds('Level time when the request is made.'),
    workSeconds: seconds('Staff time the providing department spends on it.'),
    dueWithin: seconds('Seconds after the request by which it should be done.'),
    autoGrant: z
      .boolean()
      .default(false)
      .describe('Start the work automatically; otherwise a player grants it (when granting is enabled).'),
    effect: Effect.describe('What the requester gains when the work is done.'),
    neglect: z
      .discriminatedUnion('kind', [
        z
          .object({
            kind: z
              .literal('slowdown')
              .describe('The requester gets slower, step by step, while the request stays open.'),
            factor: z
              .number()
              .min(1)
              .max(5)
              .describe('Requester service times are multiplied by this, once more each period.'),
            everySeconds: seconds('How often the slowdown grows while the request stays open.').default(120),
            maxSteps: z.number().int().min(1).max(20).default(3).describe('The most times it can grow.'),
          })
          .strict(),
        z
          .object({
            kind: z.literal('loseStaff').describe('The requester loses people (they leave or are lent out).'),
            staff: z
              .number()
              .int()
              .min(1)
              .max(20)
              .describe('People the requester loses when the request is late.'),
          })
          .strict(),
        z
          .object({
            kind: z.literal('quality').describe("The requester's handoffs get sloppier."),
            factor: z
              .number()
              .min(1)
              .max(5)
              .describe('Requester rework and bounce chances are multiplied by this.'),
          })
          .strict(),
      ])
      .optional()
      .describe('What the requester suffers when the request is late; nothing if left out.'),
  })
  .strict();
export type InternalRequest = z.infer<typeof InternalRequest>;

export const LevelEvent = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('absence').describe('Some people of a department are away for a while.'),
        id: id.optional().describe('Needed for facilitator injects.'),
        at: seconds('Level time it starts (ignored for facilitator injects).').default(0),
        trigger: z
          .enum(['scheduled', 'facilitator'])
          .default('scheduled')
          .describe('"facilitator" makes it a live inject.'),
        department: id.describe('Who is short-staffed.'),
        staff: z.number().int().min(1).max(50).describe('How many people are away.'),
        durationSeconds: seconds('How long they are away.'),
        text: z.string().max(80).optional().describe('Message shown when it happens.'),
      })
      .strict(),
    z
      .object({
        kind: z
          .literal('outage')
          .describe('A department cannot work at all for a while (its system is down).'),
        id: id.optional().describe('Needed for facilitator injects.'),
        at: seconds('Level time it starts (ignored for facilitator injects).').default(0),
        trigger: z
          .enum(['scheduled', 'facilitator'])
          .default('scheduled')
          .describe('"facilitator" makes it a live inject.'),
        department: id.describe('Which department cannot work.'),
        durationSeconds: seconds('How long the outage lasts.'),
        text: z.string().max(80).optional().describe('Message shown when it happens.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('surge').describe('More customers than usual arrive for a while.'),
        id: id.optional().describe('Needed for facilitator injects.'),
        at: seconds('Level time it starts (ignored for facilitator injects).').default(0),
        trigger: z
          .enum(['scheduled', 'facilitator'])
          .default('scheduled')
          .describe('"facilitator" makes it a live inject.'),
        factor: z.number().min(0).max(20).describe('Arrival rate is multiplied by this while it lasts.'),
        durationSeconds: seconds('How long the surge lasts.'),
        text: z.string().max(80).optional().describe('Message shown when it happens.'),
      })
      .strict(),
  ])
  .describe('Something that happens during the level.');
export type LevelEvent = z.infer<typeof LevelEvent>;

export const Actions = z
  .object({
    route: z.boolean().default(true).describe('Players route finished work to the next department.'),
    handoffCare: z.boolean().default(false).describe('Players choose quick or thorough notes.'),
    moveStaff: z.boolean().default(false).describe('Players move people between departments.'),
    grantRequests: z.boolean().default(false).describe('Players grant internal requests.'),
    reprioritise: z.boolean().default(false).describe('Players move a ticket to the front of a queue.'),
  })
  .strict()
  .describe('Which player actions this level allows; each level teaches one thing.');

export const Weights = z
  .object({
    satisfaction: z.number().min(0).max(100).default(3).describe('Weight of mean customer satisfaction.'),
    resolved: z.number().min(0).max(100).default(3).describe('Weight of the share of customers resolved.'),
    meanTime: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe('Weight of mean resolution time against its target.'),
    p95Time: z.number().min(0).max(100).default(1).describe('Weight of the slowest 5% against their target.'),
    firstContact: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe('Weight of first-contact resolution (never re-asked, never bounced).'),
    effort: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe('Weight of low customer effort (few bounces and re-asks).'),
    handoffQuality: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe('Weight of handoffs that needed no rework.'),
    requestsOnTime: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe('Weight of internal requests served in time.'),
    cost: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe('Weight of staff time per customer against its target.'),
  })
  .strict()
  .describe(
    'How much each part counts towards the 0 to 100 score. Only the ratios matter; 0 leaves a part out.',
  );

export const Scoring = z
  .object({
    weights: Weights.default(Weights.parse({})),
    targets: z
      .object({
        meanResolutionSeconds: z
          .number()
          .positive()
          .max(86_400)
          .describe('Mean resolution time that earns full marks.'),
        p95ResolutionSeconds: z
          .number()
          .positive()
          .max(86_400)
          .describe('95th-percentile resolution time that earns full marks.'),
        staffSecondsPerCustomer: z
          .number()
          .positive()
          .max(86_400)
          .describe('Staff time per resolved customer that earns full marks.'),
      })
      .strict()
      .describe(
        'What "good" looks like for the time-based parts of the score: doing this well or better earns full marks.',
      ),
    stars: z
      .tuple([z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100)])
      .nullable()
      .describe(
        'Scores (0 to 100) for 1, 2 and 3 stars, in increasing order; null for a sandbox without stars.',
      ),
  })
  .strict()
  .describe('How the level is scored.');

export const Texts = z
  .object({
    briefing: z
      .array(z.string().min(1).max(160))
      .min(1)
      .max(6)
      .describe('What is at stake, in 1 to 6 short lines.'),
    goal: z.string().min(1).max(160).describe('The one thing this level teaches.'),
    newThisLevel: z.string().max(160).optional().describe('What is new for the player here.'),
    hints: z.array(z.string().min(1).max(160)).max(8).default([]).describe('Tips shown during play.'),
    debriefQuestions: z
      .array(z.string().min(1).max(200))
      .max(8)
      .default([])
      .describe('Questions for the facilitator to ask the room.'),
  })
  .strict()
  .describe('The words players and facilitators see: briefing, goal, hints and debrief questions.');

export const Level = z
  .object({
    $schema: z.string().optional().describe('Path to the schema, for editor autocomplete: "./schema.json".'),
    formatVersion: z.literal(FORMAT_VERSION).describe('Version of the level format. Use 1.'),
    id: id.describe('Unique level id, used in the campaign and in ?level=<id>.'),
    title: z.string().min(1).max(60).describe('Level title.'),
    texts: Texts,
    durationSeconds: z.number().min(30).max(7200).describe('Level length in seconds of game time.'),
    entry: id.optional().describe('Department where customers arrive; by default the first department.'),
    departments: z.array(Department).min(1).max(12).describe('The places on the map.'),
    workTypes: z.array(WorkType).min(1).max(8).describe('The kinds of customer requests and their journeys.'),
    skillNames: z
      .record(id, z.string().min(1).max(24))
      .default({})
      .describe(
        'How skills are named to players, on the cards ("Can do: ...") and under tickets ("needs ..."), e.g. {"medication-review": "Medicine check"}. A skill left out reads as its id with spaces ("medication review").',
      ),
    arrivals: Arrivals,
    customers: Customers.default(Customers.parse({})),
    handoffs: Handoffs.default(Handoffs.parse({})),
    autoRoute: z
      .union([z.enum(['none', 'all']), z.array(id)])
      .default('none')
      .describe(
        '"none": players route everything; "all": work moves on by itself; or a list of work type ids moved automatically.',
      ),
    internalRequests: z
      .array(InternalRequest)
      .max(20)
      .default([])
      .describe('Requests departments make of each other.'),
    events: z.array(LevelEvent).max(50).default([]).describe('Absences, outages and surges.'),
    actions: Actions.default(Actions.parse({})),
    scoring: Scoring,
  })
  .strict();

/** A validated level, with defaults filled in. Only the loader and checker produce these. */
export type Level = z.infer<typeof Level>;
/** What a trainer writes: defaults may be left out. */
export type LevelInput = z.input<typeof Level>;
