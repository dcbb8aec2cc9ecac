import type {Score} from './score-expect.mjs'
export function recall(dir: string): Score
