import { readFileSync } from 'node:fs';
import {
  POLICY_ACTION_STATUSES,
  requiresExplanation,
} from '../../libs/domain/src/policy-plan/policy-action-status';
import { POLICY_ACTIONS_DATA_FILE, POLICY_ACTIONS_SOURCE } from './generate-policy-actions';
import { parsePolicyActions } from './parse-policy-actions';

describe('the policy plan report 2016-2017 parser', () => {
  const parse = parsePolicyActions(readFileSync(POLICY_ACTIONS_SOURCE, 'utf8'));

  it('reads 151 actions with unique SD.OD.n numbers and no unreadable row', () => {
    expect(parse.problems).toEqual([]);
    expect(parse.actions).toHaveLength(151);
    expect(new Set(parse.actions.map((action) => action.number)).size).toBe(151);
    for (const action of parse.actions) expect(action.number).toMatch(/^[1-5]\.\d\.\d{1,2}$/);
  });

  it('gives every action one of the 7 statuses, in the report counts', () => {
    const counts: Record<string, number> = {};
    for (const action of parse.actions) counts[action.status] = (counts[action.status] ?? 0) + 1;
    expect(
      Object.keys(counts).every((status) => (POLICY_ACTION_STATUSES as readonly string[]).includes(status)),
    ).toBe(true);
    expect(counts).toEqual({
      NEW: 38,
      IN_PROGRESS: 77,
      DONE: 21,
      EXTENDED: 2,
      DELAYED: 4,
      DROPPED: 8,
      NOT_STARTED: 1,
    });
  });

  it('finds an explanation exactly for the delayed, dropped and not-started actions', () => {
    for (const action of parse.actions) {
      expect([action.number, action.explanation !== null]).toEqual([
        action.number,
        requiresExplanation(action.status),
      ]);
    }
  });

  it('reads minister and portfolio cells, also when broken over lines', () => {
    const byNumber = new Map(parse.actions.map((action) => [action.number, action]));
    expect(byNumber.get('1.1.11')).toMatchObject({
      minister: 'Liesbeth Homans',
      portfolio: 'Integratie en Inburgering',
      status: 'IN_PROGRESS',
      title: 'We lanceren proeftuinen voor een aangepaste begeleiding voor 15-19 jarige nieuwkomers',
    });
    expect(byNumber.get('5.2.7')).toMatchObject({
      title: 'Opstart werkgroep Rom en Onderwijs',
      minister: 'Hilde Crevits',
    });
    expect(byNumber.get('2.2.11')).toMatchObject({
      status: 'NOT_STARTED',
      explanation: 'Deze actie wordt nog opgenomen in 2018-2019.',
    });
    const ministers = new Set(parse.actions.map((action) => action.minister));
    expect(ministers.size).toBe(7);
    // No section header ("OD n.n: ..." on one line) leaked into a title or an explanation.
    for (const action of parse.actions) {
      expect(`${action.title} ${action.explanation ?? ''}`).not.toMatch(/(^|\s)(OD ?\d+\.\d+:|SD ?\d+:)/);
    }
  });

  it('equals the checked-in data file (regenerate it with the generator after a parser change)', () => {
    const file = JSON.parse(readFileSync(POLICY_ACTIONS_DATA_FILE, 'utf8')) as unknown[];
    expect(file).toEqual(parse.actions.map(({ repairs: _repairs, ...action }) => action));
  });
});
