import { describe, expect, it } from 'vitest';
import { FunnelRowSchema, LEVELS, PLATFORMS } from '../../../utils/api/schema';
import { demoEntities } from '../../../utils/demo/dataset';
import { demoWorld, makeWorld, makeWorldTree } from '../../fixtures/world';

describe('makeWorld', () => {
  const options = { platform: 'meta_ads', level: 'campaign', accountId: '1234567890', count: 40, seed: 7 } as const;

  it('is deterministic per seed', () => {
    expect(makeWorld(options)).toEqual(makeWorld(options));
    expect(makeWorld({ ...options, seed: 8 })).not.toEqual(makeWorld(options));
  });

  it.each([
    ['meta_ads', /^1202\d{14}$/],
    ['google_ads', /^\d{11}$/],
    ['linkedin_ads', /^\d{9}$/],
  ] as const)('gives %s entities unique IDs of the platform’s shape', (platform, pattern) => {
    const world = makeWorld({ ...options, platform });
    expect(world.every((entity) => pattern.test(entity.id))).toBe(true);
    expect(new Set(world.map((entity) => entity.id)).size).toBe(world.length);
  });

  it('gives funnels that satisfy the contract, unique names and the name prefix', () => {
    const world = makeWorld({ ...options, namePrefix: 'E2E ' });
    for (const entity of world) {
      expect(FunnelRowSchema.safeParse({ id: entity.id, name: entity.name, ...entity.funnel }).success).toBe(true);
      expect(entity.name.startsWith('E2E ')).toBe(true);
      expect(entity).toMatchObject({ platform: 'meta_ads', level: 'campaign', accountId: '1234567890' });
    }
    expect(new Set(world.map((entity) => entity.name)).size).toBe(world.length);
  });
});

describe('makeWorldTree', () => {
  it('links ad groups to campaigns and ads to ad groups', () => {
    const world = makeWorldTree({ platform: 'linkedin_ads', accountId: '508123456', campaigns: 3, adGroupsPerCampaign: 2, adsPerAdGroup: 4, seed: 1 });
    const ids = (level: string) => new Set(world.filter((entity) => entity.level === level).map((entity) => entity.id));
    const campaigns = ids('campaign');
    const adGroups = ids('ad_group');
    expect(campaigns.size).toBe(3);
    expect(adGroups.size).toBe(6);
    expect(ids('ad').size).toBe(24);
    for (const entity of world) {
      if (entity.level === 'ad_group') expect(campaigns.has(entity.parentId ?? '')).toBe(true);
      if (entity.level === 'ad') expect(adGroups.has(entity.parentId ?? '')).toBe(true);
    }
  });
});

describe('demoWorld', () => {
  it('holds every demo entity of every platform and level', () => {
    const world = demoWorld();
    for (const platform of PLATFORMS) {
      for (const level of LEVELS) {
        const mine = world.filter((entity) => entity.platform === platform && entity.level === level);
        expect(mine.map(({ id, name, spend, funnel }) => ({ id, name, spend, funnel }))).toEqual(
          demoEntities(platform, level).map(({ id, name, spend, funnel }) => ({ id, name, spend, funnel })),
        );
      }
    }
  });
});
