/**
 * Stage labels. An API names its own stages (GET /v1/meta), and those labels are shown exactly as
 * it sends them. Where the labels are ours (the demo CRM, or an API whose labels are not known
 * yet), they follow the UI language like every other string.
 */
import { STAGE_KEYS, type StageKey } from '../api/constants';
import type { MetaResponse } from '../api/schema';
import { t, type Translate } from './t';

type Stages = MetaResponse['stages'];

/** Our own stage labels, in the UI language. */
export function ownStages(): Stages {
  return STAGE_KEYS.map((key) => ({ key, label: t(`stage.${key}`) }));
}

/** The label of `key`: the API's when it sent one, else ours. */
export function stageLabel(stages: Stages, key: StageKey, translate: Translate = t): string {
  return stages.find((s) => s.key === key)?.label ?? translate(`stage.${key}`);
}

/** "MQL→Won" in the stages' own labels. */
export function mqlToWonLabel(stages: Stages, translate: Translate = t): string {
  return `${stageLabel(stages, 'mql', translate)}→${stageLabel(stages, 'won', translate)}`;
}
