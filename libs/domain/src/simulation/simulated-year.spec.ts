import { checkNationalNumber } from '../newcomer/national-number';
import { calendarDate, endOfDayInstant } from '../time/calendar-date';
import { driveTrajectory } from './drive-trajectory';
import { DEFAULT_SIMULATION, INTAKE_2010, planNewcomer, SimulatedTargetGroup } from './simulated-year';

/**
 * A sample of the 41,090 newcomers, spread over all of them (every 41st): planning them all takes minutes, and the
 * whole year is what `npm run simulate:year` generates.
 */
const SAMPLE_STEP = 41;
const SAMPLE = Math.ceil(INTAKE_2010.adults / SAMPLE_STEP);

describe('the simulated 2010 intake', () => {
  const plans = Array.from({ length: SAMPLE }, (_, position) =>
    planNewcomer(DEFAULT_SIMULATION, position * SAMPLE_STEP),
  );

  it('draws the target groups of 2010 (35.2% obliged, 54.1% entitled, 10.7% undetermined): a sample of 1,003 within three standard errors', () => {
    expect(plans).toHaveLength(1_003);
    expect(plans.at(-1)!.index).toBeLessThan(INTAKE_2010.adults);
    const counts: Record<SimulatedTargetGroup, number> = { OBLIGED: 0, ENTITLED: 0, UNDETERMINED: 0 };
    for (const plan of plans) counts[plan.targetGroup] += 1;
    for (const group of Object.keys(counts) as SimulatedTargetGroup[]) {
      const share = INTAKE_2010.shares[group];
      // About ±4.5 points for obliged and entitled, ±3 for undetermined: a wrong share of 2010 falls outside.
      const tolerance = 3 * Math.sqrt((share * (1 - share)) / plans.length);
      expect([group, Math.abs(counts[group] / plans.length - share) <= tolerance]).toEqual([group, true]);
    }
  });

  it('is deterministic: the same seed gives the same newcomers, another seed others', () => {
    expect(planNewcomer(DEFAULT_SIMULATION, 17 * SAMPLE_STEP)).toEqual(plans[17]);
    expect(planNewcomer({ ...DEFAULT_SIMULATION, seed: 'other' }, 17 * SAMPLE_STEP)).not.toEqual(plans[17]);
  });

  it('gives every newcomer their own trajectory id and a valid national number of their own', () => {
    const numbers = plans.map(
      (plan) =>
        (plan.commands[0].command as { newcomer: { nationalNumber: string } }).newcomer.nationalNumber,
    );
    expect(new Set(plans.map((plan) => plan.trajectoryId)).size).toBe(plans.length);
    expect(new Set(numbers).size).toBe(plans.length);
    expect(numbers.every((number) => checkNationalNumber(number).valid)).toBe(true);
  });

  it('registers everyone in the year and issues no fact after the followed period', () => {
    const last = endOfDayInstant(DEFAULT_SIMULATION.followUntil);
    for (const plan of plans) {
      expect(plan.commands[0].at).toBeGreaterThanOrEqual(Date.parse('2024-01-01T00:00:00Z'));
      expect(plan.commands[0].at).toBeLessThan(Date.parse('2025-01-01T00:00:00Z'));
      expect(plan.commands.every((command) => command.at <= last)).toBe(true);
    }
  });

  it('plays out through the domain: the rules derive the planned target group and accept the main line', () => {
    const until = endOfDayInstant(calendarDate('2025-12-31'));
    for (const plan of plans.slice(0, 150)) {
      const driven = driveTrajectory(plan.commands, until);
      const derived = driven.state?.targetGroup?.derived.status;
      expect([plan.index, derived ?? 'UNDETERMINED']).toEqual([plan.index, plan.targetGroup]);
      const refusedMainLine = driven.rejected.filter((rejected) =>
        ['OpenTrajectory', 'RecordIntake', 'RecordContract'].includes(rejected.command),
      );
      expect(refusedMainLine).toEqual([]);
    }
  });
});
