export * from './duplicating-task-queue';
export * from './leader-lock';
export * from './stuck-work.finder';
export * from './zombie-healer';
export * from './zombie-healer.service';
