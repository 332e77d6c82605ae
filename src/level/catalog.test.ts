import { describe, expect, it } from 'vitest';
import { buildCatalog, getAllLevels, getCampaign, getLevelById, onLevelsChanged } from './catalog';

describe('catalog', () => {
  it('loads the real campaign and levels, all valid', () => {
    const campaign = getCampaign();
    expect(campaign.length).toBeGreaterThan(0);
    for (const entry of campaign) {
      expect(entry.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      expect(entry.level?.id).toBe(entry.id);
    }
    expect(getAllLevels().some((l) => l.path === 'levels/schema.json')).toBe(false);
    expect(getLevelById('sandbox')?.level?.scoring.stars).toBeNull();
    expect(getLevelById('right-desk')?.path).toBe('levels/01-right-desk.json');
    expect(getLevelById('nope')).toBeUndefined();
  });

  it('keeps broken files with their problems and flags unknown campaign ids', () => {
    const set = buildCatalog({
      '/levels/campaign.json': '{ "levels": ["broken", "right-dsk"] }',
      '/levels/01-broken.json': '{ "formatVersion": 1, "id": "broken", }',
      '/levels/02-right-desk.json': '{ "id": "right-desk" }',
    });
    expect(set.campaign.map((c) => c.id)).toEqual(['broken', 'right-dsk']);
    expect(set.campaign[1]?.level).toBeNull();
    expect(set.campaignProblems.some((p) => p.message.includes('Did you mean "right-desk"?'))).toBe(true);
    const broken = set.levels.find((l) => l.path === 'levels/01-broken.json');
    expect(broken?.level).toBeNull();
    expect(broken?.problems[0]?.message).toMatch(/comma too many/);
  });

  it('reports a missing campaign file', () => {
    const set = buildCatalog({ '/levels/a.json': '{}' });
    expect(set.campaign).toEqual([]);
    expect(set.campaignProblems[0]?.message).toMatch(/campaign\.json/);
  });

  it('lets listeners unsubscribe', () => {
    const off = onLevelsChanged(() => undefined);
    expect(typeof off).toBe('function');
    off();
  });
});
